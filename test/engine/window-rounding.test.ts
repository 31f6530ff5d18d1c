/**
 * Rounding where the program rounds (`points.round.at`): hand-worked figures in the
 * comments, and fast-check invariants. Calendar: quarters of 2024, trailing_4.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainRow } from '../../src/history/store-builder.js';
import { design, perPeriod, row, run } from './design.js';

/** 20 points per 3 people: 2 people = 40/3 = 13.333… points. */
const perPerson = (category: string): Record<string, unknown> => ({ category, points_per: { quantity: 3, points: 20 } });

const THREE = {
  categories: { main: {}, other: {} },
  activities: { a: perPerson('main'), b: perPerson('main'), c: perPerson('other') },
};
const twoPeopleEach: PlainRow[] = [
  row('p', '2024-01-10', 'a', { quantity: 2 }),
  row('p', '2024-01-11', 'b', { quantity: 2 }),
  row('p', '2024-01-12', 'c', { quantity: 2 }),
];
const roundAt = (at: string, mode = 'half_up'): Record<string, unknown> => ({ round: { decimals: 1, mode, at } });

describe('points.round.at: the window totals the tier reads', () => {
  it('at category: 2 people × 20/3 = 13.333 shows (and counts) as 13.3; the balance keeps 13.333', () => {
    const program = design({ categories: { main: {} }, activities: { a: perPerson('main') }, points: roundAt('category') });
    const { ledger } = run(program, [row('p', '2024-01-10', 'a', { quantity: 2 })]);
    // Q1: exact 40/3 = 13.3333; rounded to 1 decimal half up = 13.3; adjustment 13.3 − 13.3333 = −0.0333.
    expect(ledger.windowPoints[0]).toBeCloseTo(13.3, 9);
    expect(ledger.earned[0]).toBeCloseTo(40 / 3, 9);
    expect(ledger.windowRounding[0]).toBeCloseTo(13.3 - 40 / 3, 9);
    expect(ledger.windowRoundingByCategory[0]).toBeCloseTo(13.3 - 40 / 3, 9);
    // Q2-Q4: the window (trailing_4) still holds Q1's 13.333 → 13.3 each evaluation.
    perPeriod(ledger, ledger.windowPoints).forEach((v) => expect(v).toBeCloseTo(13.3, 9));
  });

  it('the level decides the total: activity 39.9, category 40.0, program 40, event 39.9', () => {
    // a, b (main), c (other): 13.3333 each, exact total 40.
    // activity: 13.3 + 13.3 + 13.3 = 39.9.  category: main 26.6667 → 26.7, other 13.3333 → 13.3: 40.0.
    // program: 40.0000 → 40.  event (round: 1): each event 13.3, so earned itself is 39.9.
    const total = (points: Record<string, unknown>): number => run(design({ ...THREE, points }), twoPeopleEach).ledger.windowPoints[0] ?? NaN;
    expect(total(roundAt('activity'))).toBeCloseTo(39.9, 9);
    expect(total(roundAt('category'))).toBeCloseTo(40, 9);
    expect(total(roundAt('program'))).toBeCloseTo(40, 9);
    expect(total({ round: 1 })).toBeCloseTo(39.9, 9);
    const event = run(design({ ...THREE, points: { round: 1 } }), twoPeopleEach).ledger;
    expect(event.earned[0]).toBeCloseTo(39.9, 9);
    expect(event.windowRounding[0]).toBe(0);
  });

  it('requires.categories compares the rounded category total', () => {
    // Gold requires 26.65 in main: at activity main = 13.3 + 13.3 = 26.6 (not Gold); at category 26.6667 → 26.7 (Gold).
    const tiers = [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 1, requires: { categories: { main: 26.65 } } }];
    const tierAt = (at: string): number => run(design({ ...THREE, tiers, points: roundAt(at) }), twoPeopleEach).ledger.tier[0] ?? NaN;
    expect(tierAt('activity')).toBe(0);
    expect(tierAt('category')).toBe(1);
    // at program the category totals stay exact: 26.667 ≥ 26.65 → Gold.
    expect(tierAt('program')).toBe(1);
  });

  it('69.95 against a threshold of 70: the mode decides', () => {
    // 6,995 of amount at 1 point per 100 = 69.95 points in Q1; Gold at 70.
    const program = (points: Record<string, unknown>): ReturnType<typeof design> =>
      design({
        activities: { deal: { category: 'main', points_per: { amount: 100, points: 1 } } },
        tiers: [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 70 }],
        points,
      });
    const rows = [row('p', '2024-02-01', 'deal', { amount: 6995 })];
    const tierWith = (points: Record<string, unknown>): number => run(program(points), rows).ledger.tier[0] ?? NaN;
    expect(tierWith({})).toBe(0); // exact 69.95 < 70
    expect(tierWith(roundAt('program', 'half_up'))).toBe(1); // 699.5 → 700: 70.0
    expect(tierWith(roundAt('program', 'down'))).toBe(0); // 69.9
    expect(tierWith(roundAt('program', 'half_even'))).toBe(1); // 699.5 between 699 (odd) and 700 (even) → 70.0
    expect(tierWith(roundAt('program', 'up'))).toBe(1); // 70.0
    // The balance keeps the exact points: 69.95 earned, nothing redeemed.
    const { ledger } = run(program(roundAt('program')), rows);
    expect(ledger.balance[0]).toBeCloseTo(69.95, 9);
    expect(ledger.windowRounding[0]).toBeCloseTo(0.05, 9);
  });

  it('caps clip first; rounding applies to the capped total (and may pass the cap by less than one unit)', () => {
    // 3 people × 20/3 = 20 points, capped at 13.35 per period; at category, 13.35 → 13.4 half up.
    const program = design({
      activities: { a: { ...perPerson('main'), cap: { per: 'period', points: 13.35 } } },
      points: roundAt('category'),
    });
    const { ledger } = run(program, [row('p', '2024-01-10', 'a', { quantity: 3 })]);
    expect(ledger.earned[0]).toBeCloseTo(13.35, 9);
    expect(ledger.windowPoints[0]).toBeCloseTo(13.4, 9);
  });
});

const rowArb = fc
  .record({
    partner: fc.constantFrom('p', 'q'),
    offset: fc.integer({ min: 0, max: 365 }),
    activity: fc.constantFrom('a', 'b', 'c'),
    quantity: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ partner, offset, activity, quantity }): PlainRow => ({
    partner_id: partner,
    date: new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10),
    activity,
    quantity,
  }));

/** Half up to one decimal, written apart from the engine's rounding (positive values; the 1e-9 absorbs binary noise such as 26.65 stored as 26.6499…). */
const halfUp1 = (x: number): number => Math.floor(x * 10 + 0.5 + 1e-9) / 10;

describe('points.round.at: invariants', () => {
  it('at category, the window total is the sum over categories of the rounded exact category totals', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.constantFrom('trailing_1', 'trailing_2', 'fiscal_year'), (rows, window) => {
        // earn_multiplier 1 everywhere: points do not depend on the tier, so the unrounded replay credits the same points.
        const base = { ...THREE, calendar: { period: 'quarter', tier_window: window } };
        const exact = run(design(base), rows).ledger;
        const rounded = run(design({ ...base, points: roundAt('category') }), rows).ledger;
        const T = exact.periods.length;
        const C = exact.categoryIds.length;
        for (let p = 0; p < exact.partners.length; p++) {
          for (let t = 0; t < T; t++) {
            let expected = 0;
            for (let c = 0; c < C; c++) {
              let sum = 0;
              for (let s = exact.windowStart[t] ?? 0; s <= t; s++) sum += exact.pointsByCategory[(p * T + s) * C + c] ?? 0;
              expected += halfUp1(sum);
            }
            expect(rounded.windowPoints[p * T + t]).toBeCloseTo(expected, 9);
            expect(rounded.earned[p * T + t]).toBe(exact.earned[p * T + t]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('`at: event` is today\'s rounding: the ledger equals the short form\'s', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.constantFrom('half_up', 'down', 'up', 'half_even'), (rows, mode) => {
        const tiers = [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 40, earn_multiplier: 1.25 }];
        const long = run(design({ ...THREE, tiers, points: { round: { decimals: 1, mode, at: 'event' } } }), rows).ledger;
        const short = run(design({ ...THREE, tiers, points: { round: { decimals: 1, mode } } }), rows).ledger;
        expect(Array.from(long.windowPoints)).toEqual(Array.from(short.windowPoints));
        expect(Array.from(long.pointsByActivity)).toEqual(Array.from(short.pointsByActivity));
        expect(Array.from(long.roundingPointsByActivity)).toEqual(Array.from(short.roundingPointsByActivity));
        expect(Array.from(long.tier)).toEqual(Array.from(short.tier));
        expect(long.windowRounding.every((v) => v === 0)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
