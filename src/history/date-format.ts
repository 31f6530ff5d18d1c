/**
 * The date formats a history may be written in, each a parser from text to a day number
 * (see day.ts), and the sniffing of an unstated slash or dot format from a sample of
 * dates. Parsers are plain functions so the reader's per-text date cache serves them all.
 */
import { asciiDigits, daysFromCivil, daysInMonth, parseDay, type DateProblem } from './day.js';

export const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD.MM.YYYY', 'excel'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type DayParser = (text: string) => number | DateProblem;

/** Excel's serial 25569 is 1970-01-01 (its 1900 system, with the phantom 1900-02-29 before day 61). */
const EXCEL_EPOCH = 25569;

function dayMonthYear(text: string, separator: number, dayFirst: boolean): number | DateProblem {
  // 1 or 2 digits for day and month (CRM exports write 3/5/2024), 4 for the year.
  const a = text.indexOf(String.fromCharCode(separator));
  const b = a < 0 ? -1 : text.indexOf(String.fromCharCode(separator), a + 1);
  if (a < 1 || a > 2 || b - a < 2 || b - a > 3 || text.length - b !== 5) return 'format';
  const first = asciiDigits(text, 0, a);
  const second = asciiDigits(text, a + 1, b);
  const year = asciiDigits(text, b + 1, text.length);
  if (first < 0 || second < 0 || year < 0) return 'format';
  const [day, month] = dayFirst ? [first, second] : [second, first];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'impossible';
  return daysFromCivil(year, month, day);
}

function excelSerial(text: string): number | DateProblem {
  // A whole serial, or one with a time of day as its fraction (the time is dropped).
  const dot = text.indexOf('.');
  const whole = asciiDigits(text, 0, dot < 0 ? text.length : dot);
  if (whole < 0 || text.length === 0 || dot === 0 || (dot > 0 && asciiDigits(text, dot + 1, text.length) < 0)) return 'format';
  if (whole < 1 || whole > 2958465) return 'impossible'; // 2958465 is 9999-12-31
  return whole - EXCEL_EPOCH;
}

const PARSERS: Record<DateFormat, DayParser> = {
  'YYYY-MM-DD': parseDay,
  'MM/DD/YYYY': (text) => dayMonthYear(text, 47, false),
  'DD/MM/YYYY': (text) => dayMonthYear(text, 47, true),
  'DD.MM.YYYY': (text) => dayMonthYear(text, 46, true),
  excel: excelSerial,
};

/** One parser for a list of formats: the first that reads the text wins; a text none can read is `format`, one some read as impossible is `impossible`. */
export function dayParser(formats: readonly DateFormat[]): DayParser {
  const parsers = formats.map((f) => PARSERS[f]);
  if (parsers.length === 1) return parsers[0] as DayParser;
  return (text) => {
    let problem: DateProblem = 'format';
    for (const parse of parsers) {
      const day = parse(text);
      if (typeof day === 'number') return day;
      if (day === 'impossible') problem = day;
    }
    return problem;
  };
}

export type SniffedDates = { readonly format: DateFormat } | { readonly ambiguous: string } | undefined;

/**
 * The format a sample of date texts looks like when none is stated (for the rows' error
 * hint): none when the first reads as ISO; `DD.MM.YYYY` for dots; for slashes, the order that a day above 12 gives away.
 * `ambiguous` (with an example) when every slash date reads both ways: guessing would be
 * silently wrong on half the days of the year. Undefined when nothing fits (the reader's
 * row errors then say why).
 */
export function sniffDateFormat(sample: readonly string[]): SniffedDates {
  const dates = sample.map((s) => s.trim()).filter((s) => s !== '');
  const first = dates[0];
  if (first === undefined || typeof parseDay(first) === 'number') return undefined;
  if (dates.every((d) => typeof PARSERS['DD.MM.YYYY'](d) === 'number')) return { format: 'DD.MM.YYYY' };
  const us = dates.every((d) => typeof PARSERS['MM/DD/YYYY'](d) === 'number');
  const eu = dates.every((d) => typeof PARSERS['DD/MM/YYYY'](d) === 'number');
  if (us && eu) return { ambiguous: first };
  if (us) return { format: 'MM/DD/YYYY' };
  if (eu) return { format: 'DD/MM/YYYY' };
  if (/^\d{5}(\.\d+)?$/.test(first) && dates.every((d) => typeof excelSerial(d) === 'number')) return { format: 'excel' };
  return undefined;
}
