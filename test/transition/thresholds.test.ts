import { describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/analysis/statement.js';
import { buildTransition } from '../../src/analysis/transition.js';
import { design, row, run } from '../engine/design.js';

/*
 * transition and explain measure a gap against the engine's own threshold for the
 * partner (compile.ts `partnerTierThresholds`: the first matching `min_points_by` column,
 * then the partner's track), never the tier's plain `min_points`.
 *
 * Gold needs 1,000, 600 in APAC; the `msp` track sets Gold to 900 (the track wins over the
 * region). Every partner was Gold in the legacy levels and earns 400 in 2024-Q1:
 *   E (reseller, emea): 1,000 − 400 = 600 short.
 *   A (reseller, apac): 600 − 400 = 200 short (the plain 1,000 would say 600).
 *   M (msp, apac):      900 − 400 = 500 short (the track's 900, not the region's 600).
 * All three hold Registered: down, at risk, sorted most points short first: E, M, A.
 */
describe('transition and explain use the engine thresholds', () => {
  const program = design({
    activities: { deal: { category: 'main', points: 400 } },
    tiers: [
      { name: 'Registered', min_points: 0 },
      { name: 'Gold', min_points: 1000, min_points_by: { region: { apac: 600 } } },
    ],
    tracks: { by: 'segment', list: { msp: { min_points: { Gold: 900 } } } },
    legacy: { levels: [{ name: 'Member', revenue: 0 }, { name: 'Gold', revenue: 0 }], equivalent: { Member: 'Registered', Gold: 'Gold' } },
  });
  const { ledger, store, table } = run(
    program,
    [row('E', '2024-02-01', 'deal'), row('A', '2024-02-01', 'deal'), row('M', '2024-02-01', 'deal')],
    [
      { partner_id: 'E', segment: 'reseller', region: 'emea', legacy_level: 'Gold' },
      { partner_id: 'A', segment: 'reseller', region: 'apac', legacy_level: 'Gold' },
      { partner_id: 'M', segment: 'msp', region: 'apac', legacy_level: 'Gold' },
    ],
  );

  it('transition: the at-risk threshold and points short are the regional and track ones', () => {
    const report = buildTransition(ledger, store, table);
    expect(report.at_risk.map((a) => [a.partner, a.threshold, a.points_short])).toEqual([
      ['E', 1000, 600],
      ['M', 900, 500],
      ['A', 600, 200],
    ]);
    expect(report.at_risk.find((a) => a.partner === 'A')?.gaps).toEqual([{ kind: 'points', id: 'Gold', required: 600, actual: 400, short: 200 }]);
  });

  it('explain: the distance to the next tier is the same figure', () => {
    const ids = ledger.partners.map((p) => p.id);
    const needed = (id: string) => buildStatement(ledger, store, table, ids.indexOf(id)).next_tier?.points_needed;
    expect([needed('E'), needed('M'), needed('A')]).toEqual([600, 500, 200]);
  });
});
