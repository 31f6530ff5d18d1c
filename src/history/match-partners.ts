/**
 * How a history and a partners file fit together.
 * - A partner in the history but not in the partners file is an error: its segment and
 *   region are unknown, so multipliers, thresholds and redemption behaviour cannot apply.
 * - A partner in the partners file without any activity is normal (a registered partner
 *   who did nothing this year). `includePartners` adds such partners to the store with an
 *   empty event range, so every replay counts them (they sit in the lowest tier).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EventStore, PartnerTable } from './event-store.js';
import { compareStrings } from './interner.js';

const SHOWN = 5;

export function matchPartners(store: EventStore, table: PartnerTable, historyFile: string, partnersFile: string): Diagnostic[] {
  const missing = store.partnerIds.filter((id) => !table.byId.has(id));
  if (missing.length === 0) return [];
  const shown = missing.slice(0, SHOWN).map((id) => `\`${id}\``).join(', ');
  return [
    {
      severity: 'error',
      code: 'partners-missing',
      message: `${missing.length} partner(s) of the history ${historyFile} are not in the partners file: ${shown}${missing.length > SHOWN ? `, … (${missing.length - SHOWN} more)` : ''}`,
      file: partnersFile,
      line: 0,
      col: 0,
      hint: 'add them to the partners file, or check that both files use the same partner ids (--column partner_id=...)',
    },
  ];
}

/**
 * The store with every partner of the table among its partners: those without events get
 * an empty range. Event columns are shared, not copied, when no partner is added.
 */
export function includePartners(store: EventStore, table: PartnerTable): EventStore {
  const known = new Set(store.partnerIds);
  const added = table.partners.map((p) => p.id).filter((id) => !known.has(id));
  if (added.length === 0) return store;
  const partnerIds = [...store.partnerIds, ...added].sort(compareStrings);
  const newCode = new Map(partnerIds.map((id, i) => [id, i]));
  const remap = store.partnerIds.map((id) => newCode.get(id) as number);
  const partner = new Uint32Array(store.size);
  for (let i = 0; i < store.size; i++) partner[i] = remap[store.partner[i] as number] as number;
  // Old partners keep their relative order (both lists are sorted), so events stay sorted.
  const partnerStart = new Uint32Array(partnerIds.length + 1);
  for (let i = 0; i < store.size; i++) (partnerStart[(partner[i] as number) + 1] as number)++;
  for (let p = 0; p < partnerIds.length; p++) partnerStart[p + 1] = (partnerStart[p + 1] as number) + (partnerStart[p] as number);
  return { ...store, partnerIds, partner, partnerStart };
}
