/**
 * `compare --format table`: one table of every measure side by side (later columns
 * carry their change against the first), then, per later column, the tier migration
 * matrix and the partners who change tier with the biggest points difference.
 */
import type { CompareReport, TierChanges } from '../../analysis/compare.js';
import { formatCount, formatCounted, formatPoints } from '../../format/number.js';
import { terminalText as t } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { headedTable, type Align } from '../terminal-table.js';
import { rowCells, rowLabel, SECTION_TITLE, sections } from './labels.js';
import { formatDelta } from './metric-value.js';
import type { Formatter } from '../formatter.js';
import { warmUpLines } from '../../analysis/warm-up.js';
import type { CompareModel } from './model.js';

export function renderCompareTable(report: CompareReport, style: Style = plainStyle): string {
  const out: string[] = [];
  out.push(
    `${style.bold('Compare')}: ${report.columns.length} variants over one history (${formatCounted(report.partners, 'partner')}, ${formatCounted(report.events, 'history row')}); changes are against ${t(report.columns[0] ?? '')}`,
  );
  const align: Align[] = ['left', ...report.columns.map((): Align => 'right')];
  for (const { section, rows } of sections(report)) {
    out.push(
      `${style.bold(SECTION_TITLE[section] ?? section)}\n${headedTable(
        style,
        ['', ...report.columns.map(t)],
        rows.map((row) => [t(rowLabel(row)), ...rowCells(report, row).map(t)]),
        align,
      )}`,
    );
  }
  for (const changes of report.tierChanges) out.push(renderTierChanges(changes, style));
  return `${out.join('\n\n')}\n`;
}

function renderTierChanges(c: TierChanges, style: Style): string {
  const parts: string[] = [];
  parts.push(style.bold(`Tier changes: ${t(c.from)} → ${t(c.to)} (${formatCount(c.changed)} ${c.changed === 1 ? 'partner changes' : 'partners change'} tier)`));
  parts.push(
    headedTable(
      style,
      [`${t(c.from)} ↓ / ${t(c.to)} →`, ...c.toTiers.map(t)],
      c.fromTiers.map((from, i) => [t(from), ...c.toTiers.map((_, j) => formatCount(c.counts[i]?.[j] ?? 0))]),
      ['left', ...c.toTiers.map((): Align => 'right')],
    ),
  );
  if (c.top.length > 0) {
    parts.push(style.bold(`Top ${c.top.length} by difference in window points (the tier window's points at the last evaluation)`));
    parts.push(
      headedTable(
        style,
        ['Partner', 'Name', t(c.from), t(c.to), `Window points ${t(c.from)}`, `Window points ${t(c.to)}`, 'Difference'],
        c.top.map((m) => [t(m.partner), t(m.name), t(m.from), t(m.to), formatPoints(m.pointsFrom), formatPoints(m.pointsTo), formatDelta('points', m.pointsDelta, '')]),
        ['left', 'left', 'left', 'left', 'right', 'right', 'right'],
      ),
    );
  }
  return parts.join('\n');
}

export const compareTableFormat: Formatter<CompareModel> = {
  description: 'side by side, for a terminal',
  mediaType: 'text/plain',
  terminal: true,
  render: (model, { style }) => {
    const notes = warmUpLines(model.report.columns.map((name, i) => ({ name, warmUp: model.summaries[i]?.warm_up ?? null })));
    return `${renderCompareTable(model.report, style)}${notes.map((n) => `\n${(style ?? plainStyle).yellow(t(n))}\n`).join('')}`;
  },
};
