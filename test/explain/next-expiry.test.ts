import { describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/analysis/statement.js';
import { design, row, run } from '../engine/design.js';

/*
 * The statement's next expiry is the engine's (DetailedLedger.nextExpiryPoints/Day): the
 * mean over the redemption draws of the lot that expires first, not FIFO replayed on the
 * mean spend. The case of test/engine/ledger-facts.test.ts: a reward of 60 points, rate
 * 0.6, expiry 6 months (2 quarters); 100 points earned in Q3, 50 in Q4.
 *   Q3: 1 unit in every draw (0.6 × 100 / 60), 60 from lot Q3 → it holds 40.
 *   Q4: 0.5 unit: 8 of 16 draws buy 1 (60 = lot Q3's 40 + 20 of lot Q4), the others nothing.
 *   Lot Q3, which expires at the end of 2025-Q1: 0 in 8 draws, 40 in 8 → 20 on average.
 *   FIFO on the mean spend (60, then 30) would have said 100 − 60 − 30 = 10.
 * Nothing expired within 2024 (lots Q1 and Q2 are empty).
 */
describe('explain: the next expiry', () => {
  const program = design({
    activities: { deal: { category: 'main', points: 50 } },
    points: { expiry_months: 6 },
    rewards: [{ id: 'r', cost_points: 60, vendor_cost: 1 }],
    redemption: { default: { rate: 0.6, mix: { r: 1 } } },
  });
  const { ledger, store, table } = run(program, [row('p', '2024-07-10', 'deal', { quantity: 2 }), row('p', '2024-10-10', 'deal')]);

  it('is the mean over the draws of the lot that expires first', () => {
    expect(buildStatement(ledger, store, table, 0).expiry).toEqual({ months: 6, expired: 0, next: { date: '2025-03-31', points: 20 } });
  });
});
