/**
 * `simulate --format table`: percentiles of each measure over the runs beside the
 * expected-value replay, then the chance that each limit is exceeded in some period.
 */
import type { SimulationReport } from '../../analysis/monte-carlo.js';
import { formatCount, formatPercent } from '../../format/number.js';
import { terminalText as t } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { headedTable } from '../terminal-table.js';
import { formatMetric } from '../compare/metric-value.js';
import { expectedRiskText, outsideNote, riskLabel } from './labels.js';
import type { Formatter } from '../formatter.js';
import { warmUpLine } from '../../analysis/warm-up.js';

export function renderSimulationTable(report: SimulationReport, style: Style = plainStyle): string {
  const v = (kind: Parameters<typeof formatMetric>[0], x: number): string => formatMetric(kind, x, report.currency);
  const out: string[] = [];
  out.push(`${style.bold(t(report.program))}: Monte Carlo of redemption, ${formatCount(report.runs)} runs, seed ${report.seed}`);
  out.push(
    headedTable(
      style,
      ['Measure', 'run (expected)', 'Mean', 'P10', 'P50', 'P90'],
      report.measures.map((m) => [t(m.name), v(m.kind, m.expected), v(m.kind, m.mean), v(m.kind, m.p10), v(m.kind, m.p50), v(m.kind, m.p90)]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  const note = outsideNote(report);
  if (note !== undefined) out.push(style.dim(note));
  const warm = warmUpLine(report.warmUp);
  if (warm !== null) out.push(style.yellow(t(warm)));
  if (report.risks.length > 0) {
    out.push(style.bold('Chance of exceeding a limit in at least one window (capacity: its fiscal year or period; budget: a fiscal year)'));
    out.push(
      headedTable(
        style,
        ['Limit', 'Probability', 'run'],
        report.risks.map((r) => [t(riskLabel(r.name)), formatPercent(r.probability), expectedRiskText(r.expected)]),
        ['left', 'right', 'left'],
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

export const simulationTableFormat: Formatter<SimulationReport> = {
  description: 'for a terminal',
  mediaType: 'text/plain',
  terminal: true,
  render: (report, { style }) => renderSimulationTable(report, style),
};
