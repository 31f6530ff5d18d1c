/**
 * `simulate --format xlsx`: the simulation (the JSON's keys) as a workbook:
 *
 *   Summary    program, runs, seed
 *   Measures   measures[]: name, kind, expected, mean, p10, p50, p90 (each row in its kind's format)
 *   Risks      risks[]: limit, probability, expected_run_exceeds
 *   Warm-up    warm_up (only when there are warm-up periods)
 */
import type { SimulationReport } from '../../analysis/monte-carlo.js';
import { warmUpSheets, xlsxFormat, type WorkbookModel } from '../xlsx-workbook.js';

export function simulationWorkbook(r: SimulationReport): WorkbookModel {
  return {
    currency: r.currency,
    sheets: [
      {
        name: 'Summary',
        columns: [
          { header: 'metric', kind: 'text' },
          { header: 'value', kind: 'count' },
        ],
        rows: [['program', { value: r.program, kind: 'text' }], ['runs', r.runs], ['seed', r.seed]],
      },
      {
        name: 'Measures',
        columns: ['name', 'kind', 'expected', 'mean', 'p10', 'p50', 'p90'].map((header, i) => ({ header, kind: i < 2 ? ('text' as const) : ('number' as const) })),
        rows: r.measures.map((m) => [m.name, m.kind, ...[m.expected, m.mean, m.p10, m.p50, m.p90].map((value) => ({ value, kind: m.kind }))]),
      },
      {
        name: 'Risks',
        columns: [
          { header: 'limit', kind: 'text' },
          { header: 'probability', kind: 'share' },
          { header: 'expected_run_exceeds', kind: 'boolean' },
        ],
        rows: r.risks.map((k) => [k.name, k.probability, k.expected]),
      },
      ...warmUpSheets(r.warmUp),
    ],
  };
}

export const simulationXlsxFormat = xlsxFormat<SimulationReport>('for Excel: one sheet per table, typed numbers and formats (needs --out or a redirect)', simulationWorkbook);
