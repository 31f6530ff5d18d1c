/**
 * A history keyed by company name (an LMS export, a marketing list) joined to the partners
 * file by a name column: both names normalised (case, accents, punctuation, and legal
 * suffixes such as Inc., Ltd, GmbH, Pty Ltd, S.A., LLC), so "ACME, Inc." finds "Acme
 * Incorporated". An alias (name → partner id, from the user's mapping file) wins over the
 * match. A name that matches no partner, or several, is one error per distinct name with
 * its row count, its first row and the closest candidates: a join is never guessed.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closestN } from '../diagnostics/did-you-mean.js';
import { formatCount } from '../format/number.js';
import type { EventStore, PartnerTable } from './event-store.js';
import { copyEvents, partnerKey } from './concat-stores.js';
import { StoreAccumulator } from './store-accumulator.js';

export const PARTNER_NAME_UNMATCHED = 'csv-partner-name-unmatched';
export const PARTNER_NAME_AMBIGUOUS = 'csv-partner-name-ambiguous';

/** Legal forms dropped from a name's end, as normalised words (`s a` is S.A., `pty ltd` is two). */
const LEGAL_SUFFIXES = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'pty', 'oy', 'ab', 'as', 'aps', 'kk', 'pte', 'sl']);

/** A company name as the join compares it: lower case, no accents or punctuation, no trailing legal form. */
export function normalizeCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "S.A." and "B.V.": letters joined by dots are one word.
    .replace(/\b([a-z])\.(?=[a-z]\b\.?)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] as string)) words.pop();
  return words.join(' ');
}

export interface PartnerNameLookup {
  /** The partners-file column holding each partner's name (`name` by default). */
  readonly column: string;
  /** Normalised name → partner id, from the user's mapping file: wins over the match. */
  readonly aliases: ReadonlyMap<string, string>;
}

export interface ResolvedNames {
  /** The store keyed by partner id (unchanged when a name stayed unresolved: see diagnostics). */
  readonly store: EventStore;
  /** One error per distinct name that matches no partner or several. */
  readonly diagnostics: Diagnostic[];
}

export function resolvePartnerNames(store: EventStore, partners: PartnerTable, lookup: PartnerNameLookup, file: string, partnersFile: string): ResolvedNames {
  const nameOf = (p: PartnerTable['partners'][number]): string => (lookup.column === 'name' ? p.name : (p.attributes[lookup.column] ?? ''));
  const byName = new Map<string, string[]>();
  for (const p of partners.partners) {
    const key = normalizeCompanyName(nameOf(p));
    if (key === '') continue;
    byName.set(key, [...(byName.get(key) ?? []), p.id]);
  }
  const ids = new Map(partners.partners.map((p) => [p.id, nameOf(p)]));
  // Rows and the first event of each partner code (the store groups a partner's events).
  const rows = new Array<number>(store.partnerIds.length).fill(0);
  const first = new Array<number>(store.partnerIds.length).fill(-1);
  for (let i = 0; i < store.size; i++) {
    const code = store.partner[i] as number;
    rows[code] = (rows[code] as number) + 1;
    const f = first[code] as number;
    if (f < 0 || (store.row[i] as number) < (store.row[f] as number)) first[code] = i;
  }
  const resolved: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const names = [...byName.keys()];
  store.partnerIds.forEach((name, code) => {
    const key = normalizeCompanyName(name);
    const alias = lookup.aliases.get(key);
    const matches = alias !== undefined ? [alias] : (byName.get(key) ?? []);
    resolved.push(matches.length === 1 ? (matches[0] as string) : name);
    if (matches.length === 1 || (rows[code] as number) === 0) return;
    const event = first[code] as number;
    const where = `${formatCount(rows[code] as number)} row(s), the first is row ${store.row[event] as number}`;
    const position = { file, line: store.line?.[event] ?? (store.row[event] as number) + 1, col: store.columns?.['partner_id'] ?? 0 };
    if (matches.length === 0) {
      const near = closestN(key, names, 3).flatMap((n) => (byName.get(n) ?? []).map((id) => `\`${ids.get(id) ?? ''}\` (${id})`));
      diagnostics.push({
        severity: 'error',
        code: PARTNER_NAME_UNMATCHED,
        message: `partner \`${name}\` matches no partner's ${lookup.column} in ${partnersFile} (${where})`,
        ...position,
        hint: `${near.length > 0 ? `the closest: ${near.join(', ')}; ` : ''}map it to an id in the aliases file (name,partner_id)`,
      });
    } else {
      diagnostics.push({
        severity: 'error',
        code: PARTNER_NAME_AMBIGUOUS,
        message: `partner \`${name}\` matches ${matches.length} partners' ${lookup.column} in ${partnersFile}: ${matches.map((id) => `${id} (\`${ids.get(id) ?? ''}\`)`).join(', ')} (${where})`,
        ...position,
        hint: 'say which in the aliases file (name,partner_id)',
      });
    }
  });
  if (diagnostics.length > 0) return { store, diagnostics };
  return { store: renamePartners(store, resolved), diagnostics };
}

/** The store with partner code c renamed `ids[c]` (several names may become one id): re-interned, rows and lines kept. */
function renamePartners(store: EventStore, ids: readonly string[]): EventStore {
  const dimensionNames = Object.keys(store.dimensions);
  const acc = new StoreAccumulator(dimensionNames);
  copyEvents(acc, dimensionNames, store, 0, partnerKey(ids, store), true);
  return acc.finish(store.columns ?? {});
}
