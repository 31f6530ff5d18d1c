/**
 * The `target` credit kind, worked out by hand (quarters of 2024, periods Q1..Q4 = 0..3).
 * Design: deal_closed 10 points per 1,000 of amount; quota_bonus 500 points once per
 * window when the partner's deal amount in the window reaches its `revenue_target`.
 */
import { describe, expect, it } from 'vitest';
import { maxPointsPerWindow } from '../../src/program/reachability.js';
import { design, perActivity, perPeriod, row, run } from './design.js';

const close = (actual: number[], expected: number[]): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? Number.NaN, 9));
};

const activities = {
  deal_closed: { category: 'main', points_per: { amount: 1000, points: 10 } },
  quota_bonus: { category: 'main', target: { column: 'revenue_target', basis: 'amount', points: 500, of: ['deal_closed'] } },
};
const partners = [
  { partner_id: 'a', revenue_target: '50000' },
  { partner_id: 'b', revenue_target: '200000' },
  { partner_id: 'c', revenue_target: '' },
];

describe('target', () => {
  it('credits the bonus once per window, in the period the partner reaches its own target', () => {
    // trailing_2 windows. Partner a (target 50,000):
    //   Q1 deal 30,000 → 300 points; window Q1 amount 30,000 < 50,000 → no bonus.      Q1 = 300
    //   Q2 deal 30,000 → 300; window Q1..Q2 60,000 ≥ 50,000, none credited → +500.     Q2 = 800
    //   Q3 deal 30,000 → 300; window Q2..Q3 60,000 ≥ 50,000 but credited in Q2 → 0.   Q3 = 300
    //   Q4 deal 30,000 → 300; window Q3..Q4 60,000, nothing credited in Q3 → +500.     Q4 = 800
    // Partner b (target 200,000): 4 × 30,000, no window reaches 200,000 → 300 a quarter.
    // Partner c (blank target): no bonus whatever it sells.
    const program = design({ calendar: { period: 'quarter', tier_window: 'trailing_2' }, activities });
    const rows = ['a', 'b', 'c'].flatMap((p) => ['2024-02-01', '2024-05-01', '2024-08-01', '2024-11-01'].map((d) => row(p, d, 'deal_closed', { amount: 30000 })));
    const { ledger } = run(program, rows, partners);
    const p = (id: string): number => ledger.partners.findIndex((x) => x.id === id);
    close(perPeriod(ledger, ledger.earned, p('a')), [300, 800, 300, 800]);
    close(perActivity(ledger, ledger.pointsByActivity, 'quota_bonus', p('a')), [0, 500, 0, 500]);
    // The bonus is base points of quota_bonus (like a step), not of the deals.
    close(perActivity(ledger, ledger.basePointsByActivity, 'quota_bonus', p('a')), [0, 500, 0, 500]);
    close(perPeriod(ledger, ledger.earned, p('b')), [300, 300, 300, 300]);
    close(perPeriod(ledger, ledger.earned, p('c')), [300, 300, 300, 300]);
  });

  it('counts quantity when the basis is quantity, goes through the accelerator and the cap', () => {
    // Lifetime window; target column `seats_goal` = 3; basis quantity of `seat_sold`.
    // Tiers: Base 0, Gold 100 (earn_multiplier 2). Each seat: 50 points.
    //   Q1: 2 seats → 100 points; count 2 < 3 → no bonus. Evaluation: 100 ≥ 100 → Gold.
    //   Q2: 1 seat → 50 × 2 (Gold accelerator) = 100; count 3 ≥ 3 → bonus 40 × 2 = 80,
    //       capped at 60 per period → 60 (20 capped). Q2 earned = 160.
    //   Q3: 1 seat → 100; lifetime window already credited (Q2) → no bonus.
    const program = design({
      calendar: { period: 'quarter', tier_window: 'lifetime' },
      activities: {
        seat_sold: { category: 'main', points: 50 },
        seats_bonus: { category: 'main', target: { column: 'seats_goal', basis: 'quantity', points: 40, of: ['seat_sold'] }, cap: { per: 'period', points: 60 } },
      },
      tiers: [
        { name: 'Base', min_points: 0 },
        { name: 'Gold', min_points: 100, earn_multiplier: 2 },
      ],
    });
    const { ledger } = run(
      program,
      [row('a', '2024-01-10', 'seat_sold', { quantity: 2 }), row('a', '2024-04-10', 'seat_sold'), row('a', '2024-07-10', 'seat_sold')],
      [{ partner_id: 'a', seats_goal: '3' }],
    );
    close(perPeriod(ledger, ledger.earned), [100, 160, 100, 0]);
    close(perActivity(ledger, ledger.pointsByActivity, 'seats_bonus'), [0, 60, 0, 0]);
    close(perActivity(ledger, ledger.cappedPointsByActivity, 'seats_bonus'), [0, 20, 0, 0]);
  });

  it('bounds a window by its bonus (× the highest accelerator) for reachability', () => {
    // 500 once per window × earn_multiplier 1.5 = 750; deal_closed is uncapped, so the category is unbounded.
    const program = design({ activities, tiers: [{ name: 'Base', min_points: 0, earn_multiplier: 1.5 }] });
    const bound = maxPointsPerWindow(program);
    expect(bound.categories['main']?.max).toBe(Infinity);
    const onlyBonus = design({ activities: { quota_bonus: activities.quota_bonus, deal_closed: { ...activities.deal_closed, cap: { per: 'window', points: 0 } } }, tiers: [{ name: 'Base', min_points: 0, earn_multiplier: 1.5 }] });
    expect(maxPointsPerWindow(onlyBonus).categories['main']?.max).toBe(750);
  });
});
