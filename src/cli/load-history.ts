/**
 * The history options every replaying command shares (--history, --partners, --column,
 * --no-cache, --skip-bad-rows) and the one function that turns them into a store:
 * cache or parse, check against the design, stop (exit 2) or skip on bad rows, read and
 * match the partners file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatOneLine } from '../diagnostics/diagnostic.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { formatCounted } from '../format/number.js';
import { checkAmountColumn } from '../history/check-amount-column.js';
import { checkProgramDates } from '../history/check-dates.js';
import { includePartners, matchPartners } from '../history/match-partners.js';
import { applyDesign, parseHistory, type ParsedHistory } from '../history/read-history.js';
import { readPartners } from '../history/read-partners.js';
import type { Program } from '../program/program.js';
import type { CommandContext } from './context.js';
import { InputError, UserError } from './errors.js';
import { unreadable } from './expand-inputs.js';
import { warningLine } from './load-program.js';
import { historyCacheFor } from './history-cache.js';
import { progressBar } from './progress.js';

export interface HistoryOptions {
  history: string;
  partners?: string;
  column: string[];
  cache: boolean;
  skipBadRows?: boolean;
}

export interface LoadedHistory {
  /** Includes, with no events, every partner of the partners file that has no activity. */
  store: EventStore;
  partners: PartnerTable | undefined;
  fromCache: boolean;
  /** Data rows of the history file: those in the store and those skipped as bad. */
  rows: number;
  skippedRows: number;
}

/** Bad rows printed before the command stops; the rest are counted. */
const SHOWN_WHEN_STOPPING = 20;
/** Bad rows printed as warnings with --skip-bad-rows. */
const SHOWN_WHEN_SKIPPING = 5;
/** Files smaller than this read too fast for a progress bar to help. */
const PROGRESS_MIN_BYTES = 8 << 20;
/** Read-stream chunk; csv-records slices to the same size. */
const READ_CHUNK = 1 << 18;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function addHistoryOptions(command: Command): Command {
  return command
    .requiredOption('--history <file>', 'activity history CSV: partner_id, date, activity, [quantity], [amount], dimensions...')
    .option('--partners <file>', 'partners CSV: partner_id, name, segment, region, legacy_level, ...')
    .option('--column <name=header>', 'read column NAME from the header HEADER, e.g. --column partner_id="Account ID" (repeatable)', collect, [])
    .option('--no-cache', 'neither read nor write the parsed-history cache')
    .option('--skip-bad-rows', 'report bad rows on stderr, leave them out and go on');
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

export async function loadHistoryForCommand(ctx: CommandContext, command: Command, program: Program): Promise<LoadedHistory> {
  const options = command.opts<HistoryOptions>();
  const columns = parseColumnMapping(options.column ?? []);
  const file = options.history;
  const full = ctx.path(file);
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  if (info.isDirectory()) throw new UserError(`cannot read ${file}: it is a folder, not a history file`, { hint: 'name the .csv file inside it' });

  const cache = options.cache === false ? undefined : historyCacheFor(ctx.io.env);
  let parsed: ParsedHistory | undefined;
  let fromCache = false;
  let key: string | undefined;
  if (cache !== undefined) {
    key = await cache.key(full, info, columns).catch(() => undefined);
    if (key !== undefined) {
      parsed = await cache.read(key);
      fromCache = parsed !== undefined;
    }
  }
  if (parsed === undefined) {
    // A total of 0 makes a silent bar: small files read too fast for one to help.
    const bar = progressBar(ctx.io.stderr, `reading ${file}`, info.size >= PROGRESS_MIN_BYTES ? info.size : 0);
    try {
      parsed = await parseHistory(createReadStream(full, { highWaterMark: READ_CHUNK }), {
        file,
        columns,
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
  }

  // A cache entry is keyed by content, not path: its diagnostics name the file as it was
  // called when it was first read, so name it as the user calls it now.
  if (fromCache) parsed = { ...parsed, diagnostics: parsed.diagnostics.map((d) => ({ ...d, file })) };

  const result = applyDesign(parsed, { file, activities: Object.keys(program.activities), skipBadRows: options.skipBadRows === true });
  const missingAmount = checkAmountColumn(parsed.store, program, file);
  if (missingAmount.length > 0) throw new InputError(missingAmount);
  if (result.badRows > 0) {
    if (options.skipBadRows !== true) throw new InputError(shownProblems(result.diagnostics, result.badRows, file));
    const shown = result.diagnostics.slice(0, SHOWN_WHEN_SKIPPING);
    ctx.warn(command, `skipped ${result.badRows} bad row(s) of ${file}${result.badRows > shown.length ? `; the first ${shown.length}:` : ':'}`);
    for (const d of shown) ctx.io.stderr.write(`  ${formatOneLine(d)}\n`);
  }

  let partners: PartnerTable | undefined;
  let store = result.store;
  if (options.partners !== undefined) {
    partners = await loadPartners(ctx, options.partners, columns);
    const mismatch = matchPartners(store, partners, file, options.partners);
    if (mismatch.length > 0) throw new InputError(mismatch);
    store = includePartners(store, partners);
  } else {
    // Without a partners file, a partner with no activity in the history is not counted
    // at all: tier shares and per-partner figures are over the active partners only.
    ctx.info(command, `note: no --partners file: the partner base is the ${formatCounted(store.partnerIds.length, 'partner')} found in the history`);
  }
  // The replay ignores rows outside the program's dates: say so rather than drop them silently.
  for (const d of checkProgramDates(result.store, program.program.starts, program.program.ends, file)) ctx.warn(command, warningLine(d));
  // Every data row is either an event of the store or skipped (with bad rows kept, the command stopped above).
  return { store, partners, fromCache, rows: result.store.size + result.skippedRows, skippedRows: result.skippedRows };
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

async function loadPartners(ctx: CommandContext, file: string, columns: Readonly<Record<string, string>>): Promise<PartnerTable> {
  const full = ctx.path(file);
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  if (info.isDirectory()) throw new UserError(`cannot read ${file}: it is a folder, not a partners file`);
  return readPartners(createReadStream(full, { highWaterMark: READ_CHUNK }), { file, columns, lenientColumns: true });
}
