/**
 * The term fixture (fixtures/term/): quarters of 2024-2025 (periods 0..7), trailing_1,
 * Registered 0 / Gold 100, terms of 12 months from `enrolled`, renewal window 3 months.
 * Every figure derived by hand. And grace_days against grace_periods on months.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/history/day.js';
import type { DetailedLedger } from '../../src/engine/ledger.js';
import { deepFreeze, type Program } from '../../src/program/program.js';
import { design, run } from './design.js';
import { loadFixtureProgram, replayFixture } from './fixture-replay.js';

const dir = new URL('../../fixtures/term/', import.meta.url);
const [PINE, ROWAN, SPRUCE] = [0, 1, 2];
let L: DetailedLedger;
const series = (ledger: DetailedLedger, arr: ArrayLike<number>, p: number): number[] => {
  const T = ledger.periods.length;
  return Array.from({ length: T }, (_, t) => arr[p * T + t] ?? Number.NaN);
};
const days = (ledger: DetailedLedger, p: number): string[] => series(ledger, ledger.termEnd, p).map((d) => formatDay(d));

beforeAll(async () => {
  L = await replayFixture(dir, { program: 'program.yaml', history: 'history.csv', partners: 'partners.csv' });
});

describe('calendar.term', () => {
  it('holds a tier through a drop inside the term, and lapses when the renewal window has no qualification', () => {
    // pine (enrolled 2023-08-15): 100 in Q1 2024 → Gold. Q2: 0 points, the window qualifies Registered,
    // but the term holds Gold until the anniversary 2024-08-15. The first evaluation on or after it is
    // Q3 2024 (09-30); its renewal window opens 2024-05-15: Q2 (06-30) and Q3 (09-30) qualified
    // Registered → the new term is Registered.
    expect(series(L, L.qualifiedTier, PINE)).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(series(L, L.tier, PINE)).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(series(L, L.termHeld, PINE)).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
    expect(series(L, L.inGrace, PINE)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // The anniversary in force after each evaluation: 2024-08-15 until the Q3 renewal, then 2025-08-15, then 2026-08-15.
    expect(days(L, PINE)).toEqual(['2024-08-15', '2024-08-15', '2025-08-15', '2025-08-15', '2025-08-15', '2025-08-15', '2026-08-15', '2026-08-15']);
  });

  it('renews when the partner qualified inside the renewal window', () => {
    // rowan: 100 in Q1 and Q2 2024 → Gold; at Q3 2024 the window (Q2, Q3) holds Q2's Gold → renewed to 2025-08-15,
    // held with no points through Q2 2025; at Q3 2025 (window opens 2025-05-15: Q2, Q3 2025 both Registered) it lapses.
    expect(series(L, L.tier, ROWAN)).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
    expect(series(L, L.termHeld, ROWAN)).toEqual([0, 0, 1, 1, 1, 1, 0, 0]);
  });

  it('counts terms from program.starts for a partner without an anniversary date', () => {
    // spruce: blank `enrolled` → 2024-01-01, anniversary 2025-01-01. Gold at Q2 2024 (100 points), held through
    // Q4 2024 (ends 12-31, before the anniversary); at Q1 2025 the window (from 2024-10-01: Q4 2024, Q1 2025) is
    // all Registered → lapse.
    expect(series(L, L.tier, SPRUCE)).toEqual([0, 1, 1, 1, 0, 0, 0, 0]);
    expect(series(L, L.termHeld, SPRUCE)).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
  });

  it('never lowers a tier before the first anniversary (fast-check)', () => {
    const program = design({
      program: { name: 'T', starts: '2024-01-01', ends: '2025-12-31' },
      calendar: { period: 'quarter', tier_window: 'trailing_2' },
      tiers: [
        { name: 'R', min_points: 0 },
        { name: 'S', min_points: 50, earn_multiplier: 1.2, grace_periods: 1 },
        { name: 'G', min_points: 150, earn_multiplier: 1.5 },
      ],
    });
    const withTerm = deepFreeze({ ...program, calendar: { ...program.calendar, term: { months: 12, renewal_months: 3 } } }) as Program;
    const rowArb = fc.record({ day: fc.integer({ min: 0, max: 729 }), q: fc.integer({ min: 1, max: 80 }) });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), (events) => {
        const rows = events.map((e) => ({ partner_id: 'p', date: formatDay(19723 + e.day), activity: 'x', quantity: e.q }));
        const a = run(program, rows, [{ partner_id: 'p' }]).ledger;
        const b = run(withTerm, rows, [{ partner_id: 'p' }]).ledger;
        // The anniversary is 2025-01-01: the evaluations of 2024 (periods 0..3) come before it.
        for (let t = 0; t < 4; t++) expect(b.tier[t]).toBeGreaterThanOrEqual(a.tier[t] ?? -1);
      }),
      { numRuns: 60 },
    );
  });
});

describe('grace_days', () => {
  it('150 days is not 5 months: Gold qualified at the end of January is kept to May, not June', async () => {
    const daysLedger = await replayFixture(dir, { program: 'grace-days.yaml', history: 'grace-days.csv' });
    const base = loadFixtureProgram(dir, 'grace-days.yaml');
    const periods = deepFreeze({ ...base, tiers: [base.tiers[0], { ...base.tiers[1], grace_days: undefined, grace_periods: 5 }] }) as Program;
    const periodsLedger = await replayFixture(dir, { program: periods, history: 'grace-days.csv' });
    // Gold qualified at 2024-01-31 only. Days from then to each month's end (2024 is leap): Feb 29 → 29,
    // Mar 31 → 60, Apr 30 → 90, May 31 → 121, Jun 30 → 151 > 150. grace_periods 5: five evaluations after January (Feb..Jun).
    expect(series(daysLedger, daysLedger.tier, 0)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(series(periodsLedger, periodsLedger.tier, 0)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(series(daysLedger, daysLedger.inGrace, 0)).toEqual([0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
  });
});
