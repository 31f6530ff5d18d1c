/**
 * Clawback invariants, with fast-check on random histories:
 *  - clawing back every credit of a partner returns its points to zero (earned − clawed
 *    back = 0, and with no redemption the final balance is 0) and never raises a tier;
 *  - conservation with clawbacks and redemption: earned − clawed back = redeemed + expired
 *    + outstanding, per partner;
 *  - a refund of a row's whole amount takes back exactly what the row was credited.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainRow } from '../../src/history/store-builder.js';
import { formatDay } from '../../src/history/day.js';
import { design, run } from './design.js';

const DAY0 = Date.UTC(2024, 0, 1) / 86_400_000;

const sale = fc.record({
  partner: fc.constantFrom('a', 'b', 'c'),
  day: fc.integer({ min: 0, max: 360 }),
  amount: fc.integer({ min: 1, max: 40 }).map((x) => x * 500),
  /** Days after the sale that the reversal comes (at least 1: a later day, so after it in replay order). */
  later: fc.integer({ min: 1, max: 200 }),
});

function program(rate: number, cap: boolean) {
  return design({
    calendar: { period: 'quarter', tier_window: 'trailing_2' },
    activities: {
      sold: { category: 'main', points: 100, ...(cap ? { cap: { per: 'period', points: 250 } } : {}), clawback: { match: 'ref', when: 'lapsed' } },
      deal: { category: 'main', points_per: { amount: 1000, points: 10 }, clawback: { match: 'ref' } },
    },
    tiers: [
      { name: 'Base', min_points: 0 },
      { name: 'Silver', min_points: 200, earn_multiplier: 1.5 },
      { name: 'Gold', min_points: 600, earn_multiplier: 2 },
    ],
    rewards: [{ id: 'r', cost_points: 50, vendor_cost: 10 }],
    redemption: { default: { rate, mix: { r: 1 } } },
  });
}

/** The sales as rows (each its own ref), and their reversals (dated inside 2024, else dropped). */
function rows(sales: readonly { partner: string; day: number; amount: number; later: number }[], reverse: 'none' | 'all') {
  const out: PlainRow[] = [];
  sales.forEach((s, i) => {
    const date = formatDay(DAY0 + s.day);
    const activity = i % 2 === 0 ? 'sold' : 'deal';
    out.push({ partner_id: s.partner, date, activity, amount: s.amount, ref: `R${i}` });
    if (reverse === 'none') return;
    // Reversed on the last day of 2024 at the latest, so every reversal is inside the program.
    const when = formatDay(DAY0 + Math.min(365, s.day + s.later));
    out.push(
      activity === 'sold'
        ? { partner_id: s.partner, date: when, activity: 'lapsed', ref: `R${i}` }
        : { partner_id: s.partner, date: when, activity: 'deal', amount: -s.amount, ref: `R${i}` },
    );
  });
  return out;
}

const sum = (a: ArrayLike<number>, from: number, n: number): number => {
  let s = 0;
  for (let i = from; i < from + n; i++) s += a[i] ?? 0;
  return s;
};

describe('clawback properties', () => {
  it('clawing back every credit returns the points to zero and never raises a tier', () => {
    fc.assert(
      fc.property(fc.array(sale, { minLength: 1, maxLength: 25 }), fc.boolean(), (sales, cap) => {
        const p = program(0, cap);
        const kept = run(p, rows(sales, 'none')).ledger;
        const taken = run(p, rows(sales, 'all')).ledger;
        const T = taken.periods.length;
        expect(taken.partners.map((x) => x.id)).toEqual(kept.partners.map((x) => x.id));
        for (let q = 0; q < taken.partners.length; q++) {
          const earned = sum(taken.earned, q * T, T);
          const back = sum(taken.clawedBack, q * T, T);
          expect(Math.abs(earned - back)).toBeLessThan(1e-6);
          expect(Math.abs(taken.balance[q * T + T - 1] ?? 0)).toBeLessThan(1e-6);
          for (let t = 0; t < T; t++) expect(taken.tier[q * T + t] ?? 0).toBeLessThanOrEqual(kept.tier[q * T + t] ?? 0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('conservation with redemption: earned − clawed back = redeemed + expired + outstanding', () => {
    fc.assert(
      fc.property(fc.array(sale, { minLength: 1, maxLength: 25 }), fc.constantFrom(0.3, 0.8, 1), fc.boolean(), (sales, rate, reverseAll) => {
        // Reverse every other sale (or all): debts appear when redemption spent the points first.
        const all = rows(sales, 'all');
        const some = reverseAll ? all : all.filter((r, i) => !(r.activity === 'lapsed' || (r.activity === 'deal' && Number(r.amount) < 0)) || i % 4 === 1);
        const L = run(program(rate, false), some).ledger;
        const T = L.periods.length;
        for (let q = 0; q < L.partners.length; q++) {
          const lhs = sum(L.earned, q * T, T) - sum(L.clawedBack, q * T, T);
          const rhs = sum(L.redeemed, q * T, T) + sum(L.expired, q * T, T) + (L.balance[q * T + T - 1] ?? 0);
          expect(Math.abs(lhs - rhs)).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 150 },
    );
  });
});
