/**
 * The README's quick start on synthetic data: `init --yes`, `generate --program`, `run`
 * (and the same with programs/starter.yaml) gives plausible figures, with no row outside
 * the programme. The bounds come from the brief, not from a measured run: budget use
 * between 20% and 120%, over the span and in the worst year.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

const ROOT = resolve(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'ps-quick-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ cwd: work });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

interface RunJson {
  events: number;
  budget: { used_share: number; worst_year_share: number };
  cost: { discounts: number };
  tiers: { tier: string; share: number }[];
}

async function replay(design: string, data: string): Promise<RunJson> {
  const run = await cli(['run', design, '--history', join(data, 'history.csv'), '--partners', join(data, 'partners.csv'), '--format', 'json', '--no-cache']);
  expect(run.code, run.err).toBe(0);
  // No "rows dated before/after the program" warning: generate wrote inside its dates.
  expect(run.err).not.toMatch(/csv-row-(before|after)-program/);
  return JSON.parse(run.out) as RunJson;
}

function historyRows(data: string): string[][] {
  return readFileSync(join(data, 'history.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
}

function expectPlausible(summary: RunJson, rows: number): void {
  // Every row is replayed: none outside the programme, none of an unknown activity.
  expect(summary.events).toBe(rows);
  expect(summary.budget.used_share).toBeGreaterThanOrEqual(0.2);
  expect(summary.budget.used_share).toBeLessThanOrEqual(1.2);
  expect(summary.budget.worst_year_share).toBeGreaterThanOrEqual(0.2);
  expect(summary.budget.worst_year_share).toBeLessThanOrEqual(1.2);
  // No price-list discount charged to the points budget (docs/format.md#discount_pct).
  expect(summary.cost.discounts).toBe(0);
  // A tier structure, not everyone at the top: the top tier holds under a quarter.
  expect(summary.tiers.at(-1)?.share).toBeLessThan(0.25);
}

describe('quick start: init --yes, generate --program, run', () => {
  it('replays every generated row and uses 20-120% of the budget', async () => {
    expect((await cli(['init', '--yes', '--out', 'mine.yaml'])).code).toBe(0);
    const gen = await cli(['generate', '--partners', '500', '--program', 'mine.yaml', '--out', 'data']);
    expect(gen.code, gen.err).toBe(0);
    expect(gen.err).not.toContain('warning');
    const data = join(work, 'data');
    const rows = historyRows(data);
    expectPlausible(await replay('mine.yaml', data), rows.length);
    // The design's guardrail (max_budget_share: 1, the worst year) holds: check exits 0.
    const check = await cli(['check', 'mine.yaml', '--history', join(data, 'history.csv'), '--partners', join(data, 'partners.csv'), '--no-cache']);
    expect(check.code, check.out + check.err).toBe(0);
  }, 60_000);

  it('covers init’s dates with generate’s defaults, design or no design', async () => {
    expect((await cli(['init', '--yes', '--out', 'dates.yaml'])).code).toBe(0);
    const program = (parse(readFileSync(join(work, 'dates.yaml'), 'utf8')) as { program: { starts: string; ends: string } }).program;
    // YAML reads an unquoted date as text here (the yaml package's core schema).
    expect([String(program.starts), String(program.ends)]).toEqual(['2024-01-01', '2025-12-31']);
    const gen = await cli(['generate', '--partners', '40', '--out', 'plain']);
    expect(gen.err).toContain('2024-01-01 to 2025-12-31');
    const days = historyRows(join(work, 'plain')).map((r) => r[1] as string);
    expect(days.every((d) => d >= '2024-01-01' && d <= '2025-12-31')).toBe(true);
  }, 30_000);

  it('writes no discount_pct (it would charge every amount to the points budget)', async () => {
    expect((await cli(['init', '--yes', '--out', 'nodiscount.yaml'])).code).toBe(0);
    const text = readFileSync(join(work, 'nodiscount.yaml'), 'utf8');
    expect(text).not.toMatch(/^\s*[^#\s].*discount_pct/m);
  });
});

describe('quick start with programs/starter.yaml', () => {
  it('replays every generated row and uses 20-120% of the budget', async () => {
    const design = join(ROOT, 'programs/starter.yaml');
    const gen = await cli(['generate', '--partners', '500', '--program', design, '--out', 'starter-data']);
    expect(gen.code, gen.err).toBe(0);
    const data = join(work, 'starter-data');
    expectPlausible(await replay(design, data), historyRows(data).length);
  }, 60_000);
});
