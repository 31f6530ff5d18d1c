/**
 * Dated changes (`changes:`), on the hand fixture fixtures/changes/: quarters of 2025
 * (periods 0..3), trailing_1, Registered 0 / Gold 600 (annual cost 4000, 1000 a quarter).
 * From 2025-08-15 (inside Q3) a deal earns 300 instead of 200 and Gold needs 900.
 * Every figure derived by hand.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DetailedLedger } from '../../src/engine/ledger.js';
import { asOf } from '../../src/program/versions.js';
import { summarize } from '../../src/analysis/summary.js';
import { design, perPeriod, row, run } from './design.js';
import { loadFixtureProgram, replayFixture } from './fixture-replay.js';

const dir = new URL('../../fixtures/changes/', import.meta.url);
const [A, B] = [0, 1];
let L: DetailedLedger;

beforeAll(async () => {
  L = await replayFixture(dir, { program: 'program.yaml', history: 'history.csv' });
});

describe('dated changes', () => {
  it('scores each row under the version in force on its day, splitting the quarter that holds the change', () => {
    // A: Q1 one deal = 200; Q2 three deals = 600 (both before the change: 200 each);
    // Q3: 07-10 and 08-14 at 200, 08-15 (the effective day itself) and 09-30 at 300 = 1000; Q4: 10-05 at 300.
    expect(perPeriod(L, L.earned, A)).toEqual([200, 600, 1000, 300]);
    // B: Q3: 08-01 at 200, 08-20 and 09-01 at 300 = 800.
    expect(perPeriod(L, L.earned, B)).toEqual([0, 0, 800, 0]);
  });

  it('evaluates each quarter with the thresholds in force on its last day', () => {
    // Q1 and Q2 end before 2025-08-15: version 0; Q3 (ends 09-30) and Q4: version 1.
    expect(Array.from(L.periodVersion)).toEqual([0, 0, 1, 1]);
    // A: 200 < 600 Registered; 600 ≥ 600 Gold; 1000 ≥ 900 Gold; 300 < 900 Registered.
    expect(perPeriod(L, L.tier, A)).toEqual([0, 1, 1, 0]);
    // B: 800 would be Gold under 600, but Q3 is evaluated under 900: Registered.
    expect(perPeriod(L, L.tier, B)).toEqual([0, 0, 0, 0]);
    // The thresholds the ledger reports are the ones in force at the last evaluation.
    expect(Array.from(L.tierThresholds)).toEqual([0, 900, 0, 900]);
  });

  it('charges the benefits of the tier held, whatever version reached it', () => {
    // A holds Gold in Q3 (reached at Q2's end) and Q4 (reached at Q3's end): 4000 / 4 = 1000 each.
    expect(perPeriod(L, L.benefitCost, A)).toEqual([0, 0, 1000, 1000]);
  });

  it('as of a day before the change, the design is the one as written (compare --as-of)', () => {
    const program = loadFixtureProgram(dir, 'program.yaml');
    const before = asOf(program, '2025-08-14');
    expect(before.changes).toBeUndefined();
    expect(asOf(program, '2025-08-15').changes).toHaveLength(1);
  });

  it('changes nothing when a change sets the values already in force (fast-check)', () => {
    const base = {
      calendar: { period: 'quarter', tier_window: 'trailing_2' },
      activities: { x: { category: 'main', points: 10 }, y: { category: 'main', points_per: { points: 1, amount: 100 } } },
      tiers: [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 50, earn_multiplier: 1.5 }],
    };
    const days = ['2024-01-15', '2024-03-31', '2024-04-01', '2024-06-10', '2024-08-20', '2024-11-30'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: fc.constantFrom('P1', 'P2', 'P3'), d: fc.constantFrom(...days), a: fc.constantFrom('x', 'y'), amount: fc.integer({ min: 0, max: 5000 }) }), { maxLength: 30 }),
        fc.constantFrom('2024-02-01', '2024-04-01', '2024-07-15', '2024-12-31'),
        (rows, effective) => {
          const history = rows.map((r) => row(r.p, r.d, r.a, { amount: r.amount }));
          const plain = run(design(base), history).ledger;
          const same = run(
            design({ ...base, changes: [{ effective, set: { 'activities.x.points': 10, 'tiers.Gold.min_points': 50, 'tiers.Gold.earn_multiplier': 1.5 } }] }),
            history,
          ).ledger;
          expect(Array.from(same.earned)).toEqual(Array.from(plain.earned));
          expect(Array.from(same.tier)).toEqual(Array.from(plain.tier));
          expect(Array.from(same.balance)).toEqual(Array.from(plain.balance));
        },
      ),
      { seed: 16, numRuns: 60 },
    );
  });

  it('a change from the first day of a later period scores that period wholly under it', () => {
    // Quarterly 2024, x earns 1 until 2024-07-01 then 5; rows on 06-30 and 07-01: Q2 = 1, Q3 = 5.
    const program = design({ changes: [{ effective: '2024-07-01', set: { 'activities.x.points': 5 } }] });
    const { ledger } = run(program, [row('P', '2024-06-30', 'x'), row('P', '2024-07-01', 'x')]);
    expect(perPeriod(ledger, ledger.earned)).toEqual([0, 1, 5, 0]);
    expect(Array.from(ledger.periodVersion)).toEqual([0, 0, 1, 1]);
  });

  it('prices each period\'s redemptions at the reward price and vendor cost in force on its last day', () => {
    // Quarterly 2024; x earns 200; partners spend all they earn (rate 1) on a voucher of
    // 100 points / $10, from 2024-07-01 200 points / $30.
    // Q2 (before): 200 / 100 = 2 vouchers, 200 points, $20. Q3 (after): 200 / 200 = 1 voucher, 200 points, $30.
    // Whole asks: every redemption draw takes the same units. Totals: 3 vouchers, 400 points, $50.
    const program = design({
      activities: { x: { category: 'main', points: 200 } },
      rewards: [{ id: 'voucher', cost_points: 100, vendor_cost: 10 }],
      redemption: { default: { rate: 1, mix: { voucher: 1 } } },
      changes: [{ effective: '2024-07-01', set: { 'rewards.voucher.cost_points': 200, 'rewards.voucher.vendor_cost': 30 } }],
    });
    const { ledger } = run(program, [row('P', '2024-05-10', 'x'), row('P', '2024-08-10', 'x')]);
    expect(perPeriod(ledger, ledger.redeemed)).toEqual([0, 200, 200, 0]);
    expect(perPeriod(ledger, ledger.rewardCost)).toEqual([0, 20, 30, 0]);
    const summary = summarize(ledger);
    expect(summary.rewards[0]).toMatchObject({ reward: 'voucher', units: 3, points: 400, vendor_cost: 50 });
    expect(summary.cost.rewards).toBe(50);
    // The budget's year sums the same money (one fiscal year, 2024).
    expect(summary.budget.by_year[0]?.cost).toBe(50);
  });
});
