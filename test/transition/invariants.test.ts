import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTransition } from '../../src/analysis/transition.js';
import { buildPartners, buildStore } from '../../src/history/store-builder.js';
import { handLedger } from './hand-ledger.js';
import { handProgram } from './hand-program.js';

const LEVELS = ['Silver', 'Gold', 'silver', 'Diamond', ''];
const SEGMENTS = ['reseller', 'msp', ''];

describe('transition invariants (fast-check over hand-built ledgers)', () => {
  it('every partner lands in exactly one matrix cell, one movement and one group', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            level: fc.constantFrom(...LEVELS),
            segment: fc.constantFrom(...SEGMENTS),
            tiers: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 4, maxLength: 4 }),
            grace: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (specs) => {
          const ids = specs.map((_, i) => `P${String(i).padStart(2, '0')}`);
          const table = buildPartners(specs.map((s, i) => ({ partner_id: ids[i]!, name: `n${i}`, segment: s.segment, region: 'emea', legacy_level: s.level })));
          const store = buildStore(ids.map((id) => ({ partner_id: id, date: '2024-06-01', activity: 'webinar_hosted' })));
          const L = handLedger(
            handProgram,
            table.partners.map((p) => ({ id: p.id, name: p.name, segment: p.segment, region: p.region, legacyLevel: p.legacyLevel })),
            '2024-12-31',
          );
          specs.forEach((s, p) => {
            s.tiers.forEach((tier, t) => (L.tier[L.pt(p, t)] = tier));
            L.inGrace[L.pt(p, 3)] = s.grace ? 1 : 0;
          });
          const report = buildTransition(L, store, table);
          const P = specs.length;
          const cells = report.matrix.counts.flat().reduce((a, b) => a + b, 0);
          expect(cells).toBe(P);
          const moves = report.movement;
          expect(moves.up.partners + moves.same.partners + moves.down.partners + moves.unmapped.partners).toBe(P);
          expect(report.by_segment.reduce((a, g) => a + g.partners, 0)).toBe(P);
          expect(report.by_region.reduce((a, g) => a + g.up + g.same + g.down + g.unmapped, 0)).toBe(P);
          expect(report.tier_distribution.reduce((a, d) => a + d.after, 0)).toBe(P);
          expect(report.tier_distribution.reduce((a, d) => a + d.before, 0)).toBe(P);
          // Movement agrees with ranks: tiers low to high, equivalent Silver → 1, Gold → 2.
          const rank = (tier: string) => ['Registered', 'Silver', 'Gold'].indexOf(tier);
          for (const r of report.partner_rows) {
            if (r.equivalent_tier === null) expect(r.movement).toBe('unmapped');
            else {
              const d = rank(r.new_tier) - rank(r.equivalent_tier);
              expect(r.movement).toBe(d > 0 ? 'up' : d < 0 ? 'down' : 'same');
            }
            // every down mover is at risk; an at-risk partner is down or kept by grace.
            if (r.movement === 'down') expect(r.at_risk).toBe(true);
            if (r.at_risk) expect(r.movement === 'down' || r.movement === 'same').toBe(true);
          }
          expect(report.at_risk.length).toBe(report.partner_rows.filter((r) => r.at_risk).length);
          // each row's shares sum to 1 (or 0 for an empty row), up to the 4-decimal rounding.
          for (const row of report.matrix.row_shares) {
            const sum = row.reduce((a, b) => a + b, 0);
            expect(sum === 0 || Math.abs(sum - 1) < 1e-3).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
