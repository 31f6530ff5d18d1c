/**
 * `run --format html` (and what `run --pdf` prints): the run as ONE self-contained page,
 * in the transition report's page style: the headline figures, the warm-up note, then
 * charts (partners per tier per period, stacked; each capacity-limited reward's demand
 * against its capacity per window; cost against budget per year; with `--by`, tiers and
 * cost per group), the seller programme's tables when the design has `individuals:`, and
 * tables of every number. Inline SVG, no script, no external resource; every name from the design or the
 * data is escaped. The charts' `data-value` attributes are the JSON's numbers.
 */
import type { RunSummary } from '../../analysis/summary-types.js';
import { warmUpLine } from '../../analysis/warm-up.js';
import { changeLines } from '../../analysis/design-versions.js';
import { formatCompact } from '../../format/whole-figures.js';
import { formatCount, formatCounted, formatMoney, formatPercent, formatPoints } from '../../format/number.js';
import { barChartSvg } from '../html/bar-chart.js';
import { keyFigure } from '../html/key-figure.js';
import { htmlPage } from '../html/page.js';
import { changesNote, pageFooter, warmUpNote } from '../html/page-notes.js';
import { stackedBarChartSvg, tierColors } from '../html/stacked-bar-chart.js';
import { num, tableHtml, txt } from '../html/table.js';
import { htmlText as h } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';
import { breakdownSection } from './html-breakdown.js';
import { sellerSection } from './html-sellers.js';
import { rewardCells, REWARD_HEAD } from './html-reward-cells.js';
import { budgetBasis, costParts, shortWindows, spanText, tierNames, yearLabel } from './labels.js';

const DEMAND = '#0b3d7a';
const LIMIT = '#9aa7b8';

/** Whether the design claws back: the clawed-back and debt figures are shown only then (the JSON always has both). */
const clawsBack = (p: RunSummary['points']): boolean => p.clawed_back !== 0 || p.debt !== 0;

function figuresRow(summary: RunSummary): string {
  const { points: p, cost: c, budget: b } = summary;
  const money = (n: number): string => formatMoney(n, summary.program.currency);
  const over = (share: number | null): string => (share !== null && share > 1 ? 'down' : '');
  return [
    '<div class="figures">',
    keyFigure('total cost', money(c.total), '', 'cost.total'),
    b.used_share === null ? keyFigure('budget', 'none in the design', '', 'budget.used_share') : keyFigure('of the budget used', formatPercent(b.used_share), over(b.used_share), 'budget.used_share'),
    ...(b.worst_year_share === null ? [] : [keyFigure(`used in the worst year (${b.worst_year ?? '-'})`, formatPercent(b.worst_year_share), over(b.worst_year_share), 'budget.worst_year_share')]),
    keyFigure('liability (outstanding points)', money(c.liability), '', 'cost.liability'),
    keyFigure('breakage', formatPercent(p.breakage), '', 'points.breakage'),
    ...(clawsBack(p) ? [keyFigure('points clawed back', formatPoints(p.clawed_back), '', 'points.clawed_back'), keyFigure('debt (not covered)', formatPoints(p.debt), p.debt > 0 ? 'down' : '', 'points.debt')] : []),
    '</div>',
  ].join('');
}

function tierSection(summary: RunSummary): string {
  const names = tierNames(summary);
  if (summary.tier_history.length === 0) return '';
  const count = (period: RunSummary['tier_history'][number], name: string): number => period.tiers.find((t) => t.tier === name)?.partners ?? 0;
  const colors = tierColors(names.length);
  const warm = new Set(summary.warm_up?.periods ?? []);
  return [
    '<section id="tiers"><h2>Partners per tier, by period</h2><figure>',
    stackedBarChartSvg({
      title: 'Partners per tier at each period\'s evaluation',
      categories: summary.tier_history.map((t) => t.period),
      series: names.map((name, i) => ({ name, color: colors[i] ?? DEMAND, values: summary.tier_history.map((t) => count(t, name)) })),
      format: formatCount,
    }),
    `<figcaption>${h(`Partners holding each tier after each period's evaluation, lowest tier at the bottom.${warm.size > 0 ? ' Warm-up periods are marked * in the table.' : ''}`)}</figcaption></figure>`,
    tableHtml(
      [txt('Period'), ...names.map((n) => num(n))],
      summary.tier_history.map((t) => [txt(`${t.period}${warm.has(t.period) ? ' *' : ''}`), ...names.map((n) => num(formatCount(count(t, n))))]),
    ),
    '</section>',
  ].join('');
}

function rewardSection(summary: RunSummary): string {
  if (summary.rewards.length === 0) return '';
  const money = (n: number): string => formatMoney(n, summary.program.currency);
  const limited = summary.rewards.filter((r) => r.capacity_per !== null && r.by_window.length > 0);
  const parts = ['<section id="rewards"><h2>Reward demand against capacity</h2>'];
  if (limited.length > 0) {
    parts.push('<div class="charts">');
    for (const r of limited) {
      parts.push(
        `<figure${r.by_window.length > 4 ? ' class="wide"' : ''}>`,
        barChartSvg({
          title: `${r.reward}: units demanded against capacity per ${r.capacity_per === 'year' ? 'year' : 'period'}`,
          categories: r.by_window.map((w) => w.window),
          series: [
            { name: `${r.reward}: demand`, color: DEMAND, values: r.by_window.map((w) => w.units) },
            { name: 'capacity', color: LIMIT, values: r.by_window.map((w) => w.capacity) },
          ],
          format: (v) => formatPoints(v),
        }),
        `<figcaption>${h(`${r.reward}: whole units demanded (the expectation rounded) against the units available per ${r.capacity_per === 'year' ? 'fiscal year (prorated for a year the program covers in part)' : 'period'}.`)}</figcaption></figure>`,
      );
    }
    parts.push('</div>');
  }
  parts.push(
    tableHtml(
      [...REWARD_HEAD, txt('Short in')],
      summary.rewards.map((r) => {
        const short = shortWindows(r);
        return [...rewardCells(r, money), txt(short.length > 0 ? short.join(', ') : '–')];
      }),
    ),
    '</section>',
  );
  return parts.join('');
}

function costSection(summary: RunSummary): string {
  const { cost: c, budget: b } = summary;
  const money = (n: number): string => formatMoney(n, summary.program.currency);
  const parts = ['<section id="cost"><h2>Cost and budget</h2>'];
  if (b.by_year.length > 0) {
    const withBudget = b.amount !== null;
    parts.push(
      '<figure>',
      barChartSvg({
        title: `Cost${withBudget ? ' and budget' : ''} per year (${summary.program.currency})`,
        categories: b.by_year.map((y) => y.year),
        series: [
          { name: 'Cost', color: DEMAND, values: b.by_year.map((y) => y.cost) },
          ...(withBudget ? [{ name: 'Budget (prorated)', color: LIMIT, values: b.by_year.map((y) => y.amount ?? 0) }] : []),
        ],
        format: formatCompact,
      }),
      `<figcaption>${h(`${costParts(summary)} per fiscal year in ${summary.program.currency}${withBudget ? `, against the budget ${budgetBasis(summary)}` : ''}.`)}</figcaption></figure>`,
    );
  }
  parts.push(
    tableHtml(
      [txt('Cost'), num('Amount')],
      [
        [txt('Rewards (at vendor cost)'), num(money(c.rewards))],
        [txt('Tier benefits'), num(money(c.benefits))],
        [txt('Discounts'), num(money(c.discounts))],
        ...(c.sellers !== undefined ? [[txt('Seller programme'), num(money(c.sellers))]] : []),
        [txt('Total cost'), num(money(c.total))],
        [txt(b.amount === null ? 'Budget' : `Budget (${budgetBasis(summary)})`), num(b.amount === null ? 'none in the design' : money(b.amount))],
        [txt('Budget used'), num(b.used_share === null ? '–' : formatPercent(b.used_share))],
        [txt('Liability (outstanding points)'), num(money(c.liability))],
      ],
      { totalRow: c.sellers !== undefined ? 4 : 3 },
    ),
  );
  if (b.amount !== null && b.by_year.length > 0) {
    parts.push(
      tableHtml(
        [txt('Year'), num('Cost'), num('Budget'), num('Used')],
        b.by_year.map((y) => [
          txt(yearLabel(y)),
          num(money(y.cost)),
          num(y.amount === null ? '–' : money(y.amount)),
          { text: y.used_share === null ? '–' : formatPercent(y.used_share), num: true, cls: y.used_share !== null && y.used_share > 1 ? 'move-down' : '' },
        ]),
      ),
    );
  }
  parts.push('</section>');
  return parts.join('');
}

function pointsSection(summary: RunSummary): string {
  const p = summary.points;
  return [
    '<section id="points"><h2>Points</h2>',
    tableHtml(
      [txt('Points'), num('Value')],
      [
        ...(p.opening !== undefined ? [[txt('Opening balances'), num(formatPoints(p.opening))]] : []),
        [txt('Earned'), num(formatPoints(p.earned))],
        [txt('Redeemed'), num(formatPoints(p.redeemed))],
        [txt('Expired'), num(formatPoints(p.expired))],
        ...(clawsBack(p) ? [[txt('Clawed back'), num(formatPoints(p.clawed_back))]] : []),
        [txt('Outstanding'), num(formatPoints(p.outstanding))],
        ...(clawsBack(p) ? [[txt('Debt (clawed back, not covered by a balance)'), num(formatPoints(p.debt))]] : []),
        [txt(p.opening !== undefined ? 'Breakage (expired / opening + earned)' : 'Breakage (expired / earned)'), num(formatPercent(p.breakage))],
      ],
    ),
    '</section>',
  ].join('');
}

export function renderRunHtml(summary: RunSummary): string {
  const warm = warmUpLine(summary.warm_up);
  const body = [
    `<header class="report"><h1>${h(summary.program.name)}: run report</h1>`,
    `<p>${h(`${formatCounted(summary.partners, 'partner')}, ${formatCounted(summary.events, 'event')}, ${spanText(summary)}`)}</p></header>`,
    '<section id="summary">',
    warm === null ? '' : warmUpNote(warm),
    changesNote(changeLines(summary.changes)),
    figuresRow(summary),
    '</section>',
    tierSection(summary),
    costSection(summary),
    rewardSection(summary),
    pointsSection(summary),
    sellerSection(summary.sellers, (n) => formatMoney(n, summary.program.currency)),
    breakdownSection(summary),
    pageFooter(summary.program.name),
  ];
  return htmlPage({ title: `${summary.program.name}: run report`, body: body.join('\n') });
}

export const runHtmlFormat: Formatter<RunSummary> = {
  description: 'one self-contained page with charts (what --pdf prints)',
  mediaType: 'text/html',
  terminal: false,
  render: (summary) => renderRunHtml(summary),
};
