/**
 * The person-keyed view of a history, for the seller programme (`individuals:`): the same
 * events, each keyed by the seller who did it instead of the firm, so the one replay
 * engine keeps a ledger per seller with the firm's conservation, expiry and redemption.
 *
 * A seller is a person *within a firm*: the key is `partner_id/person_id`. A person id seen
 * under two partners is two sellers (a rep who moved firm keeps separate statements, and
 * each firm's tier counts only what its own people did); never one ledger across firms.
 * Rows with a blank person id earn no seller points; they are counted per activity so a
 * report can say how much seller activity had no one to credit.
 */
import { copyEvents } from './concat-stores.js';
import type { EventStore, Partner, PartnerTable } from './event-store.js';
import { StoreAccumulator } from './store-accumulator.js';

export interface Seller {
  /** `partner/person`: the ledger id of the seller. */
  readonly key: string;
  readonly partner: string;
  readonly person: string;
}

export interface PersonView {
  /** The history column naming the person. */
  readonly column: string;
  /** The events with a person id, keyed by seller (`partner/person`); first and last days those of the whole history, so both replays share one calendar. */
  readonly store: EventStore;
  /** One row per seller, carrying the firm's segment, region and columns (what `redemption.by_segment` and a `where` on a partner column read). Undefined without a partners file. */
  readonly people: PartnerTable | undefined;
  /** Seller key → seller, in key order. */
  readonly sellers: ReadonlyMap<string, Seller>;
  /** Activity → events whose person id is blank (or that lack the column). */
  readonly blankByActivity: ReadonlyMap<string, number>;
}

/** The seller key of a person in a firm. */
export function sellerKey(partner: string, person: string): string {
  return `${partner}/${person}`;
}

export function personView(store: EventStore, partners: PartnerTable | undefined, column: string): PersonView {
  const persons = store.dimensions[column];
  const sellers = new Map<string, Seller>();
  const blank = new Map<string, number>();
  const dimensionNames = Object.keys(store.dimensions);
  const acc = new StoreAccumulator(dimensionNames);
  copyEvents(
    acc,
    dimensionNames,
    store,
    0,
    (i) => {
      const person = persons === undefined ? '' : (persons.values[persons.codes[i] as number] as string);
      if (person === '') {
        const activity = store.activityIds[store.activity[i] as number] as string;
        blank.set(activity, (blank.get(activity) ?? 0) + 1);
        return null;
      }
      const partner = store.partnerIds[store.partner[i] as number] as string;
      const key = sellerKey(partner, person);
      if (!sellers.has(key)) sellers.set(key, { key, partner, person });
      return key;
    },
    true,
  );
  const keyed = acc.finish(store.columns ?? {});
  const sorted = new Map([...sellers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    column,
    store: { ...keyed, firstDay: store.firstDay, lastDay: store.lastDay },
    people: partners === undefined ? undefined : peopleTable(sorted, partners),
    sellers: sorted,
    blankByActivity: blank,
  };
}

/** Each seller as a row of a partners file: the firm's row under the seller's key. */
function peopleTable(sellers: ReadonlyMap<string, Seller>, partners: PartnerTable): PartnerTable {
  const rows: Partner[] = [];
  for (const seller of sellers.values()) {
    const firm = partners.byId.get(seller.partner);
    if (firm === undefined) continue;
    rows.push({ ...firm, id: seller.key, name: seller.person, legacyLevel: '' });
  }
  return { partners: rows, byId: new Map(rows.map((p) => [p.id, p])) };
}

/** What `explain --person ID` names: one seller, or why not (no such person; a bare person id at several firms). */
export type SellerLookup = { readonly seller: Seller } | { readonly missing: readonly string[] } | { readonly ambiguous: readonly string[] };

/**
 * The seller `id` names in `store`: a full `partner/person` key, or a person id alone when
 * one firm only has it. Scans the rows' codes without building the person view, so an
 * explain of one seller costs no copy of the history. `missing` lists every seller key
 * (for a did-you-mean); `ambiguous`, the keys of the firms sharing the person id.
 */
export function findSeller(store: EventStore, column: string, id: string): SellerLookup {
  const persons = store.dimensions[column];
  const keys = new Map<string, Seller>();
  if (persons !== undefined) {
    const seen = new Set<number>();
    const people = persons.values.length;
    for (let i = 0; i < store.size; i++) {
      const code = persons.codes[i] as number;
      if (code === 0) continue;
      const pair = (store.partner[i] as number) * people + code;
      if (seen.has(pair)) continue;
      seen.add(pair);
      const partner = store.partnerIds[store.partner[i] as number] as string;
      const person = persons.values[code] as string;
      const key = sellerKey(partner, person);
      keys.set(key, { key, partner, person });
    }
  }
  const exact = keys.get(id);
  if (exact !== undefined) return { seller: exact };
  const byPerson = [...keys.values()].filter((s) => s.person === id);
  if (byPerson.length === 1) return { seller: byPerson[0] as Seller };
  if (byPerson.length > 1) return { ambiguous: byPerson.map((s) => s.key).sort() };
  return { missing: [...keys.keys()].sort() };
}
