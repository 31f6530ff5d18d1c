/**
 * The history options every replaying command shares (--history, --data, --partners,
 * --column and the other single-file shortcuts, --no-cache, --skip-bad-rows) and the one
 * function that turns them into a store: per file, sniff and resolve its format, cache
 * or parse, check against the design, stop (exit 2) or skip on bad rows; then join the
 * files, read and match the partners file.
 */
import { PeopleHistory } from '../engine/people/replay-sellers.js';
import { historyActivities } from '../program/history-activities.js';
import { joinPartnerNames } from './partner-names.js';
import type { Stats } from 'node:fs';
import { prepareHistory, type PreparedHistory } from '../engine/prepare.js';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatOneLine } from '../diagnostics/diagnostic.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { formatCount, formatCounted } from '../format/number.js';
import { missingDesignColumns } from '../history/check-person-column.js';
import { checkProgramDates } from '../history/check-dates.js';
import { includePartners, matchPartners } from '../history/match-partners.js';
import { concatStores } from '../history/concat-stores.js';
import { applyDesign, parseHistory, type ParsedHistory } from '../history/read-history.js';
import { readPartners } from '../history/read-partners.js';
import { resolveFormat, SNIFF_BYTES, type ReadFormat } from '../history/source-settings.js';
import { dataSources, type DataFlags, type DataSource } from './data-sources.js';
import { designValueWarnings } from './design-value-warnings.js';
import type { Program } from '../program/program.js';
import type { CommandContext } from './context.js';
import { InputError, UserError } from './errors.js';
import { unreadable } from './expand-inputs.js';
import { warningLine } from './load-program.js';
import { historyCacheFor } from './history-cache.js';
import { progressBar } from './progress.js';
import { collect } from './repeatable.js';

export interface HistoryOptions extends DataFlags {
  cache: boolean;
  skipBadRows?: boolean;
  strictActivities?: boolean;
}

export interface LoadedHistory {
  /** Includes, with no events, every partner of the partners file that has no activity. */
  store: EventStore;
  partners: PartnerTable | undefined;
  /** The store and partners prepared for replays (prepare.ts): every replay of the command compiles against it. */
  prepared: PreparedHistory;
  /** The person-keyed views for a seller programme (`individuals:`), built on first use. */
  people: PeopleHistory;
  fromCache: boolean;
  /** The history files, in reading order, as the user named them. */
  files: readonly string[];
  /** Data rows of the history files: those in the store, those skipped as bad and those unscored. */
  rows: number;
  skippedRows: number;
  /** Data rows left out of the store because the design does not score their activity (not bad rows; 0 with --strict-activities). */
  unscoredRows: number;
  /**
   * What the history and partners say about the design, as warnings already printed on
   * stderr: one per activity name the design does not score, one per design key that names
   * a value no partner or row has. For reports that carry their warnings (check's json, github).
   */
  warnings: readonly Diagnostic[];
}

/** Bad rows printed before the command stops; the rest are counted. */
const SHOWN_WHEN_STOPPING = 20;
/** Bad rows printed as warnings with --skip-bad-rows. */
const SHOWN_WHEN_SKIPPING = 5;
/** Activity names the design does not score, listed under their summary warning; the rest are counted. */
const SHOWN_UNSCORED = 20;
/** Files smaller than this read too fast for a progress bar to help. */
const PROGRESS_MIN_BYTES = 8 << 20;
/** Read-stream chunk; csv-records slices to the same size. */
const READ_CHUNK = 1 << 18;

export function addHistoryOptions(command: Command): Command {
  return command
    .option('--history <file>', 'activity history CSV: partner_id, date, activity, [quantity], [amount], dimensions... (repeatable: the files are read one after the other)', collect, [])
    .option('--data <manifest>', 'data manifest (YAML) naming the history and partners files and how each is written (docs/data.md)')
    .option('--partners <file>', 'partners CSV: partner_id, name, segment, region, legacy_level, ...')
    .option('--column <name=header>', 'read column NAME from the header HEADER, e.g. --column partner_id="Account ID" (repeatable)', collect, [])
    .option('--date-format <format>', 'dates of the history: YYYY-MM-DD (default), MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY or excel (serial numbers)')
    .option('--delimiter <char>', 'field separator: , ; | or tab (sniffed by default)')
    .option('--decimal <mark>', 'decimal mark of amounts: `,` reads 12.500,00 (dots group thousands)')
    .option('--encoding <name>', 'utf-8 (default), utf-16 (with BOM) or windows-1252')
    .option('--activity <id>', 'the activity of every row, for a file without an activity column (a CRM deals report)')
    .option('--no-cache', 'neither read nor write the parsed-history cache')
    .option('--skip-bad-rows', 'report bad rows on stderr, leave them out and go on')
    .option('--strict-activities', 'a row whose activity the design does not score is a bad row (an error each, exit 2) instead of one warning per activity name');
}

export { parseColumnMapping } from './data-sources.js';

interface FileResult {
  readonly parsed: ParsedHistory;
  readonly fromCache: boolean;
}

/**
 * The history (and partners file) of a command, checked against `program`. `design` is the
 * design file as the user named it (or that and its text): warnings about its keys then
 * point at their line.
 */
export async function loadHistoryForCommand(
  ctx: CommandContext,
  command: Command,
  program: Program,
  design?: string | { readonly file: string; readonly source: Uint8Array },
): Promise<LoadedHistory> {
  const options = command.opts<HistoryOptions>();
  const sources = await dataSources(ctx, options);
  const stores: EventStore[] = [];
  const rows: number[] = [];
  const warnings: Diagnostic[] = [];
  let fromCache = true;
  let skippedRows = 0;
  let unscoredRows = 0;
  // A history keyed by partner name joins to the partners file: read it first then.
  const byName = sources.history.some((source) => source.settings.partnerNames !== undefined);
  const partnersFirst = byName && sources.partners !== undefined ? await loadPartners(ctx, sources.partners, sources.lenientPartnerColumns) : undefined;
  for (const source of sources.history) {
    const file = source.file;
    const { parsed, fromCache: cached } = await readOne(ctx, command, source, options.cache !== false);
    fromCache &&= cached;
    const result = applyDesign(parsed, {
      file,
      activities: historyActivities(program),
      skipBadRows: options.skipBadRows === true,
      unknownActivities: options.strictActivities === true ? 'error' : 'unscored',
    });
    const missingColumns = missingDesignColumns(parsed.store, program, file);
    if (missingColumns.length > 0) throw new InputError(missingColumns);
    // Before any bad row stops the command: a misspelt activity is worth knowing at the same time.
    if (result.unscoredRows > 0) warnUnscored(ctx, command, file, result.unscoredRows, result.store.size + result.badRows + result.unscoredRows, result.warnings);
    if (result.badRows > 0) {
      if (options.skipBadRows !== true) throw new InputError(shownProblems(result.diagnostics, result.badRows, file));
      const shown = result.diagnostics.slice(0, SHOWN_WHEN_SKIPPING);
      ctx.warn(command, `skipped ${result.badRows} bad row(s) of ${file}${result.badRows > shown.length ? `; the first ${shown.length}:` : ':'}`);
      for (const d of shown) ctx.io.stderr.write(`  ${formatOneLine(d)}\n`);
    }
    warnings.push(...result.warnings);
    const joined = await joinPartnerNames(ctx, source, result.store, partnersFirst, sources.partners?.file);
    if (joined.diagnostics.length > 0) throw new InputError(joined.diagnostics);
    // The replay ignores rows outside the program's dates: say so rather than drop them silently.
    for (const d of checkProgramDates(joined.store, program.program.starts, program.program.ends, file)) ctx.warn(command, warningLine(d));
    stores.push(joined.store);
    rows.push(result.store.size + result.skippedRows + result.unscoredRows);
    skippedRows += result.skippedRows;
    unscoredRows += result.unscoredRows;
  }
  const joined = concatStores(stores, rows);
  const files = sources.history.map((s) => s.file);
  const label = files.join(', ');

  let partners: PartnerTable | undefined;
  let store = joined;
  if (sources.partners !== undefined) {
    partners = partnersFirst ?? (await loadPartners(ctx, sources.partners, sources.lenientPartnerColumns));
    const mismatch = matchPartners(store, partners, label, sources.partners.file);
    if (mismatch.length > 0) throw new InputError(mismatch);
    store = includePartners(store, partners);
  } else {
    // Without a partners file, a partner with no activity in the history is not counted
    // at all: tier shares and per-partner figures are over the active partners only.
    ctx.info(command, `note: no --partners file: the partner base is the ${formatCounted(store.partnerIds.length, 'partner')} found in the history`);
  }
  // Design keys that name a value no partner or row has never apply: say so, at the key.
  // Prepared once: the check reads its partner index, the command's replays all of it.
  const prepared = prepareHistory(store, partners);
  const valueWarnings = await designValueWarnings(ctx, program, { store, index: prepared.partners, ...(partners !== undefined ? { partners } : {}) }, design);
  for (const d of valueWarnings) ctx.warn(command, d.file === '' ? `${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}` : warningLine(d));
  warnings.push(...valueWarnings);
  // Every data row is an event of the store, skipped or unscored (with bad rows kept, the command stopped above).
  return { store, partners, prepared, people: new PeopleHistory(store, partners), fromCache, files, rows: joined.size + skippedRows + unscoredRows, skippedRows, unscoredRows, warnings };
}

/**
 * One warning for the rows of a file whose activity the design does not score, then one
 * line per activity name (its row count, its first row, a did-you-mean), never one per row.
 */
function warnUnscored(ctx: CommandContext, command: Command, file: string, unscored: number, rows: number, perName: readonly Diagnostic[]): void {
  ctx.warn(
    command,
    `${file}: ${formatCount(unscored)} of ${formatCounted(rows, 'row')} not scored: their activity is not in the design, so the replay leaves them out ` +
      '(a data manifest\'s `values: { activity: … }` maps names to the design\'s; --strict-activities stops on them)',
  );
  const shown = perName.slice(0, SHOWN_UNSCORED);
  for (const d of shown) ctx.io.stderr.write(`  ${formatOneLine(d)}\n`);
  if (perName.length > shown.length) ctx.io.stderr.write(`  … and ${formatCounted(perName.length - shown.length, 'more activity name')}\n`);
}

/**
 * One history file: its format resolved from its first bytes, then the cache or a parse.
 * The file is opened once: the sniff reads the head through the same handle the parse then
 * streams from (compare and sensitivity count on one open per history).
 */
export async function readOne(ctx: CommandContext, command: Command, source: DataSource, useCache: boolean): Promise<FileResult> {
  const { file, settings } = source;
  const full = ctx.path(file);
  const info = await statFile(ctx, full, file, 'history');
  const handle = await open(full, 'r').catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  // Closed here unless a stream took it over (a stream closes its handle when it ends or fails).
  let streamed = false;
  try {
    const format = await formatOf(handle, source);
    const cache = useCache ? historyCacheFor(ctx.io.env) : undefined;
    let key: string | undefined;
    if (cache !== undefined) {
      key = await cache.key(full, info, settings).catch(() => undefined);
      const parsed = key === undefined ? undefined : await cache.read(key);
      // A cache entry is keyed by content, not path: its diagnostics name the file as it was
      // called when it was first read, so name it as the user calls it now.
      if (parsed !== undefined) return { parsed: { ...parsed, diagnostics: parsed.diagnostics.map((d) => ({ ...d, file })) }, fromCache: true };
    }
    // A total of 0 makes a silent bar: small files read too fast for one to help.
    const bar = progressBar(ctx.io.stderr, `reading ${file}`, info.size >= PROGRESS_MIN_BYTES ? info.size : 0);
    let parsed: ParsedHistory;
    try {
      const stream = handle.createReadStream({ start: 0, highWaterMark: READ_CHUNK });
      streamed = true;
      parsed = await parseHistory(stream, {
        file,
        ...(settings.columns !== undefined ? { columns: settings.columns } : {}),
        format,
        onProgress: (bytes) => bar.update(bytes),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && code.startsWith('E')) throw unreadable(file, error as NodeJS.ErrnoException, (p) => ctx.path(p));
      throw error;
    } finally {
      bar.finish();
    }
    if (cache !== undefined && key !== undefined) {
      // A cache that cannot be written (read-only home, full disk) only costs the next run a parse.
      await cache.write(key, parsed).catch((error: Error) => ctx.info(command, `note: could not write the history cache: ${error.message}`));
    }
    return { parsed, fromCache: false };
  } finally {
    if (!streamed) await handle.close();
  }
}

async function statFile(ctx: CommandContext, full: string, file: string, what: string): Promise<Stats> {
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    // A missing file gets the closest existing path as a did-you-mean.
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  if (info.isDirectory()) throw new UserError(`cannot read ${file}: it is a folder, not a ${what} file`, { hint: 'name the .csv file inside it' });
  return info;
}

/** The file's first bytes → its resolved format (sniffing what the settings leave out). */
async function formatOf(handle: FileHandle, source: DataSource): Promise<ReadFormat> {
  const buffer = new Uint8Array(SNIFF_BYTES);
  const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
  const resolved = resolveFormat(buffer.subarray(0, bytesRead), source.settings);
  if ('problem' in resolved) throw new InputError([{ ...resolved.problem, file: source.file }]);
  return resolved.format;
}

function shownProblems(diagnostics: readonly Diagnostic[], badRows: number, file: string): Diagnostic[] {
  const shown = diagnostics.slice(0, SHOWN_WHEN_STOPPING);
  const rest = badRows - new Set(shown.map((d) => d.line)).size;
  if (rest <= 0) return shown;
  return [
    ...shown,
    {
      severity: 'error',
      code: 'csv-more-bad-rows',
      message: `${rest} more bad row(s) not shown (${badRows} in all)`,
      file,
      line: 0,
      col: 0,
      hint: 'fix them, or add --skip-bad-rows to leave them out of the replay',
    },
  ];
}

/** A partners file as every command reads it: unreadable or unusable input stops the command (exit 2). */
export async function loadPartners(ctx: CommandContext, source: DataSource, lenientColumns: boolean): Promise<PartnerTable> {
  const { file, settings } = source;
  const full = ctx.path(file);
  await statFile(ctx, full, file, 'partners');
  const handle = await open(full, 'r').catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  let streamed = false;
  try {
    const format = await formatOf(handle, { file, settings: { ...settings, dateFormats: ['YYYY-MM-DD'] } });
    const stream = handle.createReadStream({ start: 0, highWaterMark: READ_CHUNK });
    streamed = true;
    return await readPartners(stream, {
      file,
      ...(settings.columns !== undefined ? { columns: settings.columns } : {}),
      lenientColumns,
      dialect: format.dialect,
      ...(settings.values !== undefined ? { values: settings.values } : {}),
    });
  } finally {
    if (!streamed) await handle.close();
  }
}
