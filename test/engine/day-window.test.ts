/**
 * `tier_window: last_N_days` (docs/engine.md, "Windows in days"), worked by hand.
 *
 * Monthly periods of 2024 (a leap year), deals of 100 points on 10 January, 1 February
 * and 15 March; Silver at 200. Day numbers of 2024: 31 January = 31, 29 February = 60,
 * 31 March = 91, 30 April = 121, 31 May = 152, 30 June = 182, 31 July = 213, 31 August = 244.
 * The last 150 days up to day E start on day E − 149.
 */
import { describe, expect, it } from 'vitest';
import { design, perPeriod, row, run } from './design.js';

const rows = [row('ann', '2024-01-10', 'deal'), row('ann', '2024-02-01', 'deal'), row('ann', '2024-03-15', 'deal')];
const program = (window: string, extra: Record<string, unknown> = {}) =>
  design({
    calendar: { period: 'month', tier_window: window },
    activities: { deal: { category: 'main', points: 100 } },
    tiers: [
      { name: 'Registered', min_points: 0 },
      { name: 'Silver', min_points: 200 },
    ],
    ...extra,
  });

describe('a tier window in days', () => {
  it('150 days are not 5 months', () => {
    const days = run(program('last_150_days'), rows).ledger;
    const months = run(program('trailing_5'), rows).ledger;
    // Jan 100; Feb 200; Mar 300; Apr 300 (cut before 1 Jan); May: cut at day 3 (3 Jan) → 300;
    // Jun: cut at day 33 (2 Feb): 1 Feb leaves, 10 Jan too → 100; Jul: cut at day 64 (4 Mar) → 100;
    // Aug: cut at day 95 (4 Apr) → 0; then 0.
    expect(perPeriod(days, days.windowPoints).slice(0, 8)).toEqual([100, 200, 300, 300, 300, 100, 100, 0]);
    // trailing_5 at June holds February to June: 1 February and 15 March → 200.
    expect(perPeriod(months, months.windowPoints).slice(0, 8)).toEqual([100, 200, 300, 300, 300, 200, 100, 0]);
    // Silver from February; in June 100 < 200 on the day window, 200 on the five months.
    expect(perPeriod(days, days.tier).slice(0, 8)).toEqual([0, 1, 1, 1, 1, 0, 0, 0]);
    expect(perPeriod(months, months.tier).slice(0, 8)).toEqual([0, 1, 1, 1, 1, 1, 0, 0]);
    // June's window (cut 2 February) overlaps February to June: periods 1..5.
    expect(days.windowStart[5]).toBe(1);
  });

  it('a credit that belongs to no row is dated at its period end', () => {
    // steps: 50 points once the window counts 2 deals. At the end of February the window
    // (from before 1 Jan) counts 2 → +50 on 29 February. At the end of July (cut 4 March)
    // that step's day has left the window: only 15 March's 100 remains.
    const withSteps = program('last_150_days', {
      activities: { deal: { category: 'main', points: 100 }, pair: { category: 'main', steps: [{ at: 2, points: 50 }] } },
    });
    const L = run(withSteps, [...rows, row('ann', '2024-01-10', 'pair'), row('ann', '2024-02-01', 'pair')]).ledger;
    expect(perPeriod(L, L.earned).slice(0, 3)).toEqual([100, 150, 100]);
    // Jul: the 50 of 29 February (day 60) is before the cut (day 64): 100.
    expect(perPeriod(L, L.windowPoints)[6]).toBe(100);
    // Jun: cut at day 33: the step (day 60) and 15 March count: 150.
    expect(perPeriod(L, L.windowPoints)[5]).toBe(150);
  });

  it('a clawback counts on the day of the reversing row', () => {
    const claw = program('last_150_days', {
      activities: { deal: { category: 'main', points: 100, clawback: { match: 'ref', when: 'cancel' } } },
    });
    const L = run(claw, [row('ann', '2024-01-10', 'deal', { ref: 'D1' }), row('ann', '2024-02-01', 'deal', { ref: 'D2' }), row('ann', '2024-07-20', 'cancel', { ref: 'D2' })]).ledger;
    // Jun (cut 2 Feb): D1 and D2 have left → 0. Jul (cut 4 Mar): the −100 of 20 July is inside, D2's +100 is not → −100 → 0.
    // May (cut 3 Jan): 200.
    expect(perPeriod(L, L.windowPoints).slice(3, 8)).toEqual([200, 200, 0, 0, 0]);
    expect(perPeriod(L, L.clawedBack)[6]).toBe(100);
  });
});

describe('explain says which days each window held', () => {
  it('June: 2 February to 30 June, 100 points', async () => {
    const { dayWindowNotes } = await import('../../src/analysis/rule-notes/day-window.js');
    const L = run(program('last_150_days'), rows).ledger;
    const notes = dayWindowNotes(L, 0);
    // Day 182 − 149 = day 33 = 2 February (see the header).
    expect(notes[5]).toEqual({ t: 5, rule: 'calendar.tier_window', text: 'window 2024-02-02 to 2024-06-30 (the last 150 days): 100 points', points: null });
    // January: the window would start in August 2023; it starts with the program.
    expect(notes[0]?.text).toBe('window 2024-01-01 to 2024-01-31 (the last 150 days): 100 points');
    // A window of whole periods has no such notes.
    expect(dayWindowNotes(run(program('trailing_5'), rows).ledger, 0)).toEqual([]);
  });
});

describe('warm-up under a window in days', () => {
  it('flags the evaluations whose 150 days reach back before the program', async () => {
    const { warmUp } = await import('../../src/analysis/warm-up.js');
    const L = run(program('last_150_days'), rows).ledger;
    // 31 May (day 152): the window starts on day 3 (3 January), inside the program: full.
    // 30 April (day 121): it would start on day −28, before 1 January: the months January to April are warm-up.
    expect(warmUp(L)?.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
  });
});
