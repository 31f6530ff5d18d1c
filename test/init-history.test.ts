/**
 * `init --history` (issue 17) on fixtures/init: ten partners P01..P10, one activity `demo`,
 * Pk with k rows dated in 2024 (P10's last on 2024-12-31). The starter scores every
 * activity at 10 points, so at the last evaluation (2024-Q4, trailing 4 quarters = all of
 * 2024) Pk holds 10k points: 10, 20, ..., 100.
 *  - Gold 10%: the top ⌈0.1 × 10⌉ = 1 partner, P10 with 100 points → Gold from 100
 *    (only P10 reaches it; no one held Gold before, so Gold's grace keeps no one): 1/10 = 10%.
 *  - Silver 30%: the top ⌈(0.1 + 0.3) × 10⌉ = 4 partners end with P07 at 70 → Silver from
 *    70: P07, P08, P09 = 3/10 = 30%.
 *  - Gold 12%, Silver 28%: each partner is 10% of them, so no threshold hits either share.
 *    Gold from 91..100 gives 10% (P10 alone; 2 points short), from 90 20% (8 over): any of
 *    91..100 is closest (the search stops at the first it meets). Silver, with P10 alone in
 *    Gold: from 70 gives P07-P09 = 30% (2 over), from 80 20% (8 short): 61..70 (P07-P09).
 * The partners file puts P01-P05 in emea and P06-P10 in amer: regions amer, emea.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pointsmith } from './support/bin.js';

const HISTORY = ['--history', 'fixtures/init/history.csv', '--partners', 'fixtures/init/partners.csv', '--no-cache'];
const dir = mkdtempSync(join(tmpdir(), 'ps-init-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Threshold { tier: string; target_share: number; min_points: number; share: number; met: boolean }

describe('init --history', () => {
  it('writes the history\'s activities and span and calibrates Gold 10% and Silver 30% to 100 and 70 points', async () => {
    const out = join(dir, 'default.yaml');
    const r = await pointsmith('init', '--yes', ...HISTORY, '--out', out, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { answers: { starts: string; ends: string; regions: string[]; silver: number; gold: number }; history: { files: string[]; thresholds: Threshold[] } };
    expect(json.history.thresholds).toEqual([
      { tier: 'Gold', target_share: 0.1, min_points: 100, share: 0.1, met: true },
      { tier: 'Silver', target_share: 0.3, min_points: 70, share: 0.3, met: true },
    ]);
    expect(json.answers).toMatchObject({ starts: '2024-01-01', ends: '2024-12-31', regions: ['amer', 'emea'], silver: 70, gold: 100 });
    const design = parse(readFileSync(out, 'utf8')) as { activities: Record<string, unknown>; tiers: { name: string; min_points: number; min_points_by?: unknown }[]; legacy: { levels: { certified?: number }[] } };
    expect(design.activities).toEqual({ demo: { category: 'general', points: 10 } });
    expect(design.tiers.map((t) => t.min_points)).toEqual([0, 70, 100]);
    expect(design.tiers[2]?.min_points_by).toEqual({ region: { amer: 100, emea: 100 } });
    // No activity counts certifications in this history: the legacy levels ask for none.
    expect(design.legacy.levels.every((l) => l.certified === undefined)).toBe(true);

    // The design validates against the history and its run gives the shares printed.
    expect((await pointsmith('validate', out, '--history', 'fixtures/init/history.csv', '--strict')).code).toBe(0);
    const run = await pointsmith('run', out, ...HISTORY, '--format', 'json');
    expect(run.code).toBe(0);
    const tiers = (JSON.parse(run.out) as { tiers: { tier: string; partners: number }[] }).tiers;
    expect(tiers.map((t) => [t.tier, t.partners])).toEqual([['Registered', 6], ['Silver', 3], ['Gold', 1]]);
  });

  it('prints how close each tier came when whole points cannot reach the share', async () => {
    const out = join(dir, 'quarter.yaml');
    const r = await pointsmith('init', '--yes', ...HISTORY, '--gold-share', '12%', '--silver-share', '0.28', '--out', out);
    expect(r.code).toBe(0);
    const design = parse(readFileSync(out, 'utf8')) as { tiers: { min_points: number }[] };
    // See the header: the closest whole-point thresholds.
    const [, silver = 0, gold = 0] = design.tiers.map((t) => t.min_points);
    expect(gold).toBeGreaterThanOrEqual(91);
    expect(gold).toBeLessThanOrEqual(100);
    expect(silver).toBeGreaterThanOrEqual(61);
    expect(silver).toBeLessThanOrEqual(70);
    expect(r.err).toContain(`Gold: ${gold} points puts 10.0% of partners there (asked 12.0%)`);
    expect(r.err).toContain(`Silver: ${silver} points puts 30.0% of partners there (asked 28.0%)`);
    expect(r.err).toContain(`wrote ${out}; next: pointsmith validate ${out}`);
  });

  const bad: [string, string[], string, string][] = [
    ['--silver with --history', ['--silver', '100'], 'error: --silver and --gold set thresholds by hand; with --history they are calibrated', 'hint: drop --silver/--gold'],
    ['--activities with --history', ['--activities', 'demo'], 'error: --activities picks among the built-in ways to earn', 'hint: drop --activities, or drop --history'],
    ['a share written as a whole number', ['--gold-share', '10'], 'error: --gold-share 10: expected a share of partners above 0 and below 100%', 'hint: did you mean --gold-share 10%?'],
    ['shares that leave no one Registered', ['--gold-share', '60%', '--silver-share', '40%'], 'error: --gold-share 60% and --silver-share 40% leave no partner Registered', 'hint: the two shares together must stay below 100%'],
    ['a history that is not there', ['--history', 'fixtures/init/missing.csv'], 'fixtures/init/missing.csv', 'hint:'],
  ];
  for (const [what, flags, message, hint] of bad) {
    it(`refuses ${what} (exit 2)`, async () => {
      const out = join(dir, `bad-${what.replace(/\W+/g, '-')}.yaml`);
      const history = flags[0] === '--history' ? ['--no-cache'] : HISTORY;
      const r = await pointsmith('init', '--yes', ...history, ...flags, '--out', out);
      expect(r.err).toContain(message);
      expect(r.err).toContain(hint);
      expect(r.code).toBe(2);
      expect(() => readFileSync(out)).toThrow();
    });
  }
});
