/**
 * `compare --format html` (and what `compare --pdf` prints): the designs (or scenarios)
 * side by side on ONE self-contained page in the transition report's page style: each
 * column's key figures in a card, charts with one bar per column (cost per fiscal year,
 * partners per tier at the last evaluation), each column's tiers per period (stacked)
 * beside the others, then the full comparison table and the partners whose tier differs.
 * Inline SVG, no script; every name is escaped. The charts' `data-value` are the numbers
 * of the JSON's `runs[i].summary`.
 */
import { NO_TIER, type CompareReport } from '../../analysis/compare.js';
import type { RunSummary } from '../../analysis/summary-types.js';
import { warmUpLines } from '../../analysis/warm-up.js';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../../format/number.js';
import { formatCompact } from '../../format/whole-figures.js';
import { barChartSvg } from '../html/bar-chart.js';
import { keyFigure } from '../html/key-figure.js';
import { htmlPage } from '../html/page.js';
import { pageFooter, warmUpNote } from '../html/page-notes.js';
import { stackedBarChartSvg, tierColors } from '../html/stacked-bar-chart.js';
import { num, tableHtml, txt } from '../html/table.js';
import { htmlText as h } from '../sanitize/index.js';
import { tierNames } from '../run/labels.js';
import type { Formatter } from '../formatter.js';
import { rowCells, rowLabel, sections, SECTION_TITLE } from './labels.js';
import type { CompareModel } from './model.js';

/** One colour per column, distinct in print and named in every legend. */
const COLUMN_COLORS = ['#0b3d7a', '#e07b00', '#1b7f3b', '#8e44ad', '#b3261e', '#5a6270'];
const colorOf = (i: number): string => COLUMN_COLORS[i % COLUMN_COLORS.length] ?? '#0b3d7a';

function card(column: string, i: number, s: RunSummary): string {
  const money = (n: number): string => formatMoney(n, s.program.currency);
  const b = s.budget;
  const over = (share: number | null): string => (share !== null && share > 1 ? 'down' : '');
  return [
    `<div class="column-card" data-column="${i}"><h3>${h(column)}</h3><div class="figures">`,
    keyFigure('total cost', money(s.cost.total), '', 'cost.total'),
    b.used_share === null ? keyFigure('budget', 'none in the design', '', 'budget.used_share') : keyFigure('of the budget used', formatPercent(b.used_share), over(b.used_share), 'budget.used_share'),
    ...(b.worst_year_share === null ? [] : [keyFigure(`worst year (${b.worst_year ?? '-'})`, formatPercent(b.worst_year_share), over(b.worst_year_share), 'budget.worst_year_share')]),
    keyFigure('liability', money(s.cost.liability), '', 'cost.liability'),
    keyFigure('points earned', formatPoints(s.points.earned), '', 'points.earned'),
    keyFigure('breakage', formatPercent(s.points.breakage), '', 'points.breakage'),
    '</div></div>',
  ].join('');
}

/** Values in the order of `keys`, 0 where a column lacks the key (a year or tier it does not have). */
function aligned<T>(items: readonly T[], key: (t: T) => string, value: (t: T) => number, keys: readonly string[]): number[] {
  return keys.map((k) => {
    const found = items.find((t) => key(t) === k);
    return found === undefined ? 0 : value(found);
  });
}

function union(lists: readonly (readonly string[])[]): string[] {
  const all: string[] = [];
  for (const list of lists) for (const x of list) if (!all.includes(x)) all.push(x);
  return all;
}

function chartsSection(report: CompareReport, summaries: readonly RunSummary[]): string {
  const years = union(summaries.map((s) => s.budget.by_year.map((y) => y.year)));
  const tiers = union(summaries.map((s) => s.tiers.map((t) => t.tier)));
  const parts = ['<section id="charts"><h2>Side by side</h2><div class="charts">'];
  if (years.length > 0) {
    parts.push(
      '<figure id="cost-by-year">',
      barChartSvg({
        title: `Cost per fiscal year (${report.currency})`,
        categories: years,
        series: summaries.map((s, i) => ({ name: report.columns[i] ?? '', color: colorOf(i), values: aligned(s.budget.by_year, (y) => y.year, (y) => y.cost, years) })),
        format: formatCompact,
      }),
      `<figcaption>${h(`Rewards, benefits and discounts per fiscal year in ${report.currency}, one bar per column.`)}</figcaption></figure>`,
    );
  }
  if (tiers.length > 0) {
    parts.push(
      '<figure id="tiers-last">',
      barChartSvg({
        title: 'Partners per tier at the last evaluation',
        categories: tiers,
        series: summaries.map((s, i) => ({ name: report.columns[i] ?? '', color: colorOf(i), values: aligned(s.tiers, (t) => t.tier, (t) => t.partners, tiers) })),
        format: formatCount,
      }),
      `<figcaption>${h('Partners holding each tier after the last evaluation, one bar per column (0 where a design lacks the tier).')}</figcaption></figure>`,
    );
  }
  parts.push('</div><h3>Partners per tier, by period</h3><div class="charts">');
  summaries.forEach((s, i) => {
    if (s.tier_history.length === 0) return;
    const names = tierNames(s);
    const colors = tierColors(names.length);
    parts.push(
      `<figure class="tier-history" data-column="${i}">`,
      stackedBarChartSvg({
        title: `${report.columns[i] ?? ''}: partners per tier at each period's evaluation`,
        categories: s.tier_history.map((t) => t.period),
        series: names.map((name, k) => ({ name, color: colors[k] ?? '#0b3d7a', values: s.tier_history.map((t) => t.tiers.find((x) => x.tier === name)?.partners ?? 0) })),
        format: formatCount,
      }),
      `<figcaption>${h(`${report.columns[i] ?? ''}: lowest tier at the bottom.`)}</figcaption></figure>`,
    );
  });
  parts.push('</div></section>');
  return parts.join('');
}

function tableSection(report: CompareReport): string {
  const parts = ['<section id="table"><h2>Every measure</h2>'];
  for (const { section, rows } of sections(report)) {
    parts.push(
      `<h3>${h(SECTION_TITLE[section] ?? section)}</h3>`,
      tableHtml(
        [txt(''), ...report.columns.map((c) => num(c))],
        rows.map((row) => [txt(rowLabel(row)), ...rowCells(report, row).map((c) => num(c))]),
      ),
    );
  }
  parts.push('</section>');
  return parts.join('');
}

function changesSection(report: CompareReport): string {
  if (report.tierChanges.length === 0) return '';
  const parts = ['<section id="tier-changes"><h2>Partners whose tier differs</h2>'];
  for (const c of report.tierChanges) {
    parts.push(
      `<h3>${h(`${c.from} → ${c.to}: ${formatCount(c.changed)} partners change tier`)}</h3>`,
      tableHtml(
        [txt(`${c.from} ↓ / ${c.to} →`), ...c.toTiers.map((t) => num(t))],
        c.fromTiers.map((from, i) => [txt(from), ...c.toTiers.map((_, j) => num(formatCount(c.counts[i]?.[j] ?? 0)))]),
      ),
    );
    if (c.top.length > 0) {
      parts.push(
        tableHtml(
          [txt('Partner'), txt('Name'), txt('From'), txt('To'), num('Points difference')],
          c.top.map((m) => [txt(m.partner), txt(m.name), txt(m.from === NO_TIER ? 'below the lowest tier' : m.from), txt(m.to === NO_TIER ? 'below the lowest tier' : m.to), num(formatPoints(m.pointsDelta))]),
        ),
      );
    }
  }
  parts.push('</section>');
  return parts.join('');
}

export function renderCompareHtml(model: CompareModel): string {
  const { report, summaries } = model;
  const warm = warmUpLines(summaries.map((s, i) => ({ name: report.columns[i] ?? '', warmUp: s.warm_up })));
  const title = `Comparison: ${report.columns.join(' · ')}`;
  const body = [
    `<header class="report"><h1>${h(title)}</h1>`,
    `<p>${h(`${formatCount(report.partners)} partners, ${formatCount(report.events)} history rows, every column replayed over the same history; changes are against ${report.columns[0] ?? 'the first column'}.`)}</p></header>`,
    ...warm.map((line) => warmUpNote(line, false)),
    `<section id="summary"><div class="columns">${summaries.map((s, i) => card(report.columns[i] ?? '', i, s)).join('')}</div></section>`,
    chartsSection(report, summaries),
    tableSection(report),
    changesSection(report),
    pageFooter(),
  ];
  return htmlPage({ title, body: body.join('\n') });
}

export const compareHtmlFormat: Formatter<CompareModel> = {
  description: 'one self-contained page, the columns and their charts side by side (what --pdf prints)',
  mediaType: 'text/html',
  terminal: false,
  render: (model) => renderCompareHtml(model),
};
