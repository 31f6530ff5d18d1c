/**
 * `calibrate` on fixtures/calibrate/: ten partners earning 100, 200, ..., 1,000 points
 * (P01 one deal of 100 points ... P10 ten), evaluated once, at the end of February 2024,
 * on their lifetime points. With a Gold threshold m, Gold holds the partners with
 * 100 i ≥ m: m in 701..800 gives P08, P09, P10, 3 of 10 = 30 %; 801..900 gives 20 %.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const FILES = ['fixtures/calibrate/program.yaml', '--history', 'fixtures/calibrate/history.csv', '--partners', 'fixtures/calibrate/partners.csv', '--no-cache'];

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

interface CalibrationJson {
  met: boolean;
  replays: number;
  targets: { metric: string; op: string; value: number; achieved: number; met: boolean; scale: number | null; values: { path: string; from: number; to: number }[]; neighbour: { value: number; metric: number } | null }[];
}

async function calibrateJson(...args: string[]): Promise<{ code: number; doc: CalibrationJson; err: string }> {
  const r = await cli('calibrate', ...FILES, '--format', 'json', ...args);
  return { code: r.code, doc: JSON.parse(r.out) as CalibrationJson, err: r.err };
}

const dir = mkdtempSync(join(tmpdir(), 'pointsmith-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calibrate', () => {
  it('finds a Gold threshold that puts exactly 3 of 10 partners in Gold', async () => {
    const { code, doc, err } = await calibrateJson('--target', 'tiers.Gold.share=30%', '--vary', 'tiers.Gold.min_points');
    expect(err).toBe('');
    expect(code).toBe(0);
    const [t] = doc.targets;
    expect(t).toMatchObject({ metric: 'tiers.Gold.share', op: '=', value: 0.3, achieved: 0.3, met: true, scale: null, neighbour: null });
    const to = t?.values[0]?.to ?? 0;
    // 700 < m ≤ 800 (the design as written: 500, 6 of 10).
    expect(t?.values[0]).toMatchObject({ path: 'tiers.Gold.min_points', from: 500 });
    expect(to).toBeGreaterThan(700);
    expect(to).toBeLessThanOrEqual(800);
    expect(doc.replays).toBeGreaterThan(1);
  });

  it('--format csv: a row per value moved, beside its target, agreeing with the JSON', async () => {
    const r = await cli('calibrate', ...FILES, '--target', 'tiers.Gold.share=30%', '--vary', 'tiers.Gold.min_points', '--format', 'csv');
    expect(r.code).toBe(0);
    const { doc } = await calibrateJson('--target', 'tiers.Gold.share=30%', '--vary', 'tiers.Gold.min_points');
    const to = doc.targets[0]?.values[0]?.to;
    // One target, one value: the header and one row (Gold from 500 to a value in 701..800, 3 of 10 = 0.3).
    expect(r.out).toBe(`metric,op,target,achieved,met,path,from,to,scale\ntiers.Gold.share,equals,0.3,0.3,true,tiers.Gold.min_points,500,${to},\n`);
  });

  it('--write keeps the comments, refuses to overwrite, and run confirms the share', async () => {
    const out = join(dir, 'gold30.yaml');
    const r = await cli('calibrate', ...FILES, '--target', 'tiers.Gold.share=30%', '--vary', 'tiers.Gold.min_points', '--write', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('# Calibration hand fixture');
    expect(text).toContain('deal: { category: sales, points: 100 } # per deal');
    expect(text).toMatch(/- \{ name: Gold, min_points: (70[1-9]|7[1-9]\d|800) \}/);
    const run = await cli('run', out, '--history', 'fixtures/calibrate/history.csv', '--partners', 'fixtures/calibrate/partners.csv', '--no-cache', '--format', 'json');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.out) as RunSummary).tiers.find((x) => x.tier === 'Gold')?.partners).toBe(3);
    const again = await cli('calibrate', ...FILES, '--target', 'tiers.Gold.share=30%', '--vary', 'tiers.Gold.min_points', '--write', out);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`${out} already exists; not overwriting it`);
    expect(again.err).toContain('hint: add --force to replace it, or choose another --write file');
  });

  it('a share between two steps: the closest value, and the neighbour on the other side', async () => {
    // 25 %: 800 gives 30 % (3 partners), 801 gives 20 % (2); both 5 points away.
    const { code, doc } = await calibrateJson('--target', 'tiers.Gold.share=25%', '--vary', 'tiers.Gold.min_points');
    expect(code).toBe(0);
    const [t] = doc.targets;
    expect(t?.met).toBe(true);
    const pair = [[t?.values[0]?.to, t?.achieved], [t?.neighbour?.value, t?.neighbour?.metric]].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    expect(pair).toEqual([
      [800, 0.3],
      [801, 0.2],
    ]);
  });

  it('--scale: one multiplier over the weights', async () => {
    // Earned as written: 100 × (1 + 2 + ... + 10) = 5,500. 2,750 needs every deal at 50 points: × 0.5.
    const { code, doc } = await calibrateJson('--target', 'points.earned=2750', '--vary', 'activities.*.points', '--scale');
    expect(code).toBe(0);
    const [t] = doc.targets;
    expect(t?.achieved).toBe(2750);
    expect(t?.values).toEqual([{ path: 'activities.deal.points', from: 100, to: 50 }]);
    expect(t?.scale).toBeCloseTo(0.5, 2);
  });

  it('a target no value reaches exits 1, naming it, with the closest value found', async () => {
    const r = await cli('calibrate', ...FILES, '--target', 'tiers.Gold.share>=110%', '--vary', 'tiers.Gold.min_points');
    expect(r.code).toBe(1);
    // Every partner in Gold (a threshold of at most 100 points) is as close as it gets: 100 %.
    expect(r.out).toMatch(/│ tiers\.Gold\.share >= 110\.0% │\s+100\.0% │ no\s+│/);
    expect(r.out).toContain('Not met: tiers.Gold.share >= 110.0%.');
  });

  it('bad usage exits 2 with a message and a hint', async () => {
    const none = await cli('calibrate', ...FILES, '--vary', 'tiers.Gold.min_points');
    expect([none.code, none.err]).toEqual([2, 'error: calibrate needs at least one --target\nhint: e.g. --target tiers.Gold.share=10% --vary tiers.Gold.min_points\n']);
    const noVary = await cli('calibrate', ...FILES, '--target', 'tiers.Gold.share=30%');
    expect(noVary.code).toBe(2);
    expect(noVary.err).toContain('calibrate needs --vary');
    const typo = await cli('calibrate', ...FILES, '--target', 'tiers.Gold.shar=30%', '--vary', 'tiers.Gold.min_points');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('unknown metric `tiers.Gold.shar`');
    expect(typo.err).toContain('did you mean `tiers.Gold.share`?');
    const percent = await cli('calibrate', ...FILES, '--target', 'tiers.Gold.share=30', '--vary', 'tiers.Gold.min_points');
    expect(percent.code).toBe(2);
    expect(percent.err).toContain('a share lies between 0 and 1');
    expect(percent.err).toContain('did you mean 30%?');
    const syntax = await cli('calibrate', ...FILES, '--target', 'tiers.Gold.share', '--vary', 'tiers.Gold.min_points');
    expect(syntax.code).toBe(2);
    expect(syntax.err).toContain('expected METRIC=VALUE, METRIC<=VALUE or METRIC>=VALUE');
    const scale = await cli('calibrate', ...FILES, '--target', 'points.earned=2750', '--target', 'tiers.Gold.share=30%', '--vary', 'activities.*.points', '--scale');
    expect(scale.code).toBe(2);
    expect(scale.err).toContain('--scale searches one multiplier, so it takes one --target (got 2)');
    const unpaired = await cli('calibrate', ...FILES, '--target', 'points.earned=2750', '--vary', 'tiers.*.min_points');
    expect(unpaired.code).toBe(2);
    expect(unpaired.err).toContain('--target points.earned: no --vary value to move it');
  });
});
