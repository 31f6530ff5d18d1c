/**
 * The name join of a history file whose partner_id column holds company names
 * (`partner_names:` in a data manifest; src/history/partner-names.ts): its aliases file
 * read, then the join, for `run` and every command (load-history.ts) and `validate --data`.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { normalizeCompanyName, resolvePartnerNames, type ResolvedNames } from '../history/partner-names.js';
import type { CommandContext } from './context.js';
import type { DataSource } from './data-sources.js';
import { UserError } from './errors.js';
import { unreadable } from './expand-inputs.js';

/** The store keyed by id when the source joins by name; else the store as it is. */
export async function joinPartnerNames(ctx: CommandContext, source: DataSource, store: EventStore, partners: PartnerTable | undefined, partnersFile: string | undefined): Promise<ResolvedNames> {
  const names = source.settings.partnerNames;
  if (names === undefined) return { store, diagnostics: [] };
  if (partners === undefined || partnersFile === undefined) {
    throw new UserError(`${source.file} is keyed by partner name (partner_names), which is joined to the partners file: the manifest needs a \`partners:\` file`, { hint: 'see docs/data.md, "Partners by name"' });
  }
  const aliases = names.aliases !== undefined ? await readAliases(ctx, names.aliases) : new Map<string, string>();
  return resolvePartnerNames(store, partners, { column: names.column, aliases }, source.file, partnersFile);
}

/** `name,partner_id` rows → normalised name → id. */
async function readAliases(ctx: CommandContext, file: string): Promise<Map<string, string>> {
  const text = await readFile(ctx.path(file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('name') || !fields.includes('partner_id')) {
    throw new UserError(`${file}: an aliases file has the columns name and partner_id (its columns are ${fields.map((f) => `\`${f}\``).join(', ') || 'none'})`);
  }
  const map = new Map<string, string>();
  for (const row of parsed.data) {
    const name = normalizeCompanyName(row['name'] ?? '');
    const id = (row['partner_id'] ?? '').trim();
    if (name !== '' && id !== '') map.set(name, id);
  }
  return map;
}
