/**
 * The partners of a replay: every partner of the history plus every partner of the
 * partners file (those without events still hold the lowest tier and zero points), in
 * ascending id order, with a way to read any attribute of each.
 *
 * An attribute (segment, region, any column named by `min_points_by`, `tracks.by`,
 * a multiplier or a `where`) comes from the partners file; when the partner is not there,
 * or the file lacks the column, from the first non-blank value of the history column of
 * that name among the partner's events (so a history carrying `region` on every row
 * works without a partners file).
 */
import type { EventStore, Partner, PartnerTable } from '../history/event-store.js';
import type { LedgerPartner } from './ledger.js';

export interface PartnerIndex {
  /** Ledger index → id. */
  readonly ids: readonly string[];
  readonly partners: readonly LedgerPartner[];
  /** Store partner code → ledger index. */
  readonly ofStoreCode: Int32Array;
  /** Ledger index → store partner code, -1 for a partner with no events. */
  readonly storeCode: Int32Array;
  /** Attribute value of every partner ('' when unknown). Cached per column. */
  attribute(column: string): readonly string[];
  /**
   * The partners file's value only (never derived from the history): the fallback of a
   * multiplier or `where` when an event's own value is blank, so that one event's
   * product never leaks into another's.
   */
  fileAttribute(column: string): readonly string[];
  /** `attribute(column)` as a code per partner into its distinct values (first-seen order), for tables computed once per value. Cached. */
  attributeCodes(column: string): AttributeCodes;
  /** The same for `fileAttribute(column)`. */
  fileAttributeCodes(column: string): AttributeCodes;
}

export interface AttributeCodes {
  readonly values: readonly string[];
  readonly codes: Int32Array;
}

/** Distinct values of `values` and a code per entry: a design's tables are then looked up once per value, not once per partner. */
function codesOf(values: readonly string[]): AttributeCodes {
  const seen = new Map<string, number>();
  const distinct: string[] = [];
  const codes = new Int32Array(values.length);
  for (let p = 0; p < values.length; p++) {
    const v = values[p] as string;
    let code = seen.get(v);
    if (code === undefined) {
      code = distinct.length;
      seen.set(v, code);
      distinct.push(v);
    }
    codes[p] = code;
  }
  return { values: distinct, codes };
}

const TABLE_FIELDS: Readonly<Record<string, (p: Partner) => string>> = {
  partner_id: (p) => p.id,
  name: (p) => p.name,
  segment: (p) => p.segment,
  region: (p) => p.region,
  legacy_level: (p) => p.legacyLevel,
};

export function indexPartners(store: EventStore, table: PartnerTable | undefined): PartnerIndex {
  const idSet = new Set<string>(store.partnerIds);
  if (table !== undefined) for (const p of table.partners) idSet.add(p.id);
  const ids = [...idSet].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const position = new Map<string, number>();
  ids.forEach((id, i) => position.set(id, i));

  const ofStoreCode = new Int32Array(store.partnerIds.length);
  const storeCode = new Int32Array(ids.length).fill(-1);
  store.partnerIds.forEach((id, code) => {
    const p = position.get(id) ?? -1;
    ofStoreCode[code] = p;
    storeCode[p] = code;
  });

  // Each partner's row of the file, looked up once (not once per attribute column).
  const rows = ids.map((id) => table?.byId.get(id));
  const fileCache = new Map<string, readonly string[]>();
  const fileAttribute = (column: string): readonly string[] => {
    let values = fileCache.get(column);
    if (values === undefined) {
      const field = TABLE_FIELDS[column];
      values = rows.map((row) => (row === undefined ? '' : ((field !== undefined ? field(row) : row.attributes[column]) ?? '')));
      fileCache.set(column, values);
    }
    return values;
  };
  const cache = new Map<string, readonly string[]>();
  const attribute = (column: string): readonly string[] => {
    if (column === 'partner_id') return ids;
    const hit = cache.get(column);
    if (hit !== undefined) return hit;
    const dim = store.dimensions[column];
    const file = fileAttribute(column);
    const values = ids.map((_, p) => {
      const v = file[p] ?? '';
      if (v !== '') return v;
      const code = storeCode[p] ?? -1;
      if (dim === undefined || code < 0) return '';
      // The earliest event's value; on a tie of days the smallest code, so file order never matters.
      const end = store.partnerStart[code + 1] ?? 0;
      let best = 0;
      let bestDay = 0;
      for (let i = store.partnerStart[code] ?? 0; i < end; i++) {
        const c = dim.codes[i] ?? 0;
        if (c === 0) continue;
        const d = store.day[i] ?? 0;
        if (best !== 0 && d > bestDay) break;
        if (best === 0 || c < best) {
          best = c;
          bestDay = d;
        }
      }
      return dim.values[best] ?? '';
    });
    cache.set(column, values);
    return values;
  };

  const names = rows.map((row) => row?.name ?? '');
  const segments = attribute('segment');
  const regions = attribute('region');
  const legacy = attribute('legacy_level');
  const partners = ids.map((id, p) =>
    Object.freeze({
      id,
      name: names[p] ?? '',
      segment: segments[p] ?? '',
      region: regions[p] ?? '',
      legacyLevel: legacy[p] ?? '',
    }),
  );
  const codeCache = new Map<string, AttributeCodes>();
  const fileCodeCache = new Map<string, AttributeCodes>();
  const attributeCodes = (column: string): AttributeCodes => {
    let hit = codeCache.get(column);
    if (hit === undefined) codeCache.set(column, (hit = codesOf(attribute(column))));
    return hit;
  };
  const fileAttributeCodes = (column: string): AttributeCodes => {
    let hit = fileCodeCache.get(column);
    if (hit === undefined) fileCodeCache.set(column, (hit = codesOf(fileAttribute(column))));
    return hit;
  };
  return { ids, partners, ofStoreCode, storeCode, attribute, fileAttribute, attributeCodes, fileAttributeCodes };
}
