/**
 * compare on fixtures/whatif. Worked by hand (quarters Q1, Q2 of 2024; lifetime window):
 *   P1: deals 2 × 100 = 200; webinars Q1 3 × 50 = 150, cap 100 per quarter → 100; earned 300 → Gold (≥ 300).
 *   P2: deal 100 + webinar 50 = 150 in Q2 → Registered.
 *   earned 450; redeemed 0.5 × 450 = 225 (mdf: 100 points a unit → asks of 1.5 units (P1, Q1) and 0.75 (P2, Q2);
 *   whole units: P1 takes 2 in 8 of the 16 draws and 1 in the others (its 300 points pay 2), P2 1 in 12 and 0 in 4:
 *   expected 1.5 + 0.75 = 2.25 units; Q1 demand is 1 or 2 against capacity 1 → expected shortfall 0.5, read whole 1);
 *   cost: rewards 2.25 × $10 = $22.50, benefits: P1 Gold during Q2 → $400 / 4 = $100; total $122.50.
 * double_deal (deal 200): P1 400 + 100 = 500, P2 200 + 50 = 250 → earned 750 (+300, +66.67%); tiers unchanged.
 * strict_gold (extends double_deal, Gold at 1000): nobody reaches Gold → P1 moves Gold → Registered,
 *   benefits $0, total $37.50 (rewards 3.75 units × $10).
 */
import { describe, expect, it } from 'vitest';
import { stderrBesidesHandDates } from '../support/hand-stderr.js';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { cli, DESIGN, HISTORY } from './cli-helpers.js';

interface CompareJson {
  columns: string[];
  rows: { key: string; values: (number | null)[]; delta: (number | null)[]; delta_share: (number | null)[] }[];
  tier_changes: { from: string; to: string; from_tiers: string[]; to_tiers: string[]; counts: number[][]; changed: number; top: { partner: string; from: string; to: string; points_delta: number }[] }[];
  runs: { column: string; summary: RunSummary }[];
}

async function compareJson(...args: string[]): Promise<CompareJson> {
  const r = await cli('compare', DESIGN, '--history', HISTORY, '--format', 'json', ...args);
  // The one note: no partners file, so the partner base is the history's P1 and P2.
  expect(stderrBesidesHandDates(r.err)).toBe('note: no --partners file: the partner base is the 2 partners found in the history\n');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as CompareJson;
}

describe('compare', () => {
  it('puts the design as written first, then each scenario, with deltas against the first', async () => {
    const doc = await compareJson('--scenario', 'double_deal', '--scenario', 'strict_gold');
    expect(doc.columns).toEqual(['design (as written)', 'double_deal', 'strict_gold']);
    const row = (key: string) => doc.rows.find((r) => r.key === key);
    expect(row('points.earned')).toEqual({ key: 'points.earned', section: 'points', values: [450, 750, 750], delta: [null, 300, 300], delta_share: [null, 0.6667, 0.6667] });
    expect(row('cost.total')?.values).toEqual([122.5, 137.5, 37.5]);
    expect(row('cost.total')?.delta).toEqual([null, 15, -85]);
    expect(row('tiers.Gold.share')?.values).toEqual([0.5, 0.5, 0]);
    // expected shortfall 0.5, read as a whole unit (half away from zero): 1
    expect(row('rewards.mdf.shortfall')?.values[0]).toBe(1);
  });

  it('shows who changes tier: a count matrix and the top movers by points', async () => {
    const doc = await compareJson('--scenario', 'strict_gold');
    const [changes] = doc.tier_changes;
    expect(changes?.from_tiers).toEqual(['Registered', 'Gold']);
    // Rows: as written (Registered: P2; Gold: P1); columns: strict_gold (both Registered).
    expect(changes?.counts).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(changes?.changed).toBe(1);
    // P1 earns 300 as written and 500 with deals doubled.
    expect(changes?.top).toEqual([{ partner: 'P1', name: '', from: 'Gold', to: 'Registered', points_from: 300, points_to: 500, points_delta: 200 }]);
  });

  it('--no-baseline makes the first scenario the reference', async () => {
    const doc = await compareJson('--no-baseline', '--scenario', 'double_deal', '--scenario', 'double_webinar');
    expect(doc.columns).toEqual(['double_deal', 'double_webinar']);
    // double_webinar: P1 Q1 3 × 100 capped at 100 → 300; P2 100 + 100 = 200 → 500 vs double_deal 750.
    expect(doc.rows.find((r) => r.key === 'points.earned')?.values).toEqual([750, 500]);
  });

  it('gives each column the same numbers as a separate run with that scenario', async () => {
    const doc = await compareJson('--scenario', 'double_deal', '--scenario', 'double_webinar');
    for (const { column, summary } of doc.runs) {
      const args = column === 'design (as written)' ? [] : ['--scenario', column];
      const run = await cli('run', DESIGN, '--history', HISTORY, '--format', 'json', ...args);
      expect(run.code).toBe(0);
      expect(summary).toEqual(JSON.parse(run.out));
    }
  });

  it('--set applies to every column', async () => {
    // deal 150: 3 × 150 + 150 = 600 as written; double_webinar keeps deal at 150: 450 + 100 + 100 = 650.
    const doc = await compareJson('--set', 'activities.deal.points=150', '--scenario', 'double_webinar');
    expect(doc.rows.find((r) => r.key === 'points.earned')?.values).toEqual([600, 650]);
  });

  it('compares two design files side by side, labelled by file name', async () => {
    const r = await cli('compare', DESIGN, 'fixtures/whatif/design-richer.yaml', '--history', HISTORY, '--format', 'csv');
    expect(r.code).toBe(0);
    // design-richer: webinars 100 points, cap 200 a quarter. P1: deals 200 + webinars 3 × 100 = 300 capped
    // to 200 → 400; P2: deal 100 + webinar 100 = 200. Earned 600: +150 on 450 = +33.33%.
    expect(r.out.split('\n')[0]).toBe('section,measure,variant,value,delta,delta_share');
    expect(r.out).toContain('points,points.earned,design,450,,');
    expect(r.out).toContain('points,points.earned,design-richer,600,150,0.3333');
    // Neither design has `launch:`, and both replay two quarters under a lifetime window: both are warm-up, per variant.
    expect(r.out.endsWith('warm_up,2024-Q1,design,1,,\nwarm_up,2024-Q2,design,1,,\nwarm_up,2024-Q1,design-richer,1,,\nwarm_up,2024-Q2,design-richer,1,,\n')).toBe(true);
  });

  it('reads the history against every design\'s activities; each design scores only its own', async () => {
    // Alone, design-no-webinar leaves the 4 webinar rows out with one warning (3 deals scored),
    // or rejects them as unknown activities with --strict-activities (exit 2).
    const alone = await cli('run', 'fixtures/whatif/design-no-webinar.yaml', '--history', HISTORY, '--format', 'json');
    expect(alone.code).toBe(0);
    expect((JSON.parse(alone.out) as { events: number }).events).toBe(3);
    expect(alone.err).toContain('warning: fixtures/whatif/history.csv: 4 of 7 rows not scored: their activity is not in the design');
    const strict = await cli('run', 'fixtures/whatif/design-no-webinar.yaml', '--history', HISTORY, '--format', 'json', '--strict-activities');
    expect(strict.code).toBe(2);
    // Compared with design.yaml, the rows are known, and it scores the 3 deals only: 3 × 100 = 300.
    // P1 earns 200 < 300, so P1 goes from Gold (as in design.yaml) to Registered; P2 (100) stays Registered.
    const r = await cli('compare', DESIGN, 'fixtures/whatif/design-no-webinar.yaml', '--history', HISTORY, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as CompareJson;
    expect(doc.rows.find((x) => x.key === 'points.earned')?.values).toEqual([450, 300]);
    expect(doc.tier_changes[0]?.top.map((m) => [m.partner, m.from, m.to])).toEqual([['P1', 'Gold', 'Registered']]);
  });

  it('a design against itself: every delta 0, nobody changes tier (the matrix is diagonal)', async () => {
    const r = await cli('compare', DESIGN, 'fixtures/whatif/../whatif/design.yaml', '--history', HISTORY, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as CompareJson;
    for (const row of doc.rows) expect(row.delta[1]).toBe(0);
    expect(doc.tier_changes[0]?.counts).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(doc.tier_changes[0]?.changed).toBe(0);
  });

  it('table and markdown show values with signed changes', async () => {
    const table = await cli('compare', DESIGN, '--history', HISTORY, '--scenario', 'double_deal');
    expect(table.code).toBe(0);
    expect(table.out).toContain('750 (+300, +66.7%)');
    const md = await cli('compare', DESIGN, '--history', HISTORY, '--scenario', 'strict_gold', '--format', 'markdown');
    expect(md.out).toContain('| total | $122.50 | $37.50 (−$85.00, −69.4%) |');
    expect(md.out).toContain('### Tier changes: design (as written) → strict_gold');
  });

  it('usage mistakes exit 2 with a message', async () => {
    const one = await cli('compare', DESIGN, '--history', HISTORY);
    expect(one.code).toBe(2);
    expect(one.err).toContain('compare needs two designs, or one design with --scenario');
    const both = await cli('compare', DESIGN, DESIGN, '--history', HISTORY, '--scenario', 'double_deal');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--scenario compares the scenarios of one design');
    const unknown = await cli('compare', DESIGN, '--history', HISTORY, '--scenario', 'dobule_deal');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('did you mean `double_deal`?');
  });
});
