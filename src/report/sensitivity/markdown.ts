/**
 * `sensitivity --format markdown`: the tornado or the sweep for a comment or a memo.
 */
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';
import { formatPercent, formatPoints } from '../../format/number.js';
import { markdownCode as code, markdownText as cell } from '../sanitize/index.js';
import { formatMetric, formatSpread } from '../compare/metric-value.js';
import { barScale, tornadoBar } from './bars.js';
import { sweepCell } from './sweep-cell.js';
import type { Formatter } from '../formatter.js';
import { warmUpLine } from '../../analysis/warm-up.js';
import type { SensitivityModel } from './model.js';

function mdTable(head: string[], rows: string[][], right: boolean[]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(right.map((r) => (r ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export function renderTornadoMarkdown(report: TornadoReport, currency: string): string {
  const value = (v: number | null): string => formatMetric(report.kind, v, currency);
  const pct = formatPercent(report.by);
  const scale = barScale(report.rows, report.base);
  const out = [
    `## Sensitivity of \`${report.metric}\``,
    `Each weight moved by ±${pct}, one at a time; base ${value(report.base)}; ranked by impact.`,
  ];
  if (report.rows.length > 0) {
    out.push(
      mdTable(
        ['Weight', 'Value', `Low (−${pct})`, `High (+${pct})`, 'Impact', 'Elasticity', 'Tornado'],
        report.rows.map((r) => [
          code(r.path),
          formatPoints(r.weight),
          value(r.low),
          value(r.high),
          formatSpread(report.kind, r.impact, currency),
          r.elasticity === null ? '—' : r.elasticity.toFixed(2),
          `\`${tornadoBar(r.low, report.base, r.high, scale, 8)}\``,
        ]),
        [false, true, true, true, true, true, false],
      ),
    );
  } else {
    out.push('No numeric weight matched.');
  }
  return `${out.join('\n\n')}\n`;
}

export function renderSweepMarkdown(report: SweepReport, currency: string): string {
  return `## Sweep of ${report.paths.map(code).join(' × ')}\n\n${mdTable(
    [...report.paths.map(code), ...report.metrics.map((m) => `\`${m.name}\``)],
    report.rows.map((r) => [...r.coords.map((c) => cell(sweepCell(c))), ...report.metrics.map((m, i) => formatMetric(m.kind, r.values[i] ?? null, currency))]),
    [...report.paths.map(() => true), ...report.metrics.map(() => true)],
  )}\n`;
}

export const sensitivityMarkdownFormat: Formatter<SensitivityModel> = {
  description: 'for a pull-request comment or a memo',
  mediaType: 'text/markdown',
  terminal: false,
  render: (m) => {
    const text = m.kind === 'tornado' ? renderTornadoMarkdown(m.report, m.currency) : renderSweepMarkdown(m.report, m.currency);
    const warm = warmUpLine(m.warmUp ?? null);
    return warm === null ? text : `${text}\n> ${cell(warm)}\n`;
  },
};
