/**
 * Some partners' part of a history, for `explain` and `transition`: the replay of a
 * partner reads only its own events (the redemption draws are keyed by the partner id,
 * not its index, see src/engine/draw-uniform.ts), so replaying a slice gives each of its
 * partners the same figures as replaying everyone, with memory for those partners instead
 * of all (issue 13, item 4).
 *
 * The slice keeps what the replay reads from the whole history: the activity ids and
 * dimension values (same codes), and the first and last days (the calendar runs to the
 * history's last day when the design has no `ends`).
 */
import type { DimensionColumn, EventStore, PartnerTable } from './event-store.js';

/**
 * Partner `id`'s code in `store` (-1 when it has no events): a binary search, as every
 * store lists its partner ids sorted by UTF-16 code units (the interner's `sorted()`, the
 * order `<` compares in), so callers asking for many partners need no map of their own.
 */
export function partnerCode(store: EventStore, id: string): number {
  const ids = store.partnerIds;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = ids[mid] as string;
    if (x === id) return mid;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The events of partner `id` (none when the history has none), as a store of its own. */
export function partnerSlice(store: EventStore, id: string): EventStore {
  return partnersSlice(store, [id]);
}

/** The events of the partners `ids` (those the history has), as a store of its own, partners in the history's order. */
export function partnersSlice(store: EventStore, ids: readonly string[]): EventStore {
  // Ascending codes keep `partnerIds` sorted, as the reader leaves it.
  const codes = [...new Set(ids.map((id) => partnerCode(store, id)).filter((code) => code >= 0))].sort((a, b) => a - b);
  const partnerStart = new Uint32Array(codes.length + 1);
  codes.forEach((code, k) => {
    partnerStart[k + 1] = (partnerStart[k] ?? 0) + ((store.partnerStart[code + 1] ?? 0) - (store.partnerStart[code] ?? 0));
  });
  const size = partnerStart[codes.length] ?? 0;
  const partner = new Uint32Array(size);
  const day = new Int32Array(size);
  const activity = new Uint16Array(size);
  const quantity = new Float64Array(size);
  const amount = new Float64Array(size);
  const row = new Uint32Array(size);
  const line = store.line !== undefined ? new Uint32Array(size) : undefined;
  const dims = Object.entries(store.dimensions).map(([name, column]) => ({ name, column, codes: new Uint32Array(size) }));
  codes.forEach((code, k) => {
    const from = store.partnerStart[code] ?? 0;
    const to = store.partnerStart[code + 1] ?? 0;
    const at = partnerStart[k] ?? 0;
    partner.fill(k, at, at + to - from);
    day.set(store.day.subarray(from, to), at);
    activity.set(store.activity.subarray(from, to), at);
    quantity.set(store.quantity.subarray(from, to), at);
    amount.set(store.amount.subarray(from, to), at);
    row.set(store.row.subarray(from, to), at);
    line?.set(store.line?.subarray(from, to) ?? [], at);
    for (const d of dims) d.codes.set(d.column.codes.subarray(from, to), at);
  });
  const dimensions: Record<string, DimensionColumn> = {};
  for (const d of dims) dimensions[d.name] = { values: d.column.values, codes: d.codes };
  return {
    size,
    partnerIds: codes.map((code) => store.partnerIds[code] ?? ''),
    partnerStart,
    partner,
    day,
    activityIds: store.activityIds,
    activity,
    quantity,
    amount,
    row,
    dimensions,
    firstDay: store.firstDay,
    lastDay: store.lastDay,
    ...(line !== undefined ? { line } : {}),
    ...(store.columns !== undefined ? { columns: store.columns } : {}),
  };
}

/** The partners file reduced to partner `id` (undefined stays undefined). */
export function partnerTableSlice(table: PartnerTable | undefined, id: string): PartnerTable | undefined {
  return partnersTableSlice(table, [id]);
}

/** The partners file reduced to the partners `ids`, in the file's order (undefined stays undefined). */
export function partnersTableSlice(table: PartnerTable | undefined, ids: readonly string[]): PartnerTable | undefined {
  if (table === undefined) return undefined;
  const wanted = new Set(ids);
  const partners = ids.length === 1 ? [table.byId.get(ids[0] ?? '')].filter((p) => p !== undefined) : table.partners.filter((p) => wanted.has(p.id));
  return { partners, byId: new Map(partners.map((p) => [p.id, p])) };
}
