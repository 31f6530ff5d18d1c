/**
 * `sensitivity --format csv`: the tornado (a row per weight) or the sweep (a row per
 * grid point), tidy, with plain numbers.
 */
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';
import { writeCsv, type CsvCell } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';
import type { SensitivityModel } from './model.js';

export function renderTornadoCsv(report: TornadoReport): string {
  return writeCsv(
    ['metric', 'weight', 'value', 'value_low', 'value_high', 'base', 'low', 'high', 'impact', 'elasticity'],
    report.rows.map((r) => [report.metric, r.path, r.weight, r.weightLow, r.weightHigh, report.base, r.low, r.high, r.impact, r.elasticity]),
  );
}

export function renderSweepCsv(report: SweepReport): string {
  const rows: CsvCell[][] = report.rows.map((r) => [
    ...r.coords.map((c): CsvCell => (typeof c === 'boolean' ? String(c) : c)),
    ...r.values,
  ]);
  return writeCsv([...report.paths, ...report.metrics.map((m) => m.name)], rows);
}

export const sensitivityCsvFormat: Formatter<SensitivityModel> = {
  description: 'for a spreadsheet: a row per weight, or per grid point of a sweep',
  mediaType: 'text/csv',
  terminal: false,
  render: (m) => (m.kind === 'tornado' ? renderTornadoCsv(m.report) : renderSweepCsv(m.report)),
};
