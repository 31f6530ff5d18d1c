/**
 * Which files a command reads and how each is written: from a `--data` manifest, or from
 * `--history` (repeatable: the files are read one after the other) with the single-file
 * shortcut flags (--date-format, --delimiter, --decimal, --encoding, --activity, --column).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { DELIMITERS, type Delimiter } from '../history/csv-records.js';
import { DATE_FORMATS, type DateFormat } from '../history/date-format.js';
import { loadManifest } from '../history/manifest/load-manifest.js';
import type { SourceSettings } from '../history/source-settings.js';
import type { CommandContext } from './context.js';
import { InputError, UserError } from './errors.js';
import { unreadable } from './expand-inputs.js';

export interface DataFlags {
  history?: string[];
  data?: string;
  partners?: string;
  column: string[];
  dateFormat?: string;
  delimiter?: string;
  decimal?: string;
  encoding?: string;
  activity?: string;
}

export interface DataSource {
  /** The path as the user would call it (relative to the current folder when the manifest names it). */
  readonly file: string;
  readonly settings: SourceSettings;
}

export interface DataSources {
  readonly history: readonly DataSource[];
  readonly partners: DataSource | undefined;
  /** The partners file's columns are looked up leniently: the shared --column mappings often name history-only headers. */
  readonly lenientPartnerColumns: boolean;
}

/** `--column a=b` values → { a: b }; a malformed one is a usage error. */
export function parseColumnMapping(values: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const name = eq < 0 ? '' : value.slice(0, eq).trim();
    const header = eq < 0 ? '' : value.slice(eq + 1).trim();
    if (name === '' || header === '') {
      throw new UserError(`--column ${value}: expected NAME=HEADER`, { hint: '--column partner_id="Account ID" reads partner_id from the column headed Account ID' });
    }
    if (mapping[name] !== undefined) throw new UserError(`--column ${name} is given twice`);
    mapping[name] = header;
  }
  return mapping;
}

const SHORTCUTS = ['dateFormat', 'delimiter', 'decimal', 'encoding', 'activity'] as const;
const FLAG: Record<(typeof SHORTCUTS)[number], string> = { dateFormat: '--date-format', delimiter: '--delimiter', decimal: '--decimal', encoding: '--encoding', activity: '--activity' };

export async function dataSources(ctx: CommandContext, flags: DataFlags): Promise<DataSources> {
  const histories = flags.history ?? [];
  if (flags.data !== undefined) {
    if (histories.length > 0 || flags.partners !== undefined) throw new UserError('--data names the history and partners files: give it without --history and --partners');
    const shortcut = SHORTCUTS.find((k) => flags[k] !== undefined);
    if (shortcut !== undefined || flags.column.length > 0) {
      throw new UserError(`${shortcut === undefined ? '--column' : FLAG[shortcut]} is a shortcut for a single --history file; with --data, write it in the manifest`, { hint: 'see docs/data.md' });
    }
    return fromManifest(ctx, flags.data);
  }
  if (histories.length === 0) throw new UserError('no history: give --history FILE (or several), or --data MANIFEST', { hint: 'pointsmith run design.yaml --history history.csv --partners partners.csv' });
  const columns = parseColumnMapping(flags.column);
  const settings: SourceSettings = {
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    ...(flags.dateFormat !== undefined ? { dateFormats: [choice('--date-format', flags.dateFormat, DATE_FORMATS) as DateFormat] } : {}),
    ...(flags.delimiter !== undefined ? { delimiter: delimiterOf(flags.delimiter) } : {}),
    ...(flags.encoding !== undefined ? { encoding: choice('--encoding', flags.encoding.toLowerCase(), ['utf-8', 'utf-16', 'windows-1252'] as const) } : {}),
    ...(flags.decimal !== undefined ? { numbers: decimalOf(flags.decimal) } : {}),
    ...(flags.activity !== undefined ? { constants: { activity: flags.activity } } : {}),
  };
  const partners: DataSource | undefined =
    flags.partners === undefined
      ? undefined
      : { file: flags.partners, settings: { ...(Object.keys(columns).length > 0 ? { columns } : {}), ...(settings.delimiter !== undefined ? { delimiter: settings.delimiter } : {}), ...(settings.encoding !== undefined ? { encoding: settings.encoding } : {}) } };
  return { history: histories.map((file) => ({ file, settings })), partners, lenientPartnerColumns: true };
}

async function fromManifest(ctx: CommandContext, file: string): Promise<DataSources> {
  const bytes = await readFile(ctx.path(file)).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  const result = loadManifest(bytes, file);
  if ('diagnostics' in result) throw new InputError(result.diagnostics);
  const base = dirname(file);
  // Paths in the manifest are relative to it; messages name them from the current folder.
  const at = (path: string): string => (isAbsolute(path) ? path : relative('.', join(base, path)) || path);
  const { manifest } = result;
  return {
    // The aliases file of a name join is relative to the manifest too.
    history: manifest.history.map((h) => {
      const names = h.settings.partnerNames;
      const settings = names?.aliases !== undefined ? { ...h.settings, partnerNames: { ...names, aliases: at(names.aliases) } } : h.settings;
      return { file: at(h.path), settings };
    }),
    partners: manifest.partners === undefined ? undefined : { file: at(manifest.partners.path), settings: manifest.partners.settings },
    lenientPartnerColumns: false,
  };
}

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`${flag} ${value}: expected one of ${allowed.join(', ')}`);
}

function delimiterOf(value: string): Delimiter {
  const named: Record<string, Delimiter> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const delimiter = named[value.toLowerCase()] ?? value;
  if ((DELIMITERS as readonly string[]).includes(delimiter)) return delimiter as Delimiter;
  throw new UserError(`--delimiter ${value}: expected , ; | or tab`, { hint: '--delimiter ";" (quote it: the shell reads ; and | itself)' });
}

/** `--decimal ,` is the European convention: a comma mark, dots grouping thousands (`12.500,00`). */
function decimalOf(value: string): NonNullable<SourceSettings['numbers']> {
  if (value === ',') return { decimal: ',', thousands: '.', currency: false };
  if (value === '.') return { decimal: '.', thousands: ',', currency: false };
  throw new UserError(`--decimal ${value}: expected , or .`);
}
