/**
 * How much of a period lies inside the program's dates. A design that starts or ends
 * mid-quarter replays that quarter whole, while the engine prorates what accrues by time
 * (tier benefits, yearly capacity) by the days inside; anything compared with those
 * figures over a span (a budget, the legacy program's annual cost) must count the same days.
 */
import type { Ledger, Period } from '../engine/ledger.js';
import { formatDay } from '../history/day.js';

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Share of a period's days inside the program's dates (1 for a whole period, 0 outside). */
export function coveredShare(ledger: Ledger, period: Period): number {
  const starts = dayNumber(ledger.program.program.starts);
  const ends = ledger.program.program.ends === undefined ? Infinity : dayNumber(ledger.program.program.ends);
  const length = period.end - period.start + 1;
  if (length <= 0) return 0;
  const inside = Math.min(period.end, ends) - Math.max(period.start, starts) + 1;
  return Math.max(0, Math.min(inside, length)) / length;
}

/** The first and last day of `periods` that lie inside the program's dates, as ISO dates. */
export function coveredDates(ledger: Ledger, periods: readonly Period[]): { from: string; to: string } {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return { from: '', to: '' };
  const starts = dayNumber(ledger.program.program.starts);
  const ends = ledger.program.program.ends === undefined ? Infinity : dayNumber(ledger.program.program.ends);
  return { from: formatDay(Math.max(first.start, starts)), to: formatDay(Math.min(last.end, ends)) };
}
