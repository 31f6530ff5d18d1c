import { describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/analysis/statement.js';
import { design, row, run } from '../engine/design.js';

/*
 * The multiplier line of a statement names only the factors that applied to the
 * partner's scored events. The design: a deal is 100 points, only when amount ≥ 10, with
 * product saas ×1.5, perpetual ×0.8, onprem ×2 and region apac ×1.2, emea ×1.1
 * (region is a partner attribute here: the history has no region column).
 *   X (apac): saas deal of 100 → 100 × 1.5 × 1.2 = 180; perpetual deal → 100 × 0.8 × 1.2 = 96;
 *             a deal with no product → 100 × 1.2 = 120 (no product factor);
 *             an onprem deal of 5 fails `where` (amount ≥ 10): it scores nothing, so ×2 never applied.
 *             Base 300, credited 396: multipliers +96. Rule: product perpetual and saas, region apac.
 *   Y (emea): one saas deal → 100 × 1.5 × 1.1 = 165, +65. Rule: product saas, region emea.
 */
describe('explain: the multipliers that applied', () => {
  const program = design({
    activities: {
      deal: {
        category: 'main',
        points: 100,
        where: { amount: { min: 10 } },
        multipliers: { product: { saas: 1.5, perpetual: 0.8, onprem: 2 }, region: { apac: 1.2, emea: 1.1 } },
      },
    },
  });
  const { ledger, store, table } = run(
    program,
    [
      row('X', '2024-02-01', 'deal', { amount: 100, product: 'saas' }),
      row('X', '2024-02-02', 'deal', { amount: 100, product: 'perpetual' }),
      row('X', '2024-02-03', 'deal', { amount: 100, product: '' }),
      row('X', '2024-02-04', 'deal', { amount: 5, product: 'onprem' }),
      row('Y', '2024-02-01', 'deal', { amount: 100, product: 'saas' }),
    ],
    [
      { partner_id: 'X', region: 'apac' },
      { partner_id: 'Y', region: 'emea' },
    ],
  );

  it('lists the values the partner met, not every value the design lists', () => {
    expect(buildStatement(ledger, store, table, 0).multipliers).toEqual([{ activity: 'deal', rule: 'product: perpetual ×0.8, saas ×1.5; region: apac ×1.2', points: 96 }]);
    expect(buildStatement(ledger, store, table, 1).multipliers).toEqual([{ activity: 'deal', rule: 'product: saas ×1.5; region: emea ×1.1', points: 65 }]);
  });
});
