/**
 * `simulate --format csv`: a row per measure (its `run` expectation and its spread over
 * the runs), then a row per limit (the share of runs that exceed it), for a spreadsheet.
 *
 *   record   `measure`, `risk` or `warm_up`
 *   name     the measure (`cost.total`, `rewards.mdf.units`), the limit (`rewards.mdf.capacity`, `budget`) or the warm-up period
 *   kind     money | units (measures)
 *   expected, mean, p10, p50, p90     (measures) as in the JSON: money to cents, units to two decimals
 *   probability                       (risks) share of the runs, 0 to 1
 *   run_exceeds                       (risks) yes when `run`'s expectation is over the limit
 *   runs, seed                        of the simulation, on every row
 *
 * Numbers stay numbers; a column that does not apply to the record is empty.
 */
import type { SimulationReport } from '../../analysis/monte-carlo.js';
import type { Formatter } from '../formatter.js';
import { writeCsv, type CsvCell } from '../sanitize/index.js';

export const SIMULATION_CSV_HEADER = ['record', 'name', 'kind', 'expected', 'mean', 'p10', 'p50', 'p90', 'probability', 'run_exceeds', 'runs', 'seed'] as const;

export function renderSimulationCsv(report: SimulationReport): string {
  const rows: CsvCell[][] = [];
  for (const m of report.measures) rows.push(['measure', m.name, m.kind, m.expected, m.mean, m.p10, m.p50, m.p90, null, null, report.runs, report.seed]);
  for (const r of report.risks) rows.push(['risk', r.name, null, null, null, null, null, null, r.probability, r.expected ? 'yes' : 'no', report.runs, report.seed]);
  // The warm-up periods of a design without `launch:` (src/analysis/warm-up.ts): a row each.
  for (const period of report.warmUp?.periods ?? []) rows.push(['warm_up', period, null, null, null, null, null, null, null, null, report.runs, report.seed]);
  return writeCsv(SIMULATION_CSV_HEADER, rows);
}

export const simulationCsvFormat: Formatter<SimulationReport> = {
  description: 'for a spreadsheet: a row per measure (expectation, mean, P10, P50, P90), then per limit',
  mediaType: 'text/csv',
  terminal: false,
  render: (report) => renderSimulationCsv(report),
};
