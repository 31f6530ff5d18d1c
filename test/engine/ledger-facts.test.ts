/**
 * The facts a detailed replay records for statements, so that no analysis compiles the
 * design again or re-reads the history: the multipliers a partner's scored events met
 * (`appliedFactors`).
 * Expected values worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
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
