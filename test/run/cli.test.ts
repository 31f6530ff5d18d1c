/**
 * `pointsmith run` through main(), in-process, on test/run/fixtures/tiny.yaml.
 *
 * Hand replay of tiny.yaml over tiny-history.csv (quarters from 2024-01-01, lifetime window,
 * deal = 100 points × quantity, redemption: half of each period's points on vouchers of
 * 100 points / $10, budget $1000 a year):
 *   P1 (reseller): Q1 2 deals = 200 points, redeems 100 (1 voucher); Q2 200, redeems 100 (1 voucher);
 *                  lifetime 200 after Q1 → Registered, 400 after Q2 → Silver (≥ 300).
 *   P2 (msp):      Q1 1 deal = 100, asks 0.5 voucher: a whole voucher (its 100 points pay it) in
 *                  8 of the 16 stratified draws, none in the others: expected 0.5; Registered both quarters.
 *   earned 500, redeemed 250 (expected), expired 0, outstanding 250; vouchers 2.5 expected units
 *   (read whole: 3, half away from zero; Q1 1.5 → 2, Q2 1) = $25 = cost total.
 *   liability 250 × 0.5 × 1 × 10/100 = $12.50; budget 1000 × 2/4 years = 500, used 25/500 = 0.05.
 *   By year: one year, calendar 2024 (fiscal year from 01-01), half of it in the program
 *   (2 of 4 quarters; no `ends`, so up to the last event's quarter): budget 1000 × 0.5 = 500,
 *   cost $25 → 0.05, which is also the worst year.
 *   tiers at Q2: Registered 1, Silver 1 (0.5 each); at Q1: Registered 2.
 *   --by segment: msp 100 points, $5; reseller 400 points, $20.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const DIR = 'test/run/fixtures';
const DESIGN = `${DIR}/tiny.yaml`;
const HISTORY = ['--history', `${DIR}/tiny-history.csv`, '--partners', `${DIR}/tiny-partners.csv`, '--no-cache'];

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo(options);
  const code = await main(['run', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('pointsmith run', () => {
  it('prints the table report by default, without ANSI codes off a TTY', async () => {
    const { code, out, err } = await run([DESIGN, ...HISTORY]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.startsWith('Tiny Points: 2 partners, 3 events, 2 periods (2024-Q1 to 2024-Q2)\n')).toBe(true);
    expect(out).toMatch(/│ earned\s+│\s+500 │/);
    expect(out).toMatch(/│ total cost\s+│\s+\$25\.00 │/);
    expect(out).toMatch(/│ budget used\s+│\s+5\.0% │/);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('colours the table on a TTY, never with NO_COLOR, never in json', async () => {
    expect((await run([DESIGN, ...HISTORY], { tty: true })).out).toMatch(/\u001b\[/);
    expect((await run([DESIGN, ...HISTORY], { tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(/\u001b\[/);
    expect((await run([DESIGN, ...HISTORY, '--format', 'json'], { tty: true })).out).not.toMatch(/\u001b\[/);
  });

  it('--format json: the hand-derived figures, and conservation', async () => {
    const { code, out } = await run([DESIGN, ...HISTORY, '--format', 'json']);
    expect(code).toBe(0);
    const s = JSON.parse(out) as RunSummary;
    expect(s.partners).toBe(2);
    expect(s.events).toBe(3);
    expect(s.points).toEqual({ earned: 500, redeemed: 250, expired: 0, clawed_back: 0, outstanding: 250, debt: 0, breakage: 0 });
    expect(s.cost).toEqual({ rewards: 25, benefits: 0, discounts: 0, total: 25, liability: 12.5 });
    expect(s.budget).toEqual({
      amount: 500,
      per: 'year',
      used_share: 0.05,
      by_year: [{ year: '2024', start: '2024-01-01', end: '2024-12-31', covered: 0.5, cost: 25, amount: 500, used_share: 0.05 }],
      worst_year: '2024',
      worst_year_share: 0.05,
    });
    expect(s.tiers.map((t) => [t.tier, t.partners, t.share])).toEqual([
      ['Registered', 1, 0.5],
      ['Silver', 1, 0.5],
    ]);
    expect(s.tier_history[0]?.tiers.map((t) => t.partners)).toEqual([2, 0]);
    expect(s.rewards.map((r) => [r.reward, r.units, r.expected_units, r.vendor_cost, r.capacity])).toEqual([['voucher', 3, 2.5, 25, null]]);
    expect(s.rewards[0]?.by_period.map((p) => [p.units, p.expected_units])).toEqual([
      [2, 1.5],
      [1, 1],
    ]);
    expect(Math.abs(s.points.earned - s.points.redeemed - s.points.expired - s.points.outstanding)).toBeLessThanOrEqual(0.01);
    expect(s.by).toBeUndefined();
  });

  it('--by segment adds the breakdown to every format', async () => {
    const json = JSON.parse((await run([DESIGN, ...HISTORY, '--format', 'json', '--by', 'segment'])).out) as RunSummary;
    expect(json.by?.groups.map((g) => [g.key, g.partners, g.points_earned, g.cost_total])).toEqual([
      ['msp', 1, 100, 5],
      ['reseller', 1, 400, 20],
    ]);
    expect((await run([DESIGN, ...HISTORY, '--by', 'segment'])).out).toMatch(/\nBy segment\n[^]*│ reseller │\s+1 │\s+400 │\s+\$20\.00 │\s+0 │\s+1 │/);
    expect((await run([DESIGN, ...HISTORY, '--by', 'segment', '--format', 'markdown'])).out).toContain('| msp | 1 | 100 | $5.00 | 1 | 0 |');
    expect((await run([DESIGN, ...HISTORY, '--by', 'segment', '--format', 'csv'])).out).toContain('\nby_segment,,reseller,cost_total,20\n');
  });

  it('--set changes the design before the replay', async () => {
    const { code, out } = await run([DESIGN, ...HISTORY, '--format', 'json', '--set', 'activities.deal.points=200']);
    expect(code).toBe(0);
    const s = JSON.parse(out) as RunSummary;
    // 200 a deal: P1 400 + 400, P2 200 → 1000 earned, half redeemed = 500 = 5 vouchers = $50;
    // P1 is Silver already after Q1 (400 ≥ 300), P2 stays Registered (200)
    expect(s.points.earned).toBe(1000);
    expect(s.cost.rewards).toBe(50);
    expect(s.tier_history.map((h) => h.tiers.map((t) => t.partners))).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('is byte-identical run after run', async () => {
    const a = await run([DESIGN, ...HISTORY, '--format', 'json', '--by', 'period']);
    const b = await run([DESIGN, ...HISTORY, '--format', 'json', '--by', 'period']);
    expect(a.out).toBe(b.out);
  });

  it('--out writes the file, and refuses to overwrite it without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-run-'));
    const target = join(dir, 'run.json');
    const first = await run([DESIGN, ...HISTORY, '--format', 'json', '--out', target]);
    expect(first.code).toBe(0);
    expect(first.out).toBe('');
    expect((JSON.parse(readFileSync(target, 'utf8')) as RunSummary).points.earned).toBe(500);

    writeFileSync(target, 'keep me');
    const again = await run([DESIGN, ...HISTORY, '--format', 'json', '--out', target]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists; not overwriting it');
    expect(again.err).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('keep me');

    const forced = await run([DESIGN, ...HISTORY, '--format', 'json', '--out', target, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8').startsWith('{\n  "format_version": 2,')).toBe(true);
  });
});

describe('pointsmith run: bad usage and bad input (exit 2, nothing on stdout)', () => {
  it('an unknown --by value lists the allowed ones', async () => {
    const { code, out, err } = await run([DESIGN, ...HISTORY, '--by', 'tier']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain("argument 'tier' is invalid. Allowed choices are segment, region, period.");
  });

  it('an unknown --format value lists the allowed ones', async () => {
    const { code, err } = await run([DESIGN, ...HISTORY, '--format', 'xls']);
    expect(code).toBe(2);
    expect(err).toContain('Allowed choices are table, json, markdown, csv, html, xlsx.');
  });

  it('--history is required', async () => {
    const { code, out, err } = await run([DESIGN]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('no history: give --history FILE (or several), or --data MANIFEST');
  });

  it('a missing design is one line', async () => {
    const { code, out, err } = await run([`${DIR}/nope.yaml`, ...HISTORY]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toBe(`error: cannot read ${DIR}/nope.yaml: no such file or folder`);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('a design with errors prints its diagnostics with positions', async () => {
    const { code, out, err } = await run(['fixtures/invalid/unknown-category.yaml', ...HISTORY]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^fixtures\/invalid\/unknown-category\.yaml:\d+:\d+: error unknown-category: unknown category `awarness` \(did you mean `awareness`\?\)/m);
  });

  it('a bad history row stops the run before any report, naming the row', async () => {
    const { code, out, err } = await run([DESIGN, '--history', `${DIR}/tiny-bad-row.csv`, '--no-cache']);
    expect(code).toBe(2);
    expect(out).toBe('');
    // the third line of the file is data row 2
    expect(err).toContain(`${DIR}/tiny-bad-row.csv:3:4: error csv-bad-quantity: row 2: quantity \`lots\` is not a number`);
  });

  it('the shared bad-rows fixture: every bad row named, no report', async () => {
    const { code, out, err } = await run(['fixtures/history/design.yaml', '--history', 'fixtures/history/bad-rows.csv', '--no-cache']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('fixtures/history/bad-rows.csv:3:2: error csv-impossible-date: row 2: date `2024-02-30` does not exist on the calendar');
    // deal_closd (row 3) is not a bad row: a warning names it, and only --strict-activities makes it an error.
    // Of the 7 data rows: 1 event, 5 bad, 1 unscored.
    expect(err).toContain('warning: fixtures/history/bad-rows.csv: 1 of 7 rows not scored: ');
    expect(err).toContain('  fixtures/history/bad-rows.csv:4:3: warning csv-unscored-activity: activity `deal_closd` is not in the design: 1 row(s) not scored, the first is row 3 (did you mean `deal_closed`?)\n');
    expect(err).not.toContain('error csv-unknown-activity');
    expect(err).toContain('fixtures/history/bad-rows.csv:8:2: error csv-bad-date: row 7:');
    const strict = await run(['fixtures/history/design.yaml', '--history', 'fixtures/history/bad-rows.csv', '--no-cache', '--strict-activities']);
    expect(strict.code).toBe(2);
    expect(strict.err).toContain('fixtures/history/bad-rows.csv:4:3: error csv-unknown-activity: row 3: activity `deal_closd` is not in the design (did you mean `deal_closed`?)');
  });

  it('--skip-bad-rows reports them on stderr and replays the rest', async () => {
    const { code, out, err } = await run(['fixtures/history/design.yaml', '--history', 'fixtures/history/bad-rows.csv', '--no-cache', '--skip-bad-rows', '--max-skipped', '5', '--format', 'json']);
    // --max-skipped 5: the 5 bad rows of 7 are allowed (at the default 1% the command stops, test/evidence/cli.test.ts).
    expect(code).toBe(0);
    expect(err).toContain('skipped 5 bad row(s) of fixtures/history/bad-rows.csv');
    // 7 data rows, 5 bad and 1 unscored (deal_closd): only P1's 2024-01-05 deal is replayed
    expect((JSON.parse(out) as RunSummary).events).toBe(1);
  });

  it('a --set path that matches nothing suggests the closest', async () => {
    const { code, out, err } = await run([DESIGN, ...HISTORY, '--set', 'activities.dael.points=200']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--set `activities.dael.points` matches nothing');
    expect(err).toContain('did you mean `deal`?');
  });

  it('a missing history file is one line', async () => {
    const { code, out, err } = await run([DESIGN, '--history', `${DIR}/nope.csv`, '--no-cache']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toBe(`error: cannot read ${DIR}/nope.csv: no such file or folder`);
  });
});
