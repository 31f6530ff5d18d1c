/**
 * CSV for reports: RFC 4180 quoting (commas, quotes) and formula-injection escaping: a
 * text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`
 * so a spreadsheet shows it instead of evaluating it. Text cells have their controls and
 * bidi marks made visible first (a CSV is printed to a terminal as often as it is
 * opened), so every record is one line. Numbers stay numbers (a negative amount is data,
 * not a formula); null and undefined become empty cells.
 */
import { stringify } from 'csv-stringify/sync';
import { makeVisible } from './visible.js';

export type CsvCell = string | number | null | undefined;

const cell = (c: CsvCell): CsvCell => (typeof c === 'string' ? makeVisible(c) : c);

export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header.map(makeVisible), ...rows.map((r) => r.map(cell))] as CsvCell[][], {
    escape_formulas: true,
    record_delimiter: 'unix',
  });
}
