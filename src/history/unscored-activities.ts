/**
 * History rows whose activity the design does not score. A draft design that scores a
 * subset of what partners do is normal, so these rows are not errors: they are left out
 * of the replay and reported once per distinct activity name (how many rows, the first
 * one, a did-you-mean when a design activity is close: `Webinar Hosted` → `webinar_hosted`),
 * never once per row. `checkActivities` keeps the strict form (an error per row).
 *
 * Like `checkActivities`, it runs on the built store (per distinct activity id, then over
 * the events), so a cached store is judged against any design without parsing.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/did-you-mean.js';
import { formatCount } from '../format/number.js';
import type { EventStore } from './event-store.js';

export const UNSCORED_ACTIVITY = 'csv-unscored-activity';

export interface UnscoredActivities {
  /** One warning per distinct activity name the design does not know, in the order of their first rows. */
  readonly diagnostics: Diagnostic[];
  /** Indexes of the events with such an activity, ascending (for `dropEvents`). */
  readonly events: Uint32Array;
}

export function findUnscoredActivities(store: EventStore, known: readonly string[], file: string): UnscoredActivities {
  const knownSet = new Set(known);
  const unknown = store.activityIds.map((a) => !knownSet.has(a));
  if (!unknown.includes(true)) return { diagnostics: [], events: new Uint32Array(0) };
  const count = new Array<number>(store.activityIds.length).fill(0);
  /** Per activity code, the event with the lowest row number. */
  const first = new Array<number>(store.activityIds.length).fill(-1);
  const events: number[] = [];
  for (let i = 0; i < store.size; i++) {
    const code = store.activity[i] as number;
    if (!unknown[code]) continue;
    events.push(i);
    count[code] = (count[code] as number) + 1;
    const f = first[code] as number;
    if (f < 0 || (store.row[i] as number) < (store.row[f] as number)) first[code] = i;
  }
  const col = store.columns?.['activity'] ?? 0;
  const codes = store.activityIds
    .map((_, code) => code)
    .filter((code) => (count[code] as number) > 0)
    .sort((a, b) => (store.row[first[a] as number] as number) - (store.row[first[b] as number] as number));
  const diagnostics = codes.map((code): Diagnostic => {
    const name = store.activityIds[code] as string;
    const event = first[code] as number;
    const row = store.row[event] as number;
    const n = count[code] as number;
    const match = closest(name, known);
    return {
      severity: 'warning',
      code: UNSCORED_ACTIVITY,
      message: `activity \`${name}\` is not in the design: ${formatCount(n)} row(s) not scored, the first is row ${row}`,
      file,
      line: store.line?.[event] ?? row + 1,
      col,
      ...(match !== undefined ? { hint: `did you mean \`${match}\`?` } : {}),
    };
  });
  return { diagnostics, events: Uint32Array.from(events) };
}
