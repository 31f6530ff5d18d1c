/**
 * How one CSV file is written, as the user states it (a `--data` manifest entry or the
 * single-file flags), and its resolution against the file's first bytes into what the
 * reader needs: what is not stated is sniffed (encoding from a BOM, delimiter by
 * PapaParse's guesser). Settings are
 * plain data: their JSON is part of the history cache key. An unstated date format is
 * never guessed: the sniffed one goes into the rows' error hint.
 */
import Papa from 'papaparse';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DELIMITERS, type CsvDialect, type Delimiter, type Encoding } from './csv-records.js';
import { dayParser, sniffDateFormat, type DateFormat, type DayParser } from './date-format.js';
import { isPlainNumberFormat, numberParser, type NumberFormat, type NumberParser } from './number-format.js';

export interface ValueMapping {
  /** Value in the file → value the design uses. */
  readonly map: Readonly<Record<string, string>>;
  /** Match the file's values ignoring case (and surrounding spaces). */
  readonly ignoreCase?: boolean;
}

export interface SourceSettings {
  /** Sniffed when absent. */
  readonly delimiter?: Delimiter;
  /** `utf-16` picks the byte order from the BOM. Absent: a BOM's encoding, else UTF-8. */
  readonly encoding?: 'utf-8' | 'utf-16' | 'windows-1252';
  /** Tried in order. Absent: ISO, or a slash/dot format sniffed from the first rows. */
  readonly dateFormats?: readonly DateFormat[];
  readonly numbers?: NumberFormat;
  /** Canonical column → header in the file. */
  readonly columns?: Readonly<Record<string, string>>;
  /** Column → the value of every row, for a column the file does not have: `activity`, or a dimension. */
  readonly constants?: Readonly<Record<string, string>>;
  /** Canonical column → renaming of its values. */
  readonly values?: Readonly<Record<string, ValueMapping>>;
  /** Canonical column (or header) → regular expressions; a row whose field matches one is not data. */
  readonly skipRowsWhere?: Readonly<Record<string, readonly string[]>>;
  /** Canonical column (or header) → regular expressions; a row whose field matches none of them is not data (a row filter). */
  readonly keepRowsWhere?: Readonly<Record<string, readonly string[]>>;
  /**
   * The file's partner_id column holds company names: join them to the partners file's
   * `column` (partner-names.ts), with `aliases` (a CSV of name,partner_id) winning.
   */
  readonly partnerNames?: Readonly<{ column: string; aliases?: string }>;
}

/** What the reader needs, every choice made. */
export interface ReadFormat {
  readonly dialect: CsvDialect;
  readonly parseDay: DayParser;
  /** Dates are `YYYY-MM-DD` only: the reader's in-place date shortcuts apply. */
  readonly isoDates: boolean;
  readonly parseNumber: NumberParser;
  readonly plainNumbers: boolean;
  readonly constantActivity?: string | undefined;
  /** Dimension → the value of every row (a column the file lacks, `region: EMEA`). */
  readonly constantColumns: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, ValueMapping>>;
  /** Skip rules, then keep rules (`keep`: the row is skipped when its field matches none of the patterns). */
  readonly skipRowsWhere: ReadonlyArray<{ readonly column: string; readonly patterns: readonly RegExp[]; readonly keep?: boolean }>;
  /** The date format in words, for messages. */
  readonly dateWords: string;
  /** The bad-date hint when the file's dates look like another, unstated format. */
  readonly dateHint?: string;
}

/** How many bytes of the file's start the sniffing reads. */
export const SNIFF_BYTES = 64 << 10;

export type ResolvedFormat = { readonly format: ReadFormat } | { readonly problem: Omit<Diagnostic, 'file'> };

/**
 * `head` is the file's first SNIFF_BYTES (or all of it). `dateHeader` names the date
 * column as the file writes it.
 */
export function resolveFormat(head: Uint8Array, settings: SourceSettings, dateHeader = settings.columns?.['date'] ?? 'date'): ResolvedFormat {
  const encoding = encodingOf(head, settings.encoding);
  if (typeof encoding !== 'string') return { problem: encoding };
  const text = new TextDecoder(encoding).decode(head);
  const delimiter = settings.delimiter ?? sniffDelimiter(text);
  // An unstated format is ISO: a sniffed one only words the rows' errors, never a silent
  // guess (03/04/2024 is a different day in MM/DD and DD/MM; the user says which).
  const dates = settings.dateFormats ?? ['YYYY-MM-DD'];
  const sniffed = settings.dateFormats === undefined ? sniffDateFormat(dateSample(text, delimiter, dateHeader)) : undefined;
  const dateHint =
    sniffed === undefined
      ? undefined
      : 'ambiguous' in sniffed
        ? `the dates read both as MM/DD/YYYY and as DD/MM/YYYY (every day is 12 or less): state which with --date-format, or \`date_format:\` in a --data manifest`
        : `the dates look like ${sniffed.format === 'excel' ? 'Excel serial numbers' : sniffed.format}: state it with --date-format ${sniffed.format}, or \`date_format:\` in a --data manifest`;
  const numbers = settings.numbers ?? { decimal: '.', currency: false };
  const skips = [
    ...Object.entries(settings.skipRowsWhere ?? {}).map(([column, patterns]) => ({ column, patterns: patterns.map((p) => new RegExp(p, 'u')) })),
    ...Object.entries(settings.keepRowsWhere ?? {}).map(([column, patterns]) => ({ column, patterns: patterns.map((p) => new RegExp(p, 'u')), keep: true })),
  ];
  return {
    format: {
      dialect: { delimiter, encoding },
      parseDay: dayParser(dates),
      isoDates: dates.length === 1 && dates[0] === 'YYYY-MM-DD',
      parseNumber: numberParser(numbers),
      plainNumbers: isPlainNumberFormat(numbers),
      constantActivity: settings.constants?.activity,
      constantColumns: Object.fromEntries(Object.entries(settings.constants ?? {}).filter(([column]) => column !== 'activity')),
      values: settings.values ?? {},
      skipRowsWhere: skips,
      dateWords: dates.join(' or '),
      ...(dateHint !== undefined ? { dateHint } : {}),
    },
  };
}

function encodingOf(head: Uint8Array, stated: SourceSettings['encoding']): Encoding | Omit<Diagnostic, 'file'> {
  const bom = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8' : undefined;
  if (stated === 'utf-16') {
    if (bom === 'utf-16le' || bom === 'utf-16be') return bom;
    return { severity: 'error', code: 'csv-no-bom', message: 'the file is said to be UTF-16 but does not start with a byte order mark', line: 1, col: 0, hint: 'save it as "Unicode Text" (UTF-16 with BOM), or state its real encoding' };
  }
  if (stated !== undefined) return stated;
  return bom ?? 'utf-8';
}

/** PapaParse's guesser over the first lines; a comma when it cannot tell (one column). */
function sniffDelimiter(text: string): Delimiter {
  const guess = Papa.parse<string[]>(firstLines(text, 50), { delimitersToGuess: [...DELIMITERS], preview: 50 }).meta.delimiter;
  return (DELIMITERS as readonly string[]).includes(guess) ? (guess as Delimiter) : ',';
}

/** The date column's values in the first rows (none when the header has no such column). */
function dateSample(text: string, delimiter: Delimiter, dateHeader: string): string[] {
  const records = Papa.parse<string[]>(firstLines(text, 2000), { delimiter, skipEmptyLines: true }).data;
  const at = (records[0] ?? []).findIndex((h) => h.trim() === dateHeader.trim());
  return at < 0 ? [] : records.slice(1).map((r) => r[at] ?? '');
}

/** Whole lines only: the head's last line is usually cut mid-way. */
function firstLines(text: string, count: number): string {
  let end = 0;
  for (let i = 0; i < count; i++) {
    const next = text.indexOf('\n', end);
    if (next < 0) return text.slice(0, end === 0 ? text.length : end);
    end = next + 1;
  }
  return text.slice(0, end);
}
