/**
 * `compare --format csv`: one tidy table, a row per measure and variant, for a
 * spreadsheet's pivot, then a `warm_up` row per variant and warm-up period (value 1).
 * Tier changes are in the other formats.
 */
import type { CompareReport } from '../../analysis/compare.js';
import { writeCsv, type CsvCell } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';
import type { CompareModel } from './model.js';

export function renderCompareCsv(report: CompareReport, warmUp: readonly (readonly string[])[] = []): string {
  const rows: CsvCell[][] = [];
  for (const row of report.rows) {
    report.columns.forEach((column, i) => {
      rows.push([row.section, row.key, column, row.values[i] ?? null, row.delta[i] ?? null, row.deltaShare[i] ?? null]);
    });
  }
  // Each variant's warm-up periods (no `launch:`; src/analysis/warm-up.ts): section warm_up, the period as the measure, value 1.
  report.columns.forEach((column, i) => {
    for (const period of warmUp[i] ?? []) rows.push(['warm_up', period, column, 1, null, null]);
  });
  return writeCsv(['section', 'measure', 'variant', 'value', 'delta', 'delta_share'], rows);
}

export const compareCsvFormat: Formatter<CompareModel> = {
  description: 'for a spreadsheet: a row per measure and variant',
  mediaType: 'text/csv',
  terminal: false,
  render: (model) => renderCompareCsv(model.report, model.summaries.map((s) => s.warm_up?.periods ?? [])),
};
