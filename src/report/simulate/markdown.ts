/** `simulate --format markdown`: the percentile table and the exceedance risks. */
import type { SimulationReport } from '../../analysis/monte-carlo.js';
import { formatCount, formatPercent } from '../../format/number.js';
import { markdownCode as code, markdownText as cell } from '../sanitize/index.js';
import { formatMetric } from '../compare/metric-value.js';
import { expectedRiskText, outsideNote, riskLabel } from './labels.js';
import type { Formatter } from '../formatter.js';
import { warmUpLine } from '../../analysis/warm-up.js';

function mdTable(head: string[], rows: string[][], right: boolean[]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(right.map((r) => (r ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export function renderSimulationMarkdown(report: SimulationReport): string {
  const v = (kind: Parameters<typeof formatMetric>[0], x: number): string => formatMetric(kind, x, report.currency);
  const out = [
    `## ${cell(report.program)}: Monte Carlo of redemption`,
    `${formatCount(report.runs)} runs, seed ${report.seed}. Each partner redeems whole reward units per period from its segment's rate and mix, only from points it holds; \`run\` reports the mean of 16 draws of seed 1 of the same model.`,
    mdTable(
      ['Measure', 'run (expected)', 'Mean', 'P10', 'P50', 'P90'],
      report.measures.map((m) => [code(m.name), v(m.kind, m.expected), v(m.kind, m.mean), v(m.kind, m.p10), v(m.kind, m.p50), v(m.kind, m.p90)]),
      [false, true, true, true, true, true],
    ),
  ];
  const note = outsideNote(report);
  if (note !== undefined) out.push(`> ${cell(note)}`);
  const warm = warmUpLine(report.warmUp);
  if (warm !== null) out.push(`> ${cell(warm)}`);
  if (report.risks.length > 0) {
    out.push('### Chance of exceeding a limit in at least one window (capacity: its fiscal year or period; budget: a fiscal year)');
    out.push(
      mdTable(
        ['Limit', 'Probability', 'run'],
        report.risks.map((r) => [cell(riskLabel(r.name)), formatPercent(r.probability), expectedRiskText(r.expected)]),
        [false, true, false],
      ),
    );
  }
  return `${out.join('\n\n')}\n`;
}

export const simulationMarkdownFormat: Formatter<SimulationReport> = {
  description: 'for a pull-request comment',
  mediaType: 'text/markdown',
  terminal: false,
  render: (report) => renderSimulationMarkdown(report),
};
