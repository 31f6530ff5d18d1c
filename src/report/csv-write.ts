/**
 * CSV for reports: RFC 4180 quoting (commas, quotes, newlines) and formula-injection
 * escaping: a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading `'` so a spreadsheet shows it instead of evaluating it. Numbers stay numbers
 * (a negative amount is data, not a formula); null and undefined become empty cells.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows] as CsvCell[][], {
    escape_formulas: true,
    record_delimiter: 'unix',
    // With `\n` records, csv-stringify quotes only `\n`; a bare CR must be quoted too.
    quoted_match: /\r/,
  });
}
