/**
 * Which multiplier factors actually applied to one partner's events: for every activity
 * with `multipliers`, the column values its scored events carried (the event's own value,
 * or the partner's when the event's is blank, exactly as the engine resolves it) and
 * their factors. A factor of 1 changes nothing and is left out, and so is every value the
 * design lists that none of the partner's events had: a statement shows what happened to
 * this partner, not the whole design.
 */
import { compile } from '../engine/compile.js';
import { prepareHistory } from '../engine/prepare.js';
import type { Ledger } from '../engine/ledger.js';
import { passes } from '../engine/where.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';

/** Activity → column → value → factor, in the design's order of activities and columns; values sorted. */
export type AppliedFactors = Map<string, Map<string, Map<string, number>>>;

export function appliedFactors(ledger: Ledger, store: EventStore, partners: PartnerTable | undefined, partnerId: string): AppliedFactors {
  const out: AppliedFactors = new Map();
  const program = ledger.program;
  const first = ledger.periods[0];
  const last = ledger.periods[ledger.periods.length - 1];
  if (first === undefined || last === undefined) return out;
  if (!Object.values(program.activities).some((a) => a.multipliers !== undefined)) return out;
  const compiled = compile(program, prepareHistory(store, partners));
  const p = compiled.partners.ids.indexOf(partnerId);
  const code = p >= 0 ? (compiled.partners.storeCode[p] ?? -1) : -1;
  if (code < 0) return out;

  const seen = new Map<string, Map<string, Map<string, number>>>();
  for (let i = store.partnerStart[code] ?? 0; i < (store.partnerStart[code + 1] ?? 0); i++) {
    const day = store.day[i] ?? 0;
    if (day < first.start || day > last.end) continue;
    const a = compiled.activityOfCode[store.activity[i] ?? 0] ?? -1;
    const act = compiled.activities[a];
    const design = program.activities[compiled.activityIds[a] ?? ''];
    if (act === undefined || design?.multipliers === undefined || act.multipliers.length === 0) continue;
    if (act.where !== null && !passes(act.where, i, p, store.amount, store.quantity)) continue;
    Object.keys(design.multipliers).forEach((column, j) => {
      const table = act.multipliers[j];
      if (table === undefined) return;
      const v = table.codes !== null ? (table.codes[i] ?? 0) : 0;
      const factor = (v !== 0 ? table.byCode[v] : table.byPartner[p]) ?? 1;
      if (factor === 1) return;
      const dim = store.dimensions[column];
      const value =
        v !== 0
          ? (dim?.values[v] ?? '')
          : ((dim !== undefined ? compiled.partners.fileAttribute(column) : compiled.partners.attribute(column))[p] ?? '');
      const activity = act.id;
      const columns = seen.get(activity) ?? new Map<string, Map<string, number>>();
      const values = columns.get(column) ?? new Map<string, number>();
      values.set(value, factor);
      columns.set(column, values);
      seen.set(activity, columns);
    });
  }
  // Design order of activities and columns, values sorted, so the statement reads the same every time.
  for (const [activity, design] of Object.entries(program.activities)) {
    const columns = seen.get(activity);
    if (columns === undefined) continue;
    const ordered = new Map<string, Map<string, number>>();
    for (const column of Object.keys(design.multipliers ?? {})) {
      const values = columns.get(column);
      if (values !== undefined) ordered.set(column, new Map([...values.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))));
    }
    out.set(activity, ordered);
  }
  return out;
}

/** "product: saas ×1.5, perpetual ×0.8; region: apac ×1.2" */
export function describeFactors(columns: ReadonlyMap<string, ReadonlyMap<string, number>>): string {
  return [...columns.entries()].map(([column, values]) => `${column}: ${[...values.entries()].map(([value, f]) => `${value} ×${f}`).join(', ')}`).join('; ');
}
