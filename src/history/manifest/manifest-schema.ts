/**
 * The `--data` manifest's format (zod): which files hold the history and the partners,
 * and how each is written. Every key is optional but `path`; what is left out is sniffed
 * or takes the plain default (see docs/data.md).
 */
import { z } from 'zod';
import { DELIMITERS } from '../csv-records.js';
import { DATE_FORMATS } from '../date-format.js';

const columnName = z.string().trim().min(1);

/** Columns a `constant:` may not name: a row's partner, date and figures are facts of the row, one value for all is a mapping mistake. */
export const NOT_CONSTANT = ['partner_id', 'date', 'quantity', 'amount'] as const;

const valueMap = z.record(z.string(), z.string().trim().min(1)).describe('value in the file → value the design uses');

const fileCommon = {
  path: z.string().trim().min(1).describe('the CSV file, relative to the manifest'),
  delimiter: z.enum(DELIMITERS).optional().describe('field separator; sniffed when absent'),
  encoding: z.enum(['utf-8', 'utf-16', 'windows-1252']).optional().describe('text encoding; a BOM\'s, else UTF-8, when absent'),
  columns: z.record(columnName, columnName).optional().describe('canonical column → header in the file'),
  values: z.record(columnName, valueMap).optional().describe('canonical column → renaming of its values'),
  values_ignore_case: z.boolean().optional().describe('match `values` keys ignoring case and surrounding spaces'),
};

export const historyFileSchema = z.strictObject({
  ...fileCommon,
  date_format: z.union([z.enum(DATE_FORMATS), z.array(z.enum(DATE_FORMATS)).min(1)]).optional().describe('date format, or formats tried in order'),
  amounts: z
    .strictObject({
      decimal: z.enum(['.', ',']).optional(),
      thousands: z.enum([',', '.', ' ', "'"]).optional(),
      currency: z.boolean().optional().describe('strip currency symbols and ISO codes ($, €, EUR, USD...)'),
    })
    .optional()
    .describe('how amounts and quantities are written'),
  constant: z
    .record(columnName, z.string().trim().min(1))
    .optional()
    .describe('a value for every row of a column the file lacks: `activity`, or a dimension such as `region`'),
  partner_names: z
    .strictObject({
      column: columnName.optional().describe('the partners-file column holding each partner\'s name (default: name)'),
      aliases: z.string().trim().min(1).optional().describe('a CSV of name,partner_id, relative to the manifest: names the join cannot settle'),
    })
    .optional()
    .describe('the partner_id column holds company names: join them to the partners file by name (case, punctuation and legal forms such as Inc., Ltd, GmbH ignored)'),
  keep_rows_where: z
    .record(columnName, z.array(z.string().min(1)).min(1))
    .optional()
    .describe('column → regular expressions: only rows whose field matches one are data (a row filter: Stage ^Closed Won$)'),
  skip_rows_where: z
    .record(columnName, z.array(z.string().min(1)).min(1))
    .optional()
    .describe('column → regular expressions: a row whose field matches one is a footer or summary row, not data'),
});

export const partnersFileSchema = z.strictObject(fileCommon);

export const manifestSchema = z.strictObject({
  history: z.union([historyFileSchema, z.array(historyFileSchema).min(1)]).describe('one history file, or several read one after the other'),
  partners: partnersFileSchema.optional(),
});

export type ManifestData = z.infer<typeof manifestSchema>;
export type HistoryFileData = z.infer<typeof historyFileSchema>;
export type PartnersFileData = z.infer<typeof partnersFileSchema>;
