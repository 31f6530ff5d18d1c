/**
 * A history CSV → an EventStore, streaming: records go straight into typed columns, the
 * text is never held whole. Bad rows are collected (row, line, column, message, hint);
 * whether they stop the command is the caller's decision (`skipBadRows` only says whether
 * the returned store may leave them out).
 */
import { decimalOrNaN, MAX_HISTORY_NUMBER, parseDecimal } from './decimal.js';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { BadRows, byPosition, MAX_DETAILED } from './bad-rows.js';
import { checkActivities, dropEvents } from './check-activities.js';
import { findUnscoredActivities } from './unscored-activities.js';
import { readCsvBatches, CsvEncodingError, CsvTooLongFieldError, type CsvInput, type CsvTextBatch } from './csv-records.js';
import { asciiDigits, parseDay } from './day.js';
import type { EventStore } from './event-store.js';
import { resolveHeader } from './header.js';
import { addConstantColumns } from './constant-columns.js';
import { mapStoreValues } from './map-values.js';
import type { ReadFormat } from './source-settings.js';
import { MAX_ACTIVITIES, StoreAccumulator } from './store-accumulator.js';

export const HISTORY_REQUIRED = ['partner_id', 'date', 'activity'] as const;
export const HISTORY_OPTIONAL = ['quantity', 'amount'] as const;

export interface ReadHistoryOptions {
  /** The file as the user named it, for messages. */
  readonly file: string;
  /** Canonical column name → header in the file (`--column partner_id="Account ID"`). */
  readonly columns?: Readonly<Record<string, string>>;
  /** How the file is written (resolveFormat); absent: the plain form (UTF-8, commas, ISO dates, `.` decimals). */
  readonly format?: ReadFormat;
  /** The activity ids the design knows; rows with another activity are bad rows (or unscored: `unknownActivities`). Omit to accept any. */
  readonly activities?: readonly string[];
  /**
   * `error` (the default): a row whose activity the design does not know is a bad row, one
   * error each. `unscored`: it is left out of the store and reported as one warning per
   * distinct activity name (a draft design scoring a subset of the history is normal).
   */
  readonly unknownActivities?: 'error' | 'unscored';
  /** Leave bad rows out of the store (they are still reported and counted). */
  readonly skipBadRows?: boolean;
  readonly onProgress?: (bytesRead: number) => void;
}

export interface ReadHistoryResult {
  readonly store: EventStore;
  /** One per problem, in file order; at most MAX_DETAILED (see `badRows` for the count). */
  readonly diagnostics: Diagnostic[];
  /** Rows with at least one problem. */
  readonly badRows: number;
  /** Rows left out of the store (badRows with skipBadRows, else 0). */
  readonly skippedRows: number;
  /** With `unknownActivities: 'unscored'`: rows left out of the store because the design does not score their activity (not bad rows). */
  readonly unscoredRows: number;
  /** One per activity name the design does not score (`unknownActivities: 'unscored'`); empty otherwise. */
  readonly warnings: Diagnostic[];
}

/** The parse stage alone: every check except the activity ids (which depend on the design). */
export interface ParsedHistory {
  readonly store: EventStore;
  readonly diagnostics: Diagnostic[];
  readonly badRows: number;
}

export async function readHistory(input: CsvInput, options: ReadHistoryOptions): Promise<ReadHistoryResult> {
  const parsed = await parseHistory(input, options);
  return applyDesign(parsed, options);
}

/**
 * Checks a parsed (or cached) store against the design's activities: unknown activities
 * become bad rows, and with skipBadRows their events leave the store; or, with
 * `unknownActivities: 'unscored'`, their events leave the store with one warning per name.
 */
export function applyDesign(
  parsed: ParsedHistory,
  options: Pick<ReadHistoryOptions, 'file' | 'activities' | 'skipBadRows' | 'unknownActivities'>,
): ReadHistoryResult {
  let { store, badRows } = parsed;
  let diagnostics = parsed.diagnostics;
  let unscoredRows = 0;
  let warnings: Diagnostic[] = [];
  if (options.activities !== undefined && options.unknownActivities === 'unscored') {
    const unscored = findUnscoredActivities(store, options.activities, options.file);
    if (unscored.events.length > 0) {
      unscoredRows = unscored.events.length;
      warnings = unscored.diagnostics;
      store = dropEvents(store, unscored.events);
    }
  } else if (options.activities !== undefined) {
    const check = checkActivities(store, options.activities, options.file);
    if (check.badEvents.length > 0) {
      // A row already bad for another reason is not in the store, so the counts do not overlap.
      badRows += check.badEvents.length;
      diagnostics = [...diagnostics, ...check.diagnostics].sort(byPosition).slice(0, MAX_DETAILED);
      if (options.skipBadRows === true) store = dropEvents(store, check.badEvents);
    }
  }
  return { store, diagnostics, badRows, skippedRows: options.skipBadRows === true ? badRows : 0, unscoredRows, warnings };
}

/**
 * The parse stage. `unquotedText` false reads every batch through PapaParse's records
 * instead of cutting quote-free text in place (for tests: both must give the same result).
 */
export async function parseHistory(
  input: CsvInput,
  options: Pick<ReadHistoryOptions, 'file' | 'columns' | 'format' | 'onProgress'>,
  unquotedText = true,
): Promise<ParsedHistory> {
  const file = options.file;
  const format = options.format;
  const parseDate = format?.parseDay ?? parseDay;
  const isoDates = format?.isoDates ?? true;
  const plainNumbers = format?.plainNumbers ?? true;
  const parseNumber = format?.parseNumber ?? parseDecimal;
  const constantActivity = format?.constantActivity;
  const delimiter = format?.dialect.delimiter ?? ',';
  let constantCode = 0;
  /** Skip rules by field index, resolved from the header. */
  let skips: { index: number; patterns: readonly RegExp[]; keep: boolean }[] = [];
  let skipped = 0;
  let acc: StoreAccumulator | undefined;
  let width = 0;
  let ip = 0;
  let id = 0;
  let ia = 0;
  let iq = -1;
  let im = -1;
  let dims: number[] = [];
  let dimValues: string[] = [];
  const columns: Record<string, number> = {};
  let row = 0;
  const bad = new BadRows(file);
  const dayCache = new Map<string, number | 'format' | 'impossible'>();
  let lastDateText = '';
  let lastDay: number | 'format' | 'impossible' | undefined;
  let lastKey = -1;
  let lastKeyDay = 0;

  const dayOf = (dateText: string): number | 'format' | 'impossible' => {
    // Exports are usually in date order: most rows repeat the previous row's date.
    let day = dateText === lastDateText ? lastDay : dayCache.get(dateText);
    if (day === undefined) {
      day = parseDate(dateText);
      if (dayCache.size < 100_000) dayCache.set(dateText, day);
    }
    lastDateText = dateText;
    lastDay = day;
    return day;
  };

  const startHeader = (header: string[], line: number): StoreAccumulator => {
    const resolved = resolveHeader(header, {
      file,
      line,
      required: constantActivity === undefined ? HISTORY_REQUIRED : HISTORY_REQUIRED.filter((c) => c !== 'activity'),
      optional: HISTORY_OPTIONAL,
      what: 'history',
      ...(options.columns ? { columns: options.columns } : {}),
    });
    if (Array.isArray(resolved)) throw new DiagnosticError(resolved);
    width = header.length;
    ip = resolved.index.get('partner_id') as number;
    id = resolved.index.get('date') as number;
    ia = constantActivity === undefined ? (resolved.index.get('activity') as number) : -1;
    iq = resolved.index.get('quantity') ?? -1;
    im = resolved.index.get('amount') ?? -1;
    dims = resolved.others.map((o) => o.index);
    dimValues = new Array<string>(dims.length).fill('');
    const constantHere = Object.keys(format?.constantColumns ?? {}).find((c) => resolved.index.has(c) || resolved.others.some((o) => o.name === c));
    if (constantHere !== undefined) {
      // Two sources for one column: neither silently wins.
      throw new DiagnosticError([{ severity: 'error', code: 'csv-constant-column-present', message: `constant names \`${constantHere}\` (one value for every row), but the history has a \`${constantHere}\` column`, file, line, col: (resolved.index.get(constantHere) ?? resolved.others.find((o) => o.name === constantHere)?.index ?? -1) + 1, hint: `drop \`${constantHere}\` from \`constant:\` to read the column, or map the column away with \`columns:\`` }]);
    }
    for (const [name, i] of resolved.index) columns[name] = i + 1;
    for (const o of resolved.others) columns[o.name] = o.index + 1;
    skips = (format?.skipRowsWhere ?? []).map((rule) => {
      const at = resolved.index.get(rule.column) ?? resolved.others.find((o) => o.name === rule.column)?.index ?? header.findIndex((h) => h.trim() === rule.column);
      if (at < 0) {
        throw new DiagnosticError([{ severity: 'error', code: 'csv-missing-column', message: `${rule.keep === true ? 'keep_rows_where' : 'skip_rows_where'} names \`${rule.column}\`, which the ${'history'} has no column for`, file, line, col: 0, hint: 'name a column of the file (its canonical name or its header)' }]);
      }
      return { index: at, patterns: rule.patterns, keep: rule.keep === true };
    });
    const store = new StoreAccumulator(resolved.others.map((o) => o.name));
    if (constantActivity !== undefined) constantCode = store.activityInterner.code(constantActivity);
    return store;
  };

  const checkActivityCount = (store: StoreAccumulator, line: number): void => {
    if (store.activityCount > MAX_ACTIVITIES) {
      throw new DiagnosticError([{ severity: 'error', code: 'csv-too-many-activities', message: `more than ${MAX_ACTIVITIES} distinct activities`, file, line, col: ia + 1, hint: 'is the activity column mapped to the right header?' }]);
    }
  };

  /** One data record, every check spelled out; the in-place path below falls back to it for any row it is not sure of. */
  const addRecord = (store: StoreAccumulator, record: string[], line: number, malformed: string | undefined): void => {
    row++;
    if (skips.length > 0 && skipRow(record)) {
      skipped++;
      return;
    }
    if (malformed !== undefined) {
      bad.add(row, line, 0, 'csv-malformed', `cannot read this row: ${malformed.toLowerCase()}`, 'a field that holds a quote, comma or newline must be in double quotes, with inner quotes doubled ("")');
      return;
    }
    if (record.length !== width) {
      bad.add(row, line, 0, 'csv-field-count', `has ${record.length} fields, the header has ${width}`, 'quote fields that contain commas');
      return;
    }
    const before = bad.count;
    const partner = trimmed(record[ip] as string);
    if (partner === '') bad.add(row, line, ip + 1, 'csv-empty-partner', 'partner_id is empty', 'every row needs the partner it belongs to');

    const dateText = trimmed(record[id] as string);
    const day = dayOf(dateText);
    if (day === 'format') bad.add(row, line, id + 1, 'csv-bad-date', `date \`${dateText}\` is not a ${format?.dateWords ?? 'YYYY-MM-DD'} date`, format?.dateHint ?? (isoDates ? 'write dates as 2024-03-31' : 'check the date column, or the date format stated for this file'));
    else if (day === 'impossible') bad.add(row, line, id + 1, 'csv-impossible-date', `date \`${dateText}\` does not exist on the calendar`, 'check the month (01-12) and the day of the month');

    const activity = ia < 0 ? (constantActivity as string) : trimmed(record[ia] as string);
    if (activity === '') bad.add(row, line, ia + 1, 'csv-empty-activity', 'activity is empty', 'every row needs the id of an activity of the design');

    let quantity = 1;
    if (iq >= 0) {
      const text = trimmed(record[iq] as string);
      if (text !== '') {
        const value = text === '1' ? 1 : parseNumber(text);
        quantity = typeof value === 'number' ? value : NaN;
        if (value === 'not-decimal') bad.add(row, line, iq + 1, 'csv-bad-quantity', `quantity \`${text}\` is not a number`, 'leave it blank for 1');
        else if (value === 'out-of-range') bad.add(row, line, iq + 1, 'csv-number-out-of-range', `quantity \`${text}\` is beyond 2^53 (${MAX_HISTORY_NUMBER})`, 'a history number lies between -2^53 and 2^53; check the column');
        else if (quantity < 0) bad.add(row, line, iq + 1, 'csv-negative-quantity', `quantity ${text} is negative`, 'a quantity counts occurrences; it is 0 or more');
      }
    }
    let amount = 0;
    if (im >= 0) {
      const text = trimmed(record[im] as string);
      if (text !== '') {
        const value = parseNumber(text);
        amount = typeof value === 'number' ? value : NaN;
        if (value === 'not-decimal') {
          bad.add(row, line, im + 1, 'csv-bad-amount', `amount \`${text}\` is not a number`, plainNumbers ? 'write plain numbers without currency signs or thousands separators, like 12500.50' : 'check the amount column against the decimal mark, thousands separator and currency stated for this file');
        }
        else if (value === 'out-of-range') bad.add(row, line, im + 1, 'csv-number-out-of-range', `amount \`${text}\` is beyond 2^53 (${MAX_HISTORY_NUMBER})`, 'a history number lies between -2^53 and 2^53; check the column');
      }
    }
    if (bad.count !== before) return;
    for (let d = 0; d < dims.length; d++) dimValues[d] = record[dims[d] as number] as string;
    store.add(partner, day as number, activity, quantity, amount, row, line, dimValues);
    checkActivityCount(store, line);
  };

  /**
   * A quote-free batch: each line is cut at its commas by position and its fields are
   * interned where they sit, so a row of known values makes no string but its date (and
   * its numbers when they are not blank or 1). Any row that is not plainly good (a field
   * to trim, a blank required field, a bad date or number, the wrong field count) goes
   * through `addRecord` as an array of strings, for the exact same diagnostics.
   */
  const addText = (batch: CsvTextBatch): void => {
    const { text, end, newline } = batch;
    const step = newline.length;
    let line = batch.line;
    let starts = new Int32Array(0);
    let ends = new Int32Array(0);
    let dimCodes = new Uint32Array(0);
    for (let at = 0; at < end; ) {
      const cut = text.indexOf(newline, at);
      const eol = cut === -1 || cut >= end ? end : cut;
      const next = eol === end ? end : eol + step;
      const here = line++;
      if (eol === at) {
        at = next; // a blank line
        continue;
      }
      if (acc === undefined) {
        acc = startHeader(text.substring(at, eol).split(delimiter), here);
        at = next;
        continue;
      }
      const store = acc;
      if (starts.length !== width) {
        starts = new Int32Array(width);
        ends = new Int32Array(width);
        dimCodes = new Uint32Array(dims.length);
      }
      let fields = 0;
      let complete = false;
      for (let pos = at; fields < width; ) {
        starts[fields] = pos;
        const comma = text.indexOf(delimiter, pos);
        if (comma === -1 || comma >= eol) {
          ends[fields++] = eol;
          complete = true;
          break;
        }
        ends[fields++] = comma;
        pos = comma + 1;
      }
      if (complete && fields === width) {
        const pa = starts[ip] as number;
        const pb = ends[ip] as number;
        const da = starts[id] as number;
        const db = ends[id] as number;
        const aa = ia < 0 ? 0 : (starts[ia] as number);
        const ab = ia < 0 ? 0 : (ends[ia] as number);
        let ok =
          pa < pb &&
          text.charCodeAt(pa) > 32 &&
          text.charCodeAt(pb - 1) > 32 &&
          (ia < 0 || (aa < ab && text.charCodeAt(aa) > 32 && text.charCodeAt(ab - 1) > 32)) &&
          (isoDates ? db - da === 10 : da < db && text.charCodeAt(da) > 32 && text.charCodeAt(db - 1) > 32) &&
          (skips.length === 0 || !skipRow(text.substring(at, eol).split(delimiter)));
        let day: number | 'format' | 'impossible' = 0;
        if (ok) {
          // Sorted exports repeat the previous row's date: its digits as one number say so
          // without making a string (equal keys are equal texts: same digits, same dashes).
          const key = isoDates ? dateKey(text, da) : -1;
          if (key >= 0 && key === lastKey) day = lastKeyDay;
          else {
            day = dayOf(text.substring(da, db));
            if (key >= 0 && typeof day === 'number') {
              lastKey = key;
              lastKeyDay = day;
            }
          }
        }
        if (typeof day !== 'number') ok = false;
        let quantity = 1;
        if (ok && iq >= 0) {
          const qa = starts[iq] as number;
          const qb = ends[iq] as number;
          if (qa < qb && !(qb - qa === 1 && text.charCodeAt(qa) === 49)) {
            const whole = plainInteger(text, qa, qb);
            quantity = whole >= 0 ? whole : plainNumbers ? decimalOrNaN(text.substring(qa, qb)) : numberOrNaN(parseNumber(text.substring(qa, qb)));
            ok = Number.isFinite(quantity) && quantity >= 0;
          }
        }
        let amount = 0;
        if (ok && im >= 0) {
          const ma = starts[im] as number;
          const mb = ends[im] as number;
          if (ma < mb) {
            const whole = plainInteger(text, ma, mb);
            amount = whole >= 0 ? whole : plainNumbers ? decimalOrNaN(text.substring(ma, mb)) : numberOrNaN(parseNumber(text.substring(ma, mb)));
            ok = Number.isFinite(amount);
          }
        }
        if (ok) {
          row++;
          for (let d = 0; d < dims.length; d++) {
            const f = dims[d] as number;
            dimCodes[d] = store.dimensionInterner(d).codeAt(text, starts[f] as number, ends[f] as number);
          }
          const activityCode = ia < 0 ? constantCode : store.activityInterner.codeAt(text, aa, ab);
          store.addCodes(store.partnerInterner.codeAt(text, pa, pb), day as number, activityCode, quantity, amount, row, here, dimCodes);
          checkActivityCount(store, here);
          at = next;
          continue;
        }
      }
      addRecord(store, text.substring(at, eol).split(','), here, undefined);
      at = next;
    }
  };

  try {
    for await (const batch of readCsvBatches(input, options.onProgress, unquotedText, format?.dialect)) {
      if (batch.kind === 'text') {
        addText(batch);
        continue;
      }
      const { records, lines } = batch;
      let start = 0;
      if (acc === undefined) {
        acc = startHeader(records[0] as string[], lines[0] as number);
        start = 1;
      }
      for (let r = start; r < records.length; r++) addRecord(acc, records[r] as string[], lines[r] as number, batch.malformed.get(r));
    }
  } catch (error) {
    if (error instanceof CsvTooLongFieldError) {
      throw new DiagnosticError([{ severity: 'error', code: 'csv-malformed', message: error.message, file, line: error.line, col: 0, hint: 'look for an opening double quote without its closing one' }]);
    }
    if (error instanceof CsvEncodingError) throw new DiagnosticError([encodingDiagnostic(error, file)]);
    throw error;
  }
  if (acc !== undefined && row > 0 && skipped === row) {
    throw new DiagnosticError([{ severity: 'error', code: 'csv-all-rows-skipped', message: `every one of the ${row} row(s) matches skip_rows_where or fails keep_rows_where`, file, line: 0, col: 0, hint: 'a skip rule is for footer and summary rows, a keep rule for the rows that are data: check their patterns' }]);
  }
  if (acc === undefined || row === 0) {
    throw new DiagnosticError([
      {
        severity: 'error',
        code: 'csv-empty',
        message: acc === undefined ? 'the history is empty' : 'the history has a header but no rows',
        file,
        line: 0,
        col: 0,
        hint: 'the first line is the header (partner_id,date,activity,...), then one row per activity',
      },
    ]);
  }
  const store = addConstantColumns(acc.finish(columns), format?.constantColumns ?? {});
  const values = format?.values ?? {};
  return { store: Object.keys(values).length === 0 ? store : mapStoreValues(store, values), diagnostics: bad.diagnostics, badRows: bad.count };

  /** A footer or summary row the user's skip rules name, or a row a keep rule filters out (a function declaration: used by both paths above). */
  function skipRow(record: readonly string[]): boolean {
    for (const rule of skips) {
      const value = record[rule.index];
      const matched = value !== undefined && rule.patterns.some((p) => p.test(value.trim()));
      if (rule.keep ? !matched : matched) return true;
    }
    return false;
  }
}

/** The reader's number for a parsed value, NaN for a refused one (the fast path then re-reads the row for its message). */
function numberOrNaN(value: number | string): number {
  return typeof value === 'number' ? value : NaN;
}

export function encodingDiagnostic(error: CsvEncodingError, file: string): Diagnostic {
  return {
    severity: 'error',
    code: 'csv-bad-encoding',
    message: error.message,
    file,
    line: error.line,
    col: 0,
    hint: error.encoding === 'utf-8' ? 'a file saved by Excel on Windows is often Windows-1252: state `encoding: windows-1252` (or --encoding windows-1252)' : 'state the encoding the file was saved in',
  };
}

/** `trim()` only when there is something to trim: most fields have no spaces, and this runs millions of times. */
function trimmed(text: string): string {
  return text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? text.trim() : text;
}

/** `YYYY-MM-DD` at `at` as the number YYYYMMDD (digits and dashes only, not a calendar check), else -1. */
function dateKey(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return -1;
  const year = asciiDigits(text, at, at + 4);
  const month = asciiDigits(text, at + 5, at + 7);
  const day = asciiDigits(text, at + 8, at + 10);
  return year < 0 || month < 0 || day < 0 ? -1 : year * 10000 + month * 100 + day;
}

/**
 * The value of `text.slice(start, end)` when it is 1-15 ASCII digits (what `Number` gives
 * for it, exactly: below 2^53), else -1; most amounts are, and this makes no string.
 */
function plainInteger(text: string, start: number, end: number): number {
  return end - start > 15 ? -1 : asciiDigits(text, start, end);
}
