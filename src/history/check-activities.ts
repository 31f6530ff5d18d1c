/**
 * The design-dependent check of a history: every event's activity must be one the design
 * defines. It runs on the built store (per distinct activity id, then only over the
 * offending events), so a cached store is re-checked against any design without parsing.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
import { MAX_DETAILED } from './bad-rows.js';
import type { DimensionColumn, EventStore } from './event-store.js';

export interface ActivityCheck {
  /** At most MAX_DETAILED, in file order. */
  readonly diagnostics: Diagnostic[];
  /** Indexes of events whose activity the design does not know, ascending. */
  readonly badEvents: Uint32Array;
}

export function checkActivities(store: EventStore, known: readonly string[], file: string): ActivityCheck {
  const knownSet = new Set(known);
  const unknown = store.activityIds.map((a) => !knownSet.has(a));
  if (!unknown.includes(true)) return { diagnostics: [], badEvents: new Uint32Array(0) };
  const hints = store.activityIds.map((a) => (knownSet.has(a) ? undefined : suggestion(a, known)));
  const bad: number[] = [];
  for (let i = 0; i < store.size; i++) if (unknown[store.activity[i] as number]) bad.push(i);
  const inFileOrder = [...bad].sort((a, b) => (store.row[a] as number) - (store.row[b] as number));
  const col = store.columns?.['activity'] ?? 0;
  const diagnostics = inFileOrder.slice(0, MAX_DETAILED).map((i): Diagnostic => {
    const code = store.activity[i] as number;
    const hint = hints[code];
    const row = store.row[i] as number;
    return {
      severity: 'error',
      code: 'csv-unknown-activity',
      message: `row ${row}: activity \`${store.activityIds[code] as string}\` is not in the design`,
      file,
      line: store.line?.[i] ?? row + 1,
      col,
      ...(hint ? { hint } : {}),
    };
  });
  return { diagnostics, badEvents: Uint32Array.from(bad) };
}

/** A copy of the store without the given events (ascending indexes); ids and interned values are kept. */
export function dropEvents(store: EventStore, drop: Uint32Array): EventStore {
  const n = store.size - drop.length;
  const keep = new Uint32Array(n);
  let k = 0;
  let d = 0;
  for (let i = 0; i < store.size; i++) {
    if (d < drop.length && drop[d] === i) d++;
    else keep[k++] = i;
  }
  const pick = <T extends Uint16Array | Uint32Array | Int32Array | Float64Array>(src: T, make: new (len: number) => T): T => {
    const out = new make(n);
    for (let j = 0; j < n; j++) out[j] = src[keep[j] as number] as number;
    return out;
  };
  const partner = pick(store.partner, Uint32Array);
  const partnerStart = new Uint32Array(store.partnerIds.length + 1);
  for (let j = 0; j < n; j++) (partnerStart[(partner[j] as number) + 1] as number)++;
  for (let p = 0; p < store.partnerIds.length; p++) partnerStart[p + 1] = (partnerStart[p + 1] as number) + (partnerStart[p] as number);
  const day = pick(store.day, Int32Array);
  let firstDay = 0;
  let lastDay = -1;
  if (n > 0) {
    firstDay = Infinity;
    lastDay = -Infinity;
    for (let j = 0; j < n; j++) {
      const v = day[j] as number;
      if (v < firstDay) firstDay = v;
      if (v > lastDay) lastDay = v;
    }
  }
  const dimensions: Record<string, DimensionColumn> = {};
  for (const [name, col] of Object.entries(store.dimensions)) dimensions[name] = { values: col.values, codes: pick(col.codes, Uint32Array) };
  return {
    ...store,
    size: n,
    partnerStart,
    partner,
    day,
    activity: pick(store.activity, Uint16Array),
    quantity: pick(store.quantity, Float64Array),
    amount: pick(store.amount, Float64Array),
    row: pick(store.row, Uint32Array),
    ...(store.line ? { line: pick(store.line, Uint32Array) } : {}),
    dimensions,
    firstDay,
    lastDay,
  };
}
