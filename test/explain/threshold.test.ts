import { describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/analysis/statement.js';
import { design, row, run } from '../engine/design.js';

/*
 * The threshold explain reports must be the engine's. Gold needs 1,000, APAC 500
 * (`min_points_by`), but the `msp` track sets Gold to 800 and the track wins (the engine
 * applies the regional value first, then the track's). Partner X (msp, apac) earns
 * 600 in Q1: 600 < 800 → Registered, and Gold is 800 − 600 = 200 points away.
 * Partner Y (no track, apac): the regional 500 applies, 600 ≥ 500 → Gold.
 * With two `min_points_by` columns the first matching column wins: Z (region apac,
 * country jp) with Gold `{region: {apac: 500}, country: {jp: 900}}` needs 500, not 900:
 * earning 400 it is 500 − 400 = 100 short (not 900 − 400 = 500).
 */
const tiers = (minPointsBy: Record<string, Record<string, number>>) => [
  { name: 'Registered', min_points: 0 },
  { name: 'Gold', min_points: 1000, min_points_by: minPointsBy },
];
const activities = { deal: { category: 'main', points: 600 } };

describe('explain: the next tier uses the engine threshold', () => {
  it('track over region: X needs 800, is 200 short; Y (no track) reaches Gold at 500', () => {
    const program = design({
      activities,
      tiers: tiers({ region: { apac: 500 } }),
      tracks: { by: 'segment', list: { msp: { min_points: { Gold: 800 } } } },
    });
    const { ledger, store, table } = run(
      program,
      [row('X', '2024-02-01', 'deal'), row('Y', '2024-02-01', 'deal')],
      [
        { partner_id: 'X', segment: 'msp', region: 'apac' },
        { partner_id: 'Y', segment: 'var', region: 'apac' },
      ],
    );
    const x = buildStatement(ledger, store, table, 0);
    expect(x.tier).toBe('Registered');
    expect(x.next_tier?.tier).toBe('Gold');
    expect(x.next_tier?.points_needed).toBe(200);
    expect(x.next_tier?.gaps).toEqual([{ kind: 'points', id: 'Gold', required: 800, actual: 600, short: 200 }]);
    expect(buildStatement(ledger, store, table, 1).tier).toBe('Gold');
  });

  it('first matching min_points_by column wins: Z needs 500 (region), not 900 (country)', () => {
    const program = design({ activities: { deal: { category: 'main', points: 400 } }, tiers: tiers({ region: { apac: 500 }, country: { jp: 900 } }) });
    const { ledger, store, table } = run(program, [row('Z', '2024-02-01', 'deal')], [{ partner_id: 'Z', region: 'apac', country: 'jp' }]);
    const z = buildStatement(ledger, store, table, 0);
    expect(z.tier).toBe('Registered');
    expect(z.next_tier?.points_needed).toBe(100);
  });
});
