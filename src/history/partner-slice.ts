/**
 * One partner's part of a history, for `explain`: the replay of a partner reads only its
 * own events (the redemption draws are keyed by the partner id, not its index, see
 * src/engine/draw-uniform.ts), so replaying this slice gives the same statement as
 * replaying everyone, with memory for one partner instead of all (issue 13, item 4).
 *
 * The slice keeps what the replay reads from the whole history: the activity ids and
 * dimension values (same codes), and the first and last days (the calendar runs to the
 * history's last day when the design has no `ends`).
 */
import type { DimensionColumn, EventStore, PartnerTable } from './event-store.js';

/** The events of partner `id` (none when the history has none), as a store of its own. */
export function partnerSlice(store: EventStore, id: string): EventStore {
  const code = store.partnerIds.indexOf(id);
  const from = code >= 0 ? (store.partnerStart[code] ?? 0) : 0;
  const to = code >= 0 ? (store.partnerStart[code + 1] ?? 0) : 0;
  const dimensions: Record<string, DimensionColumn> = {};
  for (const [name, column] of Object.entries(store.dimensions)) dimensions[name] = { values: column.values, codes: column.codes.slice(from, to) };
  const slice: EventStore = {
    size: to - from,
    partnerIds: code >= 0 ? [id] : [],
    partnerStart: code >= 0 ? Uint32Array.of(0, to - from) : Uint32Array.of(0),
    partner: new Uint32Array(to - from),
    day: store.day.slice(from, to),
    activityIds: store.activityIds,
    activity: store.activity.slice(from, to),
    quantity: store.quantity.slice(from, to),
    amount: store.amount.slice(from, to),
    row: store.row.slice(from, to),
    dimensions,
    firstDay: store.firstDay,
    lastDay: store.lastDay,
    ...(store.line !== undefined ? { line: store.line.slice(from, to) } : {}),
    ...(store.columns !== undefined ? { columns: store.columns } : {}),
  };
  return slice;
}

/** The partners file reduced to partner `id` (undefined stays undefined). */
export function partnerTableSlice(table: PartnerTable | undefined, id: string): PartnerTable | undefined {
  if (table === undefined) return undefined;
  const partner = table.byId.get(id);
  return partner === undefined ? { partners: [], byId: new Map() } : { partners: [partner], byId: new Map([[id, partner]]) };
}
