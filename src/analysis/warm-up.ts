/**
 * The warm-up periods of a replay without a launch state: every partner starts at the
 * lowest tier with no points, so until its first tier window is full a partner's tier
 * understates what a launched program would give it (a legacy Gold partner reads as
 * Registered, and its accelerator and benefits are missing). Every report flags them,
 * through this one helper.
 *
 * Which periods:
 *  - `trailing_N`: those before the first full window (t < N − 1);
 *  - `last_N_days`: those whose window reaches back before the program's first day;
 *  - `fiscal_year`: the first fiscal year (every later year opens with the tier the
 *    previous year's evaluation gave; the first opens with none);
 *  - `lifetime`: the window never fills, as no partner's history before the program is in
 *    it; the first year of periods is flagged, the span a trailing window of a year takes
 *    to fill, and the reason says the understatement lasts.
 * With `launch:` the design states where partners start: no warm-up (a partner without a
 * legacy level starting from zero is a new partner, and that is its real start).
 */
import { dayWindowStart, windowDaysOf } from '../engine/day-window.js';
import type { Ledger } from '../engine/ledger.js';

export interface WarmUp {
  /** Labels of the warm-up periods, in order. */
  periods: string[];
  reason: string;
}

export function warmUp(ledger: Pick<Ledger, 'program' | 'periods' | 'years' | 'periodsPerYear'>): WarmUp | null {
  const program = ledger.program;
  if (program.launch !== undefined) return null;
  const T = ledger.periods.length;
  const window = program.calendar.tier_window;
  let count: number;
  let why: string;
  if (window === 'fiscal_year') {
    count = (ledger.years[0]?.lastPeriod ?? -1) + 1;
    why = 'the first fiscal year opens with no tier earned in a previous one';
  } else if (window === 'lifetime') {
    count = ledger.periodsPerYear;
    why = 'the lifetime window holds no points from before the program (flagged for the first year; it understates legacy partners for longer)';
  } else if (windowDaysOf(window) > 0) {
    // The window is full at the first evaluation at least N days after the first period began.
    const days = windowDaysOf(window);
    const first = ledger.periods[0]?.start ?? 0;
    count = ledger.periods.findIndex((p) => dayWindowStart(p.end, days) >= first);
    if (count < 0) count = T;
    const full = ledger.periods[count]?.label;
    why = `the ${window} window first holds ${days} days of the program ${full !== undefined ? `at ${full}` : 'after the replay ends'}`;
  } else {
    const n = Number(window.slice('trailing_'.length));
    count = n - 1;
    const full = ledger.periods[n - 1]?.label;
    why = `the ${window} window first holds ${n} periods ${full !== undefined ? `at ${full}` : 'after the replay ends'}`;
  }
  const periods = ledger.periods.slice(0, Math.max(0, Math.min(T, count))).map((p) => p.label);
  if (periods.length === 0) return null;
  return {
    periods,
    reason: `no launch state (launch:): every partner starts at the lowest tier with no points, and ${why}; tiers and costs in these periods understate a real launch`,
  };
}

/** One line for text reports: "warm-up: 2024-Q1, 2024-Q2, 2024-Q3 (reason)". */
export function warmUpLine(warm: WarmUp | null): string | null {
  return warm === null ? null : `Warm-up periods: ${warm.periods.join(', ')}: ${warm.reason}.`;
}

/**
 * The warm-up lines of several replays side by side (compare's columns): one line when
 * they all share it, else one per distinct line naming its columns. Empty when none has one.
 */
export function warmUpLines(columns: readonly { name: string; warmUp: WarmUp | null }[]): string[] {
  const byLine = new Map<string, string[]>();
  for (const { name, warmUp: warm } of columns) {
    const line = warmUpLine(warm);
    if (line === null) continue;
    byLine.set(line, [...(byLine.get(line) ?? []), name]);
  }
  const all = byLine.size === 1 && [...byLine.values()][0]?.length === columns.length;
  return [...byLine].map(([line, names]) => (all ? line : `${names.join(', ')}: ${line}`));
}
