/**
 * `compare --format markdown`: the same report for a pull-request comment or a memo.
 */
import type { CompareReport, TierChanges } from '../../analysis/compare.js';
import { formatCount, formatPoints } from '../../format/number.js';
import { markdownText as cell } from '../sanitize/index.js';
import { rowCells, rowLabel, SECTION_TITLE, sections } from './labels.js';
import { formatDelta } from './metric-value.js';
import type { Formatter } from '../formatter.js';
import { warmUpLines } from '../../analysis/warm-up.js';
import type { CompareModel } from './model.js';

function mdTable(head: string[], rows: string[][], right: boolean[]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(right.map((r) => (r ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

export function renderCompareMarkdown(report: CompareReport): string {
  const out: string[] = [];
  const first = report.columns[0] ?? '';
  out.push(`## Compare: ${report.columns.map((c) => cell(c)).join(' vs ')}`);
  out.push(
    `${report.columns.length} variants replayed over one history (${formatCount(report.partners)} partners, ${formatCount(report.events)} history rows). Changes are against **${cell(first)}**.`,
  );
  for (const { section, rows } of sections(report)) {
    out.push(`### ${SECTION_TITLE[section] ?? section}`);
    out.push(
      mdTable(
        ['', ...report.columns.map((c) => cell(c))],
        rows.map((row) => [cell(rowLabel(row)), ...rowCells(report, row).map(cell)]),
        [false, ...report.columns.map(() => true)],
      ),
    );
  }
  for (const c of report.tierChanges) out.push(tierChanges(c));
  return `${out.join('\n\n')}\n`;
}

function tierChanges(c: TierChanges): string {
  const parts: string[] = [];
  parts.push(`### Tier changes: ${cell(c.from)} → ${cell(c.to)}`);
  parts.push(`${formatCount(c.changed)} ${c.changed === 1 ? 'partner changes' : 'partners change'} tier. Rows: tier under ${cell(c.from)}; columns: tier under ${cell(c.to)}.`);
  parts.push(
    mdTable(
      ['', ...c.toTiers.map(cell)],
      c.fromTiers.map((from, i) => [cell(from), ...c.toTiers.map((_, j) => formatCount(c.counts[i]?.[j] ?? 0))]),
      [false, ...c.toTiers.map(() => true)],
    ),
  );
  if (c.top.length > 0) {
    parts.push(
      mdTable(
        ['Partner', 'Name', cell(c.from), cell(c.to), 'Window points before', 'Window points after', 'Difference'],
        c.top.map((m) => [cell(m.partner), cell(m.name), cell(m.from), cell(m.to), formatPoints(m.pointsFrom), formatPoints(m.pointsTo), formatDelta('points', m.pointsDelta, '')]),
        [false, false, false, false, true, true, true],
      ),
    );
  }
  return parts.join('\n\n');
}

export const compareMarkdownFormat: Formatter<CompareModel> = {
  description: 'for a pull-request comment',
  mediaType: 'text/markdown',
  terminal: false,
  render: (model) => {
    const notes = warmUpLines(model.report.columns.map((name, i) => ({ name, warmUp: model.summaries[i]?.warm_up ?? null })));
    return `${renderCompareMarkdown(model.report)}${notes.map((n) => `\n> ${cell(n)}\n`).join('')}`;
  },
};
