/**
 * `sensitivity --format table`: the tornado (weights ranked by impact, with bars and
 * elasticities) or, with `--sweep`, the grid as a tidy table.
 */
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';
import { formatPercent, formatPoints } from '../../format/number.js';
import { terminalText as t } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { headedTable, type Align } from '../terminal-table.js';
import { formatMetric, formatSpread } from '../compare/metric-value.js';
import { barScale, tornadoBar } from './bars.js';
import { sweepCell } from './sweep-cell.js';
import type { Formatter } from '../formatter.js';
import { warmUpLine } from '../../analysis/warm-up.js';
import type { SensitivityModel } from './model.js';

const BAR_WIDTH = 12;

export function renderTornadoTable(report: TornadoReport, currency: string, style: Style = plainStyle): string {
  const value = (v: number | null): string => formatMetric(report.kind, v, currency);
  const scale = barScale(report.rows, report.base);
  const pct = formatPercent(report.by);
  const head = `${style.bold(`Sensitivity of ${t(report.metric)}`)} to each weight moved by ±${pct}, one at a time (base ${value(report.base)}; ${report.rows.length} weights, ${report.rows.filter((r) => r.weight !== 0).length * 2} replays)`;
  if (report.rows.length === 0) return `${head}\nNo numeric weight matched.\n`;
  const body = headedTable(
    style,
    ['Weight', 'Value', `Low (−${pct})`, `High (+${pct})`, 'Impact', 'Elasticity', 'Below base │ above base'],
    report.rows.map((r) => [
      t(r.path),
      formatPoints(r.weight),
      value(r.low),
      value(r.high),
      formatSpread(report.kind, r.impact, currency),
      r.elasticity === null ? '—' : r.elasticity.toFixed(2),
      tornadoBar(r.low, report.base, r.high, scale, BAR_WIDTH),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  return `${head}\n${body}\nImpact: the spread of the metric over low, base and high. Elasticity: (Δmetric/metric) / (Δweight/weight), averaged over both sides.\n`;
}

export function renderSweepTable(report: SweepReport, currency: string, style: Style = plainStyle): string {
  const body = headedTable(
    style,
    [...report.paths.map(t), ...report.metrics.map((m) => t(m.name))],
    report.rows.map((r) => [...r.coords.map((c) => t(sweepCell(c))), ...report.metrics.map((m, i) => formatMetric(m.kind, r.values[i] ?? null, currency))]),
    [...report.paths.map((): Align => 'right'), ...report.metrics.map((): Align => 'right')],
  );
  return `${style.bold('Sweep')}: ${report.rows.length} combination${report.rows.length === 1 ? '' : 's'} of ${report.paths.map(t).join(' × ')}\n${body}\n`;
}

export const sensitivityTableFormat: Formatter<SensitivityModel> = {
  description: 'for a terminal: the tornado with its bars, or the sweep\'s grid',
  mediaType: 'text/plain',
  terminal: true,
  render: (m, { style }) => {
    const text = m.kind === 'tornado' ? renderTornadoTable(m.report, m.currency, style) : renderSweepTable(m.report, m.currency, style);
    const warm = warmUpLine(m.warmUp ?? null);
    return warm === null ? text : `${text}${(style ?? plainStyle).yellow(t(warm))}\n`;
  },
};
