/**
 * `run --format markdown`: headings and GitHub tables, for a pull-request comment.
 * Every name that comes from the design or the partners file is escaped.
 */
import { wholeUnits, type RunSummary, type SellerSummary } from '../../analysis/summary-types.js';
import { formatCount, formatCounted, formatMoney, formatPercent, formatPoints } from '../../format/number.js';
import { warmUpLine } from '../../analysis/warm-up.js';
import { changeLines } from '../../analysis/design-versions.js';
import { markdownText as escapeMarkdownCell } from '../sanitize/index.js';
import { DIMENSION_TITLE, budgetBasis, partnersHeader, sellerFigures, sellerHeadline, shortWindows, spanText, tierNames, worstYearLabel, yearLabel } from './labels.js';
import type { Formatter } from '../formatter.js';

type Align = 'left' | 'right';

function mdTable(head: string[], align: Align[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const rule = align.map((a) => (a === 'right' ? '---:' : '---'));
  return [line(head.map(escapeMarkdownCell)), line(rule), ...rows.map(line)].join('\n');
}

export function renderRunMarkdown(summary: RunSummary): string {
  const esc = escapeMarkdownCell;
  const money = (n: number): string => formatMoney(n, summary.program.currency);
  const out: string[] = [];

  out.push(`## ${esc(summary.program.name)}: run report`);
  out.push(`${formatCounted(summary.partners, 'partner')}, ${formatCounted(summary.events, 'event')}, ${esc(spanText(summary))}.`);

  const warm = warmUpLine(summary.warm_up);
  if (warm !== null) out.push(`> **${esc(warm)}**`);
  const changes = changeLines(summary.changes);
  if (changes.length > 0) out.push('### Dated changes', changes.map((line) => `- ${esc(line)}`).join('\n'));

  const p = summary.points;
  out.push('### Points');
  out.push(
    mdTable(['Points', 'Value'], ['left', 'right'], [
      ...(p.opening !== undefined ? [['opening balances', formatPoints(p.opening)]] : []),
      ['earned', formatPoints(p.earned)],
      ['redeemed', formatPoints(p.redeemed)],
      ['expired', formatPoints(p.expired)],
      // Shown when the design claws back (the JSON always has both).
      ...(p.clawed_back !== 0 || p.debt !== 0 ? [['clawed back', formatPoints(p.clawed_back)] as [string, string]] : []),
      ['outstanding', formatPoints(p.outstanding)],
      ...(p.clawed_back !== 0 || p.debt !== 0 ? [['debt (clawed back, not covered)', formatPoints(p.debt)] as [string, string]] : []),
      [p.opening !== undefined ? 'breakage (expired / opening + earned)' : 'breakage (expired / earned)', formatPercent(p.breakage)],
    ]),
  );

  const c = summary.cost;
  const b = summary.budget;
  // Over budget in bold: a pull-request comment has no colour.
  const overBudget = (share: number): string => (share > 1 ? `**${formatPercent(share)}**` : formatPercent(share));
  out.push('### Cost against budget');
  out.push(
    mdTable(['Cost', 'Amount'], ['left', 'right'], [
      ['rewards (at vendor cost)', money(c.rewards)],
      ['tier benefits', money(c.benefits)],
      ['discounts', money(c.discounts)],
      ...(c.sellers !== undefined ? [['seller programme', money(c.sellers)]] : []),
      ['**total cost**', `**${money(c.total)}**`],
      b.amount === null ? ['budget', 'none in the design'] : [`budget (${budgetBasis(summary)})`, money(b.amount)],
      ['budget used', b.used_share === null ? '-' : formatPercent(b.used_share)],
      ...(b.worst_year_share === null ? [] : [[esc(worstYearLabel(summary)), overBudget(b.worst_year_share)]]),
      ['liability (outstanding points)', money(c.liability)],
    ]),
  );
  if (b.amount !== null && b.by_year.length > 0) {
    out.push('### Budget by year');
    out.push("A partial year's budget is prorated to the part of it in the program.");
    out.push(
      mdTable(
        ['Year', 'Cost', 'Budget', 'Used'],
        ['left', 'right', 'right', 'right'],
        b.by_year.map((y) => [esc(yearLabel(y)), money(y.cost), y.amount === null ? '-' : money(y.amount), y.used_share === null ? '-' : overBudget(y.used_share)]),
      ),
    );
  }

  const last = summary.periods[summary.periods.length - 1];
  out.push(`### Tiers at the last evaluation${last ? ` (${esc(last.label)})` : ''}`);
  out.push(
    mdTable(
      ['Tier', 'Partners', 'Share'],
      ['left', 'right', 'right'],
      summary.tiers.map((t) => [esc(t.tier), formatCount(t.partners), formatPercent(t.share)]),
    ),
  );

  const names = tierNames(summary);
  if (summary.tier_history.length > 0) {
    out.push('### Partners per tier, by period');
    out.push(
      mdTable(
        ['Period', ...names],
        ['left', ...names.map((): Align => 'right')],
        summary.tier_history.map((h) => [
          esc(h.period),
          ...names.map((name) => formatCount(h.tiers.find((t) => t.tier === name)?.partners ?? 0)),
        ]),
      ),
    );
  }

  if (summary.rewards.length > 0) {
    out.push('### Reward demand against capacity');
    out.push(
      mdTable(
        ['Reward', 'Units', 'Points', 'Vendor cost', 'Capacity', 'Shortfall', 'Short in'],
        ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
        summary.rewards.map((r) => {
          const short = shortWindows(r);
          return [
            esc(r.reward),
            formatCount(r.units),
            formatPoints(r.points),
            money(r.vendor_cost),
            r.capacity === null ? 'unlimited' : formatCount(wholeUnits(r.capacity)),
            r.shortfall > 0 ? `**${formatCount(r.shortfall)}**` : formatCount(r.shortfall),
            short.length > 0 ? short.map(esc).join(', ') : '-',
          ];
        }),
      ),
    );
  }

  if (summary.sellers !== undefined) out.push(...sellerSections(summary.sellers, money));

  if (summary.by !== undefined) {
    out.push(`### By ${summary.by.dimension}`);
    out.push(
      mdTable(
        [DIMENSION_TITLE[summary.by.dimension], partnersHeader(summary), 'Points earned', 'Cost', ...names],
        ['left', 'right', 'right', 'right', ...names.map((): Align => 'right')],
        summary.by.groups.map((g) => [
          esc(g.key),
          formatCount(g.partners),
          formatPoints(g.points_earned),
          money(g.cost_total),
          ...names.map((name) => formatCount(g.tiers.find((t) => t.tier === name)?.partners ?? 0)),
        ]),
      ),
    );
  }

  return `${out.join('\n\n')}\n`;
}

/** The seller programme, as the table report shows it: its points and cost, its levels, its rewards and the top sellers. */
function sellerSections(s: SellerSummary, money: (n: number) => string): string[] {
  const esc = escapeMarkdownCell;
  const out = [
    '### Sellers',
    `Counted ${esc(sellerHeadline(s))}.`,
    mdTable(
      ['Sellers', 'Value'],
      ['left', 'right'],
      sellerFigures(s, money).map((f) => (f.total === true ? [`**${f.label}**`, `**${f.value}**`] : [f.label, f.value])),
    ),
  ];
  if (s.levels.length > 1) {
    out.push('### Seller levels at the last evaluation', mdTable(['Level', 'Sellers', 'Share'], ['left', 'right', 'right'], s.levels.map((l) => [esc(l.level), formatCount(l.sellers), formatPercent(l.share)])));
  }
  if (s.rewards.length > 0) {
    out.push(
      '### Seller reward demand',
      mdTable(
        ['Reward', 'Units', 'Points', 'Vendor cost', 'Capacity', 'Shortfall'],
        ['left', 'right', 'right', 'right', 'right', 'right'],
        s.rewards.map((r) => [esc(r.reward), formatCount(r.units), formatPoints(r.points), money(r.vendor_cost), r.capacity === null ? 'unlimited' : formatCount(wholeUnits(r.capacity)), r.shortfall > 0 ? `**${formatCount(r.shortfall)}**` : formatCount(r.shortfall)]),
      ),
    );
  }
  if (s.top.length > 0) {
    out.push(
      `### Top ${s.top.length} sellers`,
      mdTable(
        ['Seller', 'Partner', 'Earned', 'Balance', 'Level', 'Partner tier'],
        ['left', 'left', 'right', 'right', 'left', 'left'],
        s.top.map((t) => [esc(t.person), esc(t.partner), formatPoints(t.earned), formatPoints(t.balance), esc(t.level), esc(t.partner_tier)]),
      ),
    );
  }
  return out;
}

export const runMarkdownFormat: Formatter<RunSummary> = {
  description: 'for a pull-request comment',
  mediaType: 'text/markdown',
  terminal: false,
  render: (summary) => renderRunMarkdown(summary),
};
