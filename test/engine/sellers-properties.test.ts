/**
 * Properties of the seller programme over random histories on the fixtures/sellers design:
 * seller points are conserved per person (earned = redeemed + expired + final balance, as
 * the firm's are per partner), and the individuals section changes no firm figure (the
 * firm's ledger is the same array for array; the summary differs only by the sellers' cost).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summary.js';
import { PeopleHistory, replaySellers } from '../../src/engine/people/replay-sellers.js';
import { replay } from '../../src/engine/replay.js';
import { readHistory } from '../../src/history/read-history.js';
import { deepFreeze, type Program } from '../../src/program/program.js';
import { loadFixtureProgram } from './fixture-replay.js';

const program = loadFixtureProgram(new URL('../../fixtures/sellers/', import.meta.url), 'program.yaml');
const firmOnly: Program = deepFreeze({ ...program, individuals: undefined });

const row = fc.record({
  partner: fc.constantFrom('acme', 'bolt', 'cirrus'),
  day: fc.integer({ min: 1, max: 360 }),
  activity: fc.constantFrom('deal_closed', 'demo_given', 'cert_earned'),
  amount: fc.integer({ min: 0, max: 50_000 }),
  person: fc.constantFrom('ann', 'bob', 'cy', ''),
});

function csv(rows: readonly { partner: string; day: number; activity: string; amount: number; person: string }[]): string {
  const date = (d: number): string => new Date(Date.UTC(2024, 0, d)).toISOString().slice(0, 10);
  return ['partner_id,date,activity,quantity,amount,person_id', ...rows.map((r) => `${r.partner},${date(r.day)},${r.activity},1,${r.amount},${r.person}`)].join('\n');
}

describe('seller programme properties', () => {
  it('seller points are conserved per person; the firm figures are those of the design without individuals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), async (rows) => {
        const { store } = await readHistory(new TextEncoder().encode(csv(rows)), { file: 'h.csv' });
        const sellers = replaySellers(program, new PeopleHistory(store), { detail: false });
        expect(sellers).toBeDefined();
        if (sellers === undefined) return;
        const L = sellers.ledger;
        const T = L.periods.length;
        // one ledger per distinct non-blank (partner, person)
        expect(L.partners.map((p) => p.id)).toEqual([...new Set(rows.filter((r) => r.person !== '').map((r) => `${r.partner}/${r.person}`))].sort());
        L.partners.forEach((_, p) => {
          let earned = 0;
          let out = 0;
          for (let t = 0; t < T; t++) {
            earned += L.earned[p * T + t] ?? 0;
            out += (L.redeemed[p * T + t] ?? 0) + (L.expired[p * T + t] ?? 0);
          }
          const balance = T > 0 ? (L.balance[p * T + T - 1] ?? 0) : 0;
          expect(Math.abs(earned - out - balance)).toBeLessThanOrEqual(1e-6 * (1 + earned));
        });

        const firm = replay(program, store, undefined, { detail: false });
        const alone = replay(firmOnly, store, undefined, { detail: false });
        for (const key of ['earned', 'redeemed', 'expired', 'balance', 'tier', 'benefitCost', 'discountCost', 'rewardCost'] as const) expect(firm[key]).toEqual(alone[key]);
        const withSellers = summarize(firm, { sellers });
        const without = summarize(alone);
        const { sellers: seller, cost, budget: _b, ...rest } = withSellers;
        const { cost: costAlone, budget: _b2, ...restAlone } = without;
        expect(rest).toEqual(restAlone);
        expect(cost.sellers).toBe(seller?.cost.total);
        expect(Math.abs(cost.total - costAlone.total - (seller?.cost.total ?? 0))).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 60 },
    );
  });
});
