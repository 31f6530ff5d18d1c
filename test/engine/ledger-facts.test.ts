/**
 * The facts a detailed replay records for statements, so that no analysis compiles the
 * design again or re-reads the history: the multipliers a partner's scored events met
 * (`appliedFactors`) and the points that expire next (`nextExpiryPoints`, `nextExpiryDay`).
 * Expected values worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compile.js';
import { prepareHistory } from '../../src/engine/prepare.js';
import { replayCompiled, replayRedemption } from '../../src/engine/replay.js';
import { formatDay } from '../../src/history/day.js';
import { design, row, run } from './design.js';

describe('appliedFactors: the multipliers that applied to scored events', () => {
  /*
   * deal: 100 points when amount ≥ 10, product saas ×1.5, perpetual ×0.8, onprem ×2,
   * region apac ×1.2, emea ×1.1. logo: 10 points, distinct customer, product saas ×3.
   * X (apac in the partners file):
   *   saas deal, region blank → saas ×1.5, and X's own region apac ×1.2;
   *   perpetual deal, region apac on the row → perpetual ×0.8, apac ×1.2 (the same text as
   *   X's fallback: one entry);
   *   deal with no product and a blank region → no product factor, apac ×1.2 again;
   *   onprem deal of 5 → fails `where`: scores nothing, so ×2 never applied;
   *   logo K1 (product other, ×1 → nothing to record), then K1 again with product saas →
   *   `distinct` drops it in the window: scores nothing, so ×3 never applied.
   *   → deal: product perpetual 0.8, product saas 1.5, region apac 1.2 (columns as
   *     designed, values sorted).
   * Y (emea): saas deal with region emea on the row → deal: product saas 1.5, region emea 1.1.
   */
  const program = design({
    activities: {
      deal: {
        category: 'main',
        points: 100,
        where: { amount: { min: 10 } },
        multipliers: { product: { saas: 1.5, perpetual: 0.8, onprem: 2 }, region: { apac: 1.2, emea: 1.1 } },
      },
      logo: { category: 'main', points: 10, distinct: 'customer_id', multipliers: { product: { saas: 3 } } },
    },
  });
  const rows = [
    row('X', '2024-02-01', 'deal', { amount: 100, product: 'saas', region: '' }),
    row('X', '2024-02-02', 'deal', { amount: 100, product: 'perpetual', region: 'apac' }),
    row('X', '2024-02-03', 'deal', { amount: 100, product: '', region: '' }),
    row('X', '2024-02-04', 'deal', { amount: 5, product: 'onprem', region: '' }),
    row('X', '2024-05-01', 'logo', { customer_id: 'K1', product: 'other', region: '' }),
    row('X', '2024-05-02', 'logo', { customer_id: 'K1', product: 'saas', region: '' }),
    row('Y', '2024-02-01', 'deal', { amount: 100, product: 'saas', region: 'emea' }),
  ];
  const partners = [
    { partner_id: 'X', region: 'apac' },
    { partner_id: 'Y', region: 'emea' },
  ];

  it('lists, per partner, the values its scored events met with a factor other than 1', () => {
    const { ledger } = run(program, rows, partners);
    const deal = ledger.activityIds.indexOf('deal');
    expect(ledger.appliedFactors[0]).toEqual([
      { activity: deal, column: 'product', value: 'perpetual', factor: 0.8 },
      { activity: deal, column: 'product', value: 'saas', factor: 1.5 },
      { activity: deal, column: 'region', value: 'apac', factor: 1.2 },
    ]);
    expect(ledger.appliedFactors[1]).toEqual([
      { activity: deal, column: 'product', value: 'saas', factor: 1.5 },
      { activity: deal, column: 'region', value: 'emea', factor: 1.1 },
    ]);
    // Their points agree: X's deals in Q1 100 × 1.5 × 1.2 + 100 × 0.8 × 1.2 + 100 × 1.2 = 180 + 96 + 120 = 396; Q2 one logo, 10.
    expect(ledger.earned[0]).toBeCloseTo(396, 9);
    expect(ledger.earned[1]).toBeCloseTo(10, 9);
  });

  it('is empty for every partner of a design without multipliers', () => {
    const plain = design({ activities: { deal: { category: 'main', points: 100 } } });
    const { ledger } = run(plain, [row('X', '2024-02-01', 'deal'), row('Y', '2024-02-01', 'deal')]);
    expect(ledger.appliedFactors).toEqual([[], []]);
  });
});

describe('nextExpiryPoints / nextExpiryDay: the lot that expires next, the mean over the draws', () => {
  /*
   * One reward of 60 points, rate 0.6, expiry 6 months (2 quarters: a lot lives through its
   * quarter and 2 more). deal = 50 points: 2 in Q3 (100 points), 1 in Q4 (50).
   * Q3: ask 0.6 × 100 / 60 = 1 unit, whole, in every draw: 60 spent from lot Q3 → it holds 40.
   * Q4: ask 0.6 × 50 / 60 = 0.5 unit: 8 of the 16 draws ask 1 unit; balance 40 + 50 = 90
   *     pays it, the oldest points first: 40 from lot Q3, 20 from lot Q4.
   *     Lot Q2 (empty) expires at the end of Q4; lots Q3 and Q4 are left:
   *       the 8 draws that spent: Q3 0, Q4 30;  the 8 others: Q3 40, Q4 50.
   * Lot Q3 expires first (at the end of 2025-Q1): it holds (8 × 0 + 8 × 40) / 16 = 20 on
   * average. (FIFO on the mean spend, 60 then 30, would say 100 − 60 − 30 = 10: the mean of
   * the draws' lots is not the lot of the mean draw.) Balance (8 × 30 + 8 × 90) / 16 = 60.
   */
  const program = design({
    activities: { deal: { category: 'main', points: 50 } },
    points: { expiry_months: 6 },
    rewards: [{ id: 'r', cost_points: 60, vendor_cost: 1 }],
    redemption: { default: { rate: 0.6, mix: { r: 1 } } },
  });
  const rows = [row('p', '2024-07-10', 'deal', { quantity: 2 }), row('p', '2024-10-10', 'deal')];

  it('20 points, held until 2025-03-31', () => {
    const { ledger } = run(program, rows);
    expect(ledger.nextExpiryPoints[0]).toBeCloseTo(20, 9);
    expect(formatDay(ledger.nextExpiryDay[0] ?? 0)).toBe('2025-03-31');
    expect(ledger.balance[3]).toBeCloseTo(60, 9);
  });

  it('each single draw: lot Q3 (40, to 2025-03-31) when it did not spend in Q4, else lot Q4 (30, to 2025-06-30), 8 draws each', () => {
    const { store, table } = run(program, rows);
    const c = compile(program, prepareHistory(store, table));
    const scored = replayCompiled(c);
    const seen: string[] = [];
    for (let first = 0; first < 16; first++) {
      const draw = replayRedemption(c, scored, { redemption: { seed: 1, first, count: 1, family: 16 } });
      seen.push(`${draw.nextExpiryPoints[0]} ${formatDay(draw.nextExpiryDay[0] ?? 0)}`);
    }
    expect(seen.filter((s) => s === '40 2025-03-31')).toHaveLength(8);
    expect(seen.filter((s) => s === '30 2025-06-30')).toHaveLength(8);
  });

  it('0 without expiry, and 0 when no lot holds points', () => {
    const never = design({ activities: { deal: { category: 'main', points: 50 } }, rewards: [{ id: 'r', cost_points: 60, vendor_cost: 1 }], redemption: { default: { rate: 0.6, mix: { r: 1 } } } });
    expect(run(never, rows).ledger.nextExpiryPoints[0]).toBe(0);
    // One deal of 50 in Q1, nothing redeemed (0.5 unit asked, 50 < 60 cannot pay it): lot Q1 expires at the end of Q3; nothing is left after Q4.
    expect(run(program, [row('p', '2024-01-10', 'deal')]).ledger.nextExpiryPoints[0]).toBe(0);
  });
});
