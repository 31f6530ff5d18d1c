/**
 * `pointsmith run` end to end on the hand fixture (fixtures/hand/). The per-partner,
 * per-quarter figures are those derived by hand in test/engine/hand.test.ts (cited as
 * "engine:" below); this test adds them up the way the run report does.
 */
import { describe, expect, it } from 'vitest';
import { stderrBesidesHandDates } from '../support/hand-stderr.js';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const ARGS = ['run', 'fixtures/hand/program.yaml', '--history', 'fixtures/hand/history.csv', '--partners', 'fixtures/hand/partners.csv', '--no-cache'];

async function summary(extra: string[] = []): Promise<RunSummary> {
  const io = memoryIo();
  const code = await main([...ARGS, '--format', 'json', ...extra], io);
  expect(stderrBesidesHandDates(io.err())).toBe('');
  expect(code).toBe(0);
  return JSON.parse(io.out()) as RunSummary;
}

describe('run on fixtures/hand', () => {
  it('totals, conservation, cost and liability', async () => {
    const s = await summary();
    expect(s.program).toEqual({ name: 'Hand Fixture', currency: 'USD' });
    // engine: 20 rows, 2 outside the program dates
    expect(s.partners).toBe(3);
    expect(s.events).toBe(18);
    expect(s.periods.map((p) => p.label)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    // engine: earned acme 350 + 275 + 0 + 60 = 685, bolt 180 + 40 + 150 + 75 = 445 → 1130
    //         redeemed acme 175 + 137.5 + 0 + 30 = 342.5, bolt 144 + 32 + 120 + 60 = 356 → 698.5
    //         expired acme 37.5 + 245 = 282.5, bolt 0; outstanding acme 60 + bolt 89 = 149
    //         breakage 282.5 / 1130 = 0.25
    expect(s.points).toEqual({ earned: 1130, redeemed: 698.5, expired: 282.5, clawed_back: 0, outstanding: 149, debt: 0, breakage: 0.25 });
    expect(Math.abs(s.points.earned - s.points.redeemed - s.points.expired - s.points.outstanding)).toBeLessThanOrEqual(0.01);
    // engine: reward cost acme 70 + 55 + 0 + 12 = 137, bolt 57.6 + 12.8 + 48 + 24 = 142.4 → 279.4
    //         benefits acme 3 × 100 + bolt 2 × 100 = 500; discounts acme 2000 + bolt 1000 = 3000
    //         total 279.4 + 500 + 3000 = 3779.4
    // liability: voucher 3.2 / 8 = 0.4 per point; acme (reseller → default 0.5) 60 × 0.5 × 0.4 = 12,
    //            bolt (msp 0.8) 89 × 0.8 × 0.4 = 28.48 → 40.48
    expect(s.cost).toEqual({ rewards: 279.4, benefits: 500, discounts: 3000, total: 3779.4, liability: 40.48 });
    // the hand design has no budget; its one year (2024, all four quarters) still shows its cost
    expect(s.budget).toEqual({
      amount: null,
      per: null,
      used_share: null,
      by_year: [{ year: '2024', start: '2024-01-01', end: '2024-12-31', covered: 1, cost: 3779.4, amount: null, used_share: null }],
      worst_year: null,
      worst_year_share: null,
    });
  });

  it('tiers at the end and over time', async () => {
    const s = await summary();
    // engine: acme tiers [1, 1, 1 (grace), 0], bolt [0, 1, 1, 1], cirrus always 0
    expect(s.tiers).toEqual([
      { tier: 'Registered', partners: 2, share: 0.6667 },
      { tier: 'Silver', partners: 1, share: 0.3333 },
    ]);
    expect(s.tier_history.map((h) => [h.period, ...h.tiers.map((t) => t.partners)])).toEqual([
      ['2024-Q1', 2, 1],
      ['2024-Q2', 1, 2],
      ['2024-Q3', 1, 2],
      ['2024-Q4', 2, 1],
    ]);
  });

  it('reward demand against 20 vouchers a quarter: whole units, expectations beside them', async () => {
    const s = await summary();
    // engine: expected vouchers 39.875, 21.1875, 15, 11.25 → 87.3125 (× 8 points = 698.5 =
    //         redeemed; × $3.2 = 279.4); read whole: 40, 21, 15, 11 and 87 in all.
    //         expected shortfall 19.875 + 1.1875 = 21.0625 → 21 (20 + 1 by quarter); capacity 4 × 20 = 80
    expect(s.rewards).toEqual([
      {
        reward: 'voucher',
        units: 87,
        expected_units: 87.31,
        points: 698.5,
        vendor_cost: 279.4,
        capacity_per: 'period',
        capacity: 80,
        shortfall: 21,
        expected_shortfall: 21.06,
        by_period: [
          { period: '2024-Q1', units: 40, expected_units: 39.88 },
          { period: '2024-Q2', units: 21, expected_units: 21.19 },
          { period: '2024-Q3', units: 15, expected_units: 15 },
          { period: '2024-Q4', units: 11, expected_units: 11.25 },
        ],
        by_window: [
          { window: '2024-Q1', start: '2024-01-01', end: '2024-03-31', capacity: 20, units: 40, expected_units: 39.88, shortfall: 20, expected_shortfall: 19.88, exceeded_share: 1 },
          { window: '2024-Q2', start: '2024-04-01', end: '2024-06-30', capacity: 20, units: 21, expected_units: 21.19, shortfall: 1, expected_shortfall: 1.19, exceeded_share: 1 },
          { window: '2024-Q3', start: '2024-07-01', end: '2024-09-30', capacity: 20, units: 15, expected_units: 15, shortfall: 0, expected_shortfall: 0, exceeded_share: 0 },
          { window: '2024-Q4', start: '2024-10-01', end: '2024-12-31', capacity: 20, units: 11, expected_units: 11.25, shortfall: 0, expected_shortfall: 0, exceeded_share: 0 },
        ],
      },
    ]);
  });

  it('--by segment and --by period', async () => {
    const bySegment = (await summary(['--by', 'segment'])).by;
    // consultant (cirrus) nothing; msp (bolt) 445 points, 142.4 + 200 + 1000 = 1342.4, Silver;
    // reseller (acme) 685 points, 137 + 300 + 2000 = 2437, Registered at Q4
    expect(bySegment?.groups.map((g) => [g.key, g.partners, g.points_earned, g.cost_total, g.tiers.map((t) => t.partners)])).toEqual([
      ['consultant', 1, 0, 0, [1, 0]],
      ['msp', 1, 445, 1342.4, [0, 1]],
      ['reseller', 1, 685, 2437, [1, 0]],
    ]);
    const byPeriod = (await summary(['--by', 'period'])).by;
    // Q1 acme + bolt active, 350 + 180 = 530, cost 70 + 57.6 = 127.6
    // Q2 both, 275 + 40 = 315, cost acme 55 + 100 + 2000, bolt 12.8 → 2167.8
    // Q3 bolt only (acme has no Q3 rows), 150, cost acme 100, bolt 48 + 100 + 1000 → 1248
    // Q4 both, 60 + 75 = 135, cost acme 12 + 100, bolt 24 + 100 → 236
    expect(byPeriod?.groups.map((g) => [g.key, g.partners, g.points_earned, g.cost_total])).toEqual([
      ['2024-Q1', 2, 530, 127.6],
      ['2024-Q2', 2, 315, 2167.8],
      ['2024-Q3', 1, 150, 1248],
      ['2024-Q4', 2, 135, 236],
    ]);
  });

  it('the table report shows the shortfall quarters', async () => {
    const io = memoryIo();
    expect(await main(ARGS, io)).toBe(0);
    expect(io.out()).toMatch(/│ voucher\s+│\s+87 │\s+698\.50 │\s+\$279\.40 │\s+80 │\s+21 │ 2024-Q1, 2024-Q2 │/);
    expect(io.out()).toMatch(/│ budget\s+│ none in the design │/);
  });
});
