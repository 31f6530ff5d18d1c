/**
 * Properties of summarize over random (but internally consistent) ledgers: the parts add
 * up to the totals, whatever the numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summary.js';
import { buildLedger, fixtureProgram, quarters, type Cell } from './ledger-fixture.js';

const money = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });

const cell: fc.Arbitrary<Cell> = fc.record({
  earned: money,
  redeemed: money,
  expired: money,
  balance: money,
  tier: fc.integer({ min: 0, max: 2 }),
  benefitCost: money,
  discountCost: money,
  counts: fc.tuple(fc.nat(5), fc.nat(5)),
  units: fc.tuple(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true })),
});

const partner = fc.record({
  segment: fc.constantFrom('reseller', 'msp', ''),
  region: fc.constantFrom('emea', 'apac', ''),
});

const ledgerArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(partner, { minLength: 0, maxLength: 6 }))
  .chain(([T, partners]) =>
    fc.array(fc.array(cell, { minLength: T, maxLength: T }), { minLength: partners.length, maxLength: partners.length }).map((cells) =>
      buildLedger({
        program: fixtureProgram(),
        periods: quarters(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].slice(0, T)),
        partners: partners.map((p, i) => ({ id: `P${i}`, name: `P${i}`, legacyLevel: '', ...p })),
        cells,
        events: 0,
      }),
    ),
  );

describe('summarize properties', () => {
  it('cost total is the sum of its parts; groups add up to the totals; tier counts add up to the partners', () => {
    fc.assert(
      fc.property(ledgerArb, fc.constantFrom('segment' as const, 'region' as const, 'period' as const), (ledger, by) => {
        const s = summarize(ledger, { by });
        const c = s.cost;
        // each figure is rounded to cents on its own: three roundings apart at most 1.5 cents
        expect(Math.abs(c.total - (c.rewards + c.benefits + c.discounts))).toBeLessThanOrEqual(0.015 + 1e-9 * c.total);
        expect(Math.abs(c.rewards - s.rewards.reduce((x, r) => x + r.vendor_cost, 0))).toBeLessThanOrEqual(0.01 * s.rewards.length + 1e-9 * c.rewards);
        const groups = s.by?.groups ?? [];
        const tolerance = 0.005 * (groups.length + 1) + 1e-9 * (c.total + s.points.earned);
        expect(Math.abs(groups.reduce((x, g) => x + g.cost_total, 0) - c.total)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(groups.reduce((x, g) => x + g.points_earned, 0) - s.points.earned)).toBeLessThanOrEqual(tolerance);
        if (by !== 'period') expect(groups.reduce((x, g) => x + g.partners, 0)).toBe(s.partners);
        for (const list of [s.tiers, ...s.tier_history.map((h) => h.tiers)]) {
          expect(list.reduce((x, t) => x + t.partners, 0)).toBe(s.partners);
          if (s.partners > 0) expect(Math.abs(list.reduce((x, t) => x + t.share, 0) - 1)).toBeLessThanOrEqual(0.0001 * list.length);
        }
        expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 150 },
    );
  });
});
