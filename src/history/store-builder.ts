/**
 * Stores and partner tables from plain rows, for tests and library callers that have
 * their history in memory. Rows go through the same accumulator as the CSV reader, so a
 * built store is sorted and interned exactly like a read one.
 */
import type { EventStore, Partner, PartnerTable } from './event-store.js';
import { parseDay } from './day.js';
import { StoreAccumulator } from './store-accumulator.js';

export type PlainRow = Readonly<Record<string, string | number>>;

const CORE = new Set(['partner_id', 'date', 'activity', 'quantity', 'amount']);

/**
 * Rows with `partner_id`, `date` (YYYY-MM-DD), `activity`, optional `quantity` (default 1)
 * and `amount` (default 0); every other key is a dimension. A row's `row` number is its
 * 1-based index in `rows`. Throws on a row without the required fields or with a bad date:
 * callers are code, not users.
 */
export function buildStore(rows: ReadonlyArray<PlainRow>): EventStore {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const key of Object.keys(r)) {
      if (!CORE.has(key) && !seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  const acc = new StoreAccumulator(names);
  const values: string[] = new Array<string>(names.length);
  rows.forEach((r, i) => {
    const partner = r['partner_id'];
    const date = r['date'];
    const activity = r['activity'];
    if (partner === undefined || date === undefined || activity === undefined) {
      throw new Error(`buildStore: row ${i + 1} needs partner_id, date and activity`);
    }
    const day = parseDay(String(date));
    if (typeof day !== 'number') throw new Error(`buildStore: row ${i + 1} has date ${String(date)}, expected YYYY-MM-DD`);
    names.forEach((name, d) => (values[d] = r[name] === undefined ? '' : String(r[name])));
    acc.add(String(partner), day, String(activity), Number(r['quantity'] ?? 1), Number(r['amount'] ?? 0), i + 1, i + 2, values);
  });
  return acc.finish();
}

/**
 * A partners table from rows with `partner_id` (or `id`), and optional name, segment,
 * region, legacy_level; every key is kept in `attributes`. Throws on a duplicate id.
 */
export function buildPartners(rows: ReadonlyArray<PlainRow>): PartnerTable {
  const partners: Partner[] = [];
  const byId = new Map<string, Partner>();
  rows.forEach((r, i) => {
    const id = String(r['partner_id'] ?? r['id'] ?? '');
    if (id === '') throw new Error(`buildPartners: row ${i + 1} has no partner_id`);
    if (byId.has(id)) throw new Error(`buildPartners: partner ${id} appears twice`);
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(r)) attributes[k] = String(v);
    const partner: Partner = {
      id,
      name: String(r['name'] ?? ''),
      segment: String(r['segment'] ?? ''),
      region: String(r['region'] ?? ''),
      legacyLevel: String(r['legacy_level'] ?? ''),
      attributes,
    };
    partners.push(partner);
    byId.set(id, partner);
  });
  return { partners, byId };
}
