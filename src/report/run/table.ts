/**
 * `run --format table`: the report for a terminal. Box tables from cli-table3; colour
 * only through the given Style (plain by default), never cli-table3's own, so a pipe or
 * a file never receives ANSI codes.
 */
import { wholeUnits, type RunSummary, type SellerSummary } from '../../analysis/summary-types.js';
import { formatCount, formatCounted, formatMoney, formatPercent, formatPoints } from '../../format/number.js';
import { warmUpLine } from '../../analysis/warm-up.js';
import { changeLines } from '../../analysis/design-versions.js';
import { terminalText } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { headedTable, keyValueTable, type Align } from '../terminal-table.js';
import { DIMENSION_TITLE, budgetBasis, partnersHeader, sellerFigures, sellerHeadline, shortWindows, spanText, tierNames, worstYearLabel, yearLabel } from './labels.js';
import type { Formatter } from '../formatter.js';

/**
 * Names come from the design and the partners file: control characters (a newline would
 * break a row, an ESC could drive the terminal) and bidi marks are shown as escapes.
 */
const clean = terminalText;

// No rule between body rows: the reports are read down a column, and half the height.

/** A terminal row stays readable: the first three periods, then how many more. */
function shortList(periods: string[]): string {
  if (periods.length === 0) return '-';
  if (periods.length <= 3) return periods.join(', ');
  return `${periods.slice(0, 3).join(', ')} +${periods.length - 3} more`;
}

export function renderRunTable(summary: RunSummary, style: Style = plainStyle): string {
  const money = (n: number): string => formatMoney(n, summary.program.currency);
  const sections: string[] = [];
  const heading = (text: string): string => style.bold(text);

  sections.push(
    `${heading(clean(summary.program.name))}: ${formatCounted(summary.partners, 'partner')}, ${formatCounted(summary.events, 'event')}, ${spanText(summary)}`,
  );

  const warm = warmUpLine(summary.warm_up);
  if (warm !== null) sections.push(style.yellow(clean(warm)));
  const changes = changeLines(summary.changes);
  if (changes.length > 0) sections.push(`${heading('Dated changes')}\n${changes.map((line) => `  ${clean(line)}`).join('\n')}`);

  const p = summary.points;
  sections.push(
    `${heading('Points')}\n${keyValueTable([
      ...(p.opening !== undefined ? [['opening balances', formatPoints(p.opening)] as [string, string]] : []),
      ['earned', formatPoints(p.earned)],
      ['redeemed', formatPoints(p.redeemed)],
      ['expired', formatPoints(p.expired)],
      // Shown when the design claws back (the JSON always has both).
      ...(p.clawed_back !== 0 || p.debt !== 0 ? [['clawed back', formatPoints(p.clawed_back)] as [string, string]] : []),
      ['outstanding', formatPoints(p.outstanding)],
      ...(p.clawed_back !== 0 || p.debt !== 0 ? [['debt (clawed back, not covered)', formatPoints(p.debt)] as [string, string]] : []),
      [p.opening !== undefined ? 'breakage (expired / opening + earned)' : 'breakage (expired / earned)', formatPercent(p.breakage)],
    ])}`,
  );

  const last = summary.periods[summary.periods.length - 1];
  sections.push(
    `${heading(`Tiers at the last evaluation${last ? ` (${clean(last.label)})` : ''}`)}\n${headedTable(
      style,
      ['Tier', 'Partners', 'Share'],
      summary.tiers.map((t) => [clean(t.tier), formatCount(t.partners), formatPercent(t.share)]),
      ['left', 'right', 'right'],
    )}`,
  );

  if (summary.tier_history.length > 0) {
    const names = tierNames(summary);
    sections.push(
      `${heading('Partners per tier, by period')}\n${headedTable(
        style,
        ['Period', ...names.map(clean)],
        summary.tier_history.map((h) => [
          clean(h.period),
          ...names.map((name) => formatCount(h.tiers.find((t) => t.tier === name)?.partners ?? 0)),
        ]),
        ['left', ...names.map((): Align => 'right')],
      )}`,
    );
  }

  if (summary.rewards.length > 0) {
    sections.push(
      `${heading('Reward demand against capacity')}\n${headedTable(
        style,
        ['Reward', 'Units', 'Points', 'Vendor cost', 'Capacity', 'Shortfall', 'Short in'],
        summary.rewards.map((r) => {
          const short = shortWindows(r);
          return [
            clean(r.reward),
            formatCount(r.units),
            formatPoints(r.points),
            money(r.vendor_cost),
            r.capacity === null ? 'unlimited' : formatCount(wholeUnits(r.capacity)),
            r.shortfall > 0 ? style.red(formatCount(r.shortfall)) : formatCount(r.shortfall),
            shortList(short.map(clean)),
          ];
        }),
        ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
      )}`,
    );
  }

  const c = summary.cost;
  const b = summary.budget;
  const used = b.used_share === null ? '-' : formatPercent(b.used_share);
  const overBudget = (share: number): string => (share > 1 ? style.red(formatPercent(share)) : formatPercent(share));
  sections.push(
    `${heading('Cost against budget')}\n${keyValueTable([
      ['rewards (at vendor cost)', money(c.rewards)],
      ['tier benefits', money(c.benefits)],
      ['discounts', money(c.discounts)],
      ...(c.sellers !== undefined ? [['seller programme', money(c.sellers)] as [string, string]] : []),
      ['total cost', style.bold(money(c.total))],
      b.amount === null ? ['budget', 'none in the design'] : [`budget (${budgetBasis(summary)})`, money(b.amount)],
      ['budget used', b.used_share !== null && b.used_share > 1 ? style.red(used) : used],
      ...(b.worst_year_share === null ? [] : [[worstYearLabel(summary), overBudget(b.worst_year_share)] as [string, string]]),
      ['liability (outstanding points)', money(c.liability)],
    ])}`,
  );
  if (b.amount !== null && b.by_year.length > 0) {
    sections.push(
      `${heading('Budget by year')} (a partial year's budget is prorated to the part in the program)\n${headedTable(
        style,
        ['Year', 'Cost', 'Budget', 'Used'],
        b.by_year.map((y) => [clean(yearLabel(y)), money(y.cost), y.amount === null ? '-' : money(y.amount), y.used_share === null ? '-' : overBudget(y.used_share)]),
        ['left', 'right', 'right', 'right'],
      )}`,
    );
  }

  if (summary.sellers !== undefined) sections.push(...sellerSections(summary.sellers, style, money));

  if (summary.by !== undefined) {
    const names = tierNames(summary);
    const title = DIMENSION_TITLE[summary.by.dimension];
    sections.push(
      `${heading(`By ${summary.by.dimension}`)}\n${headedTable(
        style,
        [title, partnersHeader(summary), 'Points earned', 'Cost', ...names.map(clean)],
        summary.by.groups.map((g) => [
          clean(g.key),
          formatCount(g.partners),
          formatPoints(g.points_earned),
          money(g.cost_total),
          ...names.map((name) => formatCount(g.tiers.find((t) => t.tier === name)?.partners ?? 0)),
        ]),
        ['left', 'right', 'right', 'right', ...names.map((): Align => 'right')],
      )}`,
    );
  }

  return `${sections.join('\n\n')}\n`;
}

/** The seller programme: its points and cost, its levels, its rewards and the top sellers beside their firm's tier. */
function sellerSections(s: SellerSummary, style: Style, money: (n: number) => string): string[] {
  const heading = (text: string): string => style.bold(text);
  const out = [
    `${heading('Sellers')} (${clean(sellerHeadline(s))})\n${keyValueTable(
      sellerFigures(s, money).map((f): [string, string] => [f.label, f.total === true ? style.bold(f.value) : f.warn === true ? style.yellow(f.value) : f.value]),
    )}`,
  ];
  if (s.levels.length > 1) {
    out.push(`${heading('Seller levels at the last evaluation')}\n${headedTable(style, ['Level', 'Sellers', 'Share'], s.levels.map((t) => [clean(t.level), formatCount(t.sellers), formatPercent(t.share)]), ['left', 'right', 'right'])}`);
  }
  if (s.rewards.length > 0) {
    out.push(
      `${heading('Seller reward demand')}\n${headedTable(
        style,
        ['Reward', 'Units', 'Points', 'Vendor cost', 'Capacity', 'Shortfall'],
        s.rewards.map((r) => [clean(r.reward), formatCount(r.units), formatPoints(r.points), money(r.vendor_cost), r.capacity === null ? 'unlimited' : formatCount(wholeUnits(r.capacity)), r.shortfall > 0 ? style.red(formatCount(r.shortfall)) : formatCount(r.shortfall)]),
        ['left', 'right', 'right', 'right', 'right', 'right'],
      )}`,
    );
  }
  if (s.top.length > 0) {
    out.push(
      `${heading(`Top ${s.top.length} sellers`)}\n${headedTable(
        style,
        ['Seller', 'Partner', 'Earned', 'Balance', 'Level', 'Partner tier'],
        s.top.map((t) => [clean(t.person), clean(t.partner), formatPoints(t.earned), formatPoints(t.balance), clean(t.level), clean(t.partner_tier)]),
        ['left', 'left', 'right', 'right', 'left', 'left'],
      )}`,
    );
  }
  return out;
}

export const runTableFormat: Formatter<RunSummary> = {
  description: 'for a terminal',
  mediaType: 'text/plain',
  terminal: true,
  render: (summary, { style }) => renderRunTable(summary, style),
};
