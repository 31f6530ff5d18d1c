import { describe, expect, it } from 'vitest';
import { writeExecutiveSummary } from '../../src/analysis/executive-summary.js';
import { buildTransition } from '../../src/analysis/transition.js';
import type { TransitionReport } from '../../src/analysis/transition-types.js';
import { ledger, partnersTable, store } from './hand-case.js';

/** The hand case with its partners' movement and segment replaced, to exercise the wording. */
function withMovers(movers: { movement: 'up' | 'same' | 'down'; segment: string }[]): TransitionReport {
  const base = buildTransition(ledger(), store, partnersTable);
  const template = base.partner_rows[0]!;
  const rows = movers.map((m, i) => ({ ...template, partner: `P${i}`, segment: m.segment, movement: m.movement }));
  const count = (m: string) => rows.filter((r) => r.movement === m).length;
  return {
    ...base,
    partners: rows.length,
    partner_rows: rows,
    movement: {
      up: { partners: count('up'), share: count('up') / rows.length },
      same: { partners: count('same'), share: count('same') / rows.length },
      down: { partners: count('down'), share: count('down') / rows.length },
      unmapped: { partners: 0, share: 0 },
    },
  };
}

describe('executive summary wording', () => {
  it('names the segment that holds more than half of a group of movers', () => {
    // down: msp, msp, reseller → 2 of 3 are msp; up: agency, si → a tie, broken by name → agency.
    const first = writeExecutiveSummary(
      withMovers([
        { movement: 'down', segment: 'msp' },
        { movement: 'down', segment: 'msp' },
        { movement: 'down', segment: 'reseller' },
        { movement: 'up', segment: 'si' },
        { movement: 'up', segment: 'agency' },
        { movement: 'same', segment: 'si' },
        { movement: 'same', segment: 'si' },
        { movement: 'same', segment: 'si' },
      ]),
    )[0];
    // shares: same 3/8 = 37.5%, up 2/8 = 25%, down 3/8 = 37.5%. Rounded one by one they
    // would read 38 + 25 + 38 = 101%; by largest remainder the floors 37 + 25 + 37 = 99 leave
    // one point for the largest remainder, .5 for same and down alike, and the tie goes to
    // the first (same): 38 + 25 + 37 = 100.
    expect(first).toBe(
      'Of 8 partners, 38% keep their level under Hand Points; 25% (2 partners, the largest group in the agency segment, 1) move up; 37% (3 partners, 2 of them in the msp segment) move down.',
    );
  });
});
