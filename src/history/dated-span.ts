/**
 * Where a history's events fall against the program's dates: the first and last day
 * dated inside them, and the history's last day. The evidence rules
 * (src/analysis/evidence.ts) compare this span with the program's own; the replay's
 * calendar runs to the history's last day when the design has no `ends`, so that day is
 * kept too.
 */
import type { EventStore } from './event-store.js';
import { parseDay } from './day.js';

export interface DatedSpan {
  /** First and last day (days since 1970-01-01 UTC) of an event dated inside the program; undefined when none is. */
  readonly first: number | undefined;
  readonly last: number | undefined;
  /** Last day of any event of the history, inside the program or not; undefined for an empty history. */
  readonly historyLast: number | undefined;
}

/**
 * One pass over the day column. `starts` / `ends` are the design's ISO dates (validated
 * when the design loaded); without `ends` the program runs on, so nothing after
 * `starts` is outside it.
 */
export function datedSpan(store: Pick<EventStore, 'size' | 'day'>, starts: string, ends: string | undefined): DatedSpan {
  const from = parseDay(starts);
  const to = ends === undefined ? Infinity : parseDay(ends);
  // A design that loaded has valid dates; should one not parse, no event counts as inside.
  const lo = typeof from === 'number' ? from : Infinity;
  const hi = typeof to === 'number' ? to : -Infinity;
  let first = Infinity;
  let last = -Infinity;
  let historyLast = -Infinity;
  for (let i = 0; i < store.size; i++) {
    const day = store.day[i] as number;
    if (day > historyLast) historyLast = day;
    if (day < lo || day > hi) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return {
    first: first === Infinity ? undefined : first,
    last: last === -Infinity ? undefined : last,
    historyLast: historyLast === -Infinity ? undefined : historyLast,
  };
}
