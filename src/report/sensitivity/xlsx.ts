/**
 * `sensitivity --format xlsx`: the tornado or the sweep (the JSON's keys) as a workbook:
 *
 *   tornado   Summary (metric, by, base), Weights (weights[], ranked: path, value,
 *             value_low, value_high, low, high, impact, elasticity)
 *   sweep     Sweep: one row per grid point, a column per swept path, then one per metric
 *   both      Warm-up (only when there are warm-up periods)
 *
 * The metric's figures are in its kind's format (money, share, points...).
 */
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';
import { warmUpSheets, xlsxFormat, type Sheet, type WorkbookModel } from '../xlsx-workbook.js';
import type { SensitivityModel } from './model.js';

function tornadoSheets(t: TornadoReport): Sheet[] {
  return [
    {
      name: 'Summary',
      columns: [
        { header: 'metric', kind: 'text' },
        { header: 'value', kind: 'text' },
      ],
      rows: [
        ['metric', t.metric],
        ['by', { value: t.by, kind: 'share' }],
        ['base', { value: t.base, kind: t.kind }],
      ],
    },
    {
      name: 'Weights',
      columns: [
        { header: 'path', kind: 'text' },
        { header: 'value', kind: 'number' },
        { header: 'value_low', kind: 'number' },
        { header: 'value_high', kind: 'number' },
        { header: 'low', kind: t.kind },
        { header: 'high', kind: t.kind },
        { header: 'impact', kind: t.kind },
        { header: 'elasticity', kind: 'number' },
      ],
      rows: t.rows.map((r) => [r.path, r.weight, r.weightLow, r.weightHigh, r.low, r.high, r.impact, r.elasticity]),
    },
  ];
}

function sweepSheet(s: SweepReport): Sheet {
  return {
    name: 'Sweep',
    columns: [...s.paths.map((header) => ({ header, kind: 'number' as const })), ...s.metrics.map((m) => ({ header: m.name, kind: m.kind }))],
    rows: s.rows.map((r) => [...s.paths.map((_, i) => r.coords[i] ?? null), ...s.metrics.map((_, i) => r.values[i] ?? null)]),
  };
}

export function sensitivityWorkbook(m: SensitivityModel): WorkbookModel {
  const sheets = m.kind === 'tornado' ? tornadoSheets(m.report) : [sweepSheet(m.report)];
  return { currency: m.currency, sheets: [...sheets, ...warmUpSheets(m.warmUp)] };
}

export const sensitivityXlsxFormat = xlsxFormat<SensitivityModel>('for Excel: one sheet per table, typed numbers and formats (needs --out or a redirect)', sensitivityWorkbook);
