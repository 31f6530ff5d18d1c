/**
 * The run page's `--by` section (segment, region or period): partners per tier in each
 * group (stacked, as the tier history is drawn) and cost per group, then the table the
 * Markdown report prints. Every `data-value` is the number `summary.by` holds in the JSON.
 */
import type { RunSummary } from '../../analysis/summary-types.js';
import { formatCompact } from '../../format/whole-figures.js';
import { formatCount, formatMoney, formatPoints } from '../../format/number.js';
import { barChartSvg } from '../html/bar-chart.js';
import { stackedBarChartSvg, tierColors } from '../html/stacked-bar-chart.js';
import { num, tableHtml, txt } from '../html/table.js';
import { htmlText as h } from '../sanitize/index.js';
import { DIMENSION_TITLE, costParts, partnersHeader, tierNames } from './labels.js';

const COST = '#0b3d7a';

export function breakdownSection(summary: RunSummary): string {
  const by = summary.by;
  if (by === undefined || by.groups.length === 0) return '';
  const names = tierNames(summary);
  const colors = tierColors(names.length);
  const money = (n: number): string => formatMoney(n, summary.program.currency);
  const count = (g: (typeof by.groups)[number], name: string): number => g.tiers.find((t) => t.tier === name)?.partners ?? 0;
  const keys = by.groups.map((g) => g.key);
  const dimension = by.dimension;
  // By period the tiers are that period's evaluation over every partner; by segment or
  // region they are the last evaluation's, within the group (src/analysis/breakdown.ts).
  const tierWhen = dimension === 'period' ? "at each period's evaluation" : 'at the last evaluation';
  const wide = keys.length > 4 ? ' class="wide"' : '';
  return [
    `<section id="by-${dimension}"><h2>${h(`By ${dimension}`)}</h2><div class="charts">`,
    `<figure${wide}>`,
    stackedBarChartSvg({
      title: `Partners per tier by ${dimension}, ${tierWhen}`,
      categories: keys,
      series: names.map((name, i) => ({ name, color: colors[i] ?? COST, values: by.groups.map((g) => count(g, name)) })),
      format: formatCount,
    }),
    `<figcaption>${h(`Partners holding each tier ${tierWhen}, per ${dimension}, lowest tier at the bottom.`)}</figcaption></figure>`,
    `<figure${wide}>`,
    barChartSvg({
      title: `Cost by ${dimension} (${summary.program.currency})`,
      categories: keys,
      series: [{ name: 'Cost', color: COST, values: by.groups.map((g) => g.cost_total) }],
      format: formatCompact,
    }),
    `<figcaption>${h(`${costParts(summary)} per ${dimension} in ${summary.program.currency}${dimension === 'period' ? '' : ', over every period'}.`)}</figcaption></figure>`,
    '</div>',
    tableHtml(
      [txt(DIMENSION_TITLE[dimension]), num(partnersHeader(summary)), num('Points earned'), num('Cost'), ...names.map((n) => num(n))],
      by.groups.map((g) => [txt(g.key), num(formatCount(g.partners)), num(formatPoints(g.points_earned)), num(money(g.cost_total)), ...names.map((n) => num(formatCount(count(g, n))))]),
    ),
    '</section>',
  ].join('');
}
