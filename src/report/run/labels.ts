/**
 * Words the human-readable run reports (table, Markdown, HTML) share, so both say the same thing.
 */
import type { BreakdownDimension, RunSummary, SellerSummary } from '../../analysis/summary-types.js';
import { formatCount, formatCounted, formatPercent, formatPoints } from '../../format/number.js';

export const DIMENSION_TITLE: Record<BreakdownDimension, string> = { segment: 'Segment', region: 'Region', period: 'Period' };

/** `2 periods (2024-Q1 to 2024-Q2)` */
export function spanText(summary: RunSummary): string {
  const first = summary.periods[0];
  const last = summary.periods[summary.periods.length - 1];
  const n = summary.periods.length;
  if (first === undefined || last === undefined) return 'no periods';
  const count = `${n} period${n === 1 ? '' : 's'}`;
  return first === last ? `${count} (${first.label})` : `${count} (${first.label} to ${last.label})`;
}

/**
 * Header of the partner count in a breakdown: with `--by period` it counts the partners
 * with any activity in the period, not every partner.
 */
export function partnersHeader(summary: RunSummary): string {
  return summary.by?.dimension === 'period' ? 'Active partners' : 'Partners';
}

/** Capacity windows (fiscal years or periods) in which a reward is expected to be short by a unit or more. */
export function shortWindows(reward: RunSummary['rewards'][number]): string[] {
  return reward.by_window.filter((w) => w.shortfall > 0).map((w) => w.window);
}

/** How `budget.per` was turned into the budget over the replayed span (only shown with a budget). */
export function budgetBasis(summary: RunSummary): string {
  switch (summary.budget.per) {
    case 'year':
      return 'per year, prorated to the periods replayed';
    case 'period':
      return 'per period, times the periods replayed';
    case 'program':
      return 'for the whole program';
    default:
      return 'no budget in the design';
  }
}

/** `FY2026` whole, or `FY2026 (91.6% in the program)` for a year the program covers in part. */
export function yearLabel(year: RunSummary['budget']['by_year'][number]): string {
  return year.covered < 1 ? `${year.year} (${formatPercent(year.covered)} in the program)` : year.year;
}

/** `budget used, worst year (FY2026, of its prorated budget)`: the row that tells a yearly overspend the span's average hides. */
export function worstYearLabel(summary: RunSummary): string {
  return `budget used, worst year (${summary.budget.worst_year ?? '-'}, of its prorated budget)`;
}

/**
 * Tier names for columns, low to high. Every list holds every tier of the design; the
 * "below the lowest tier" row appears only in lists where some partner is below, and
 * always first, so any name missing from the last evaluation goes in front.
 */
export function tierNames(summary: RunSummary): string[] {
  const names = summary.tiers.map((t) => t.tier);
  const lists = [...summary.tier_history.map((h) => h.tiers), ...(summary.by?.groups.map((g) => g.tiers) ?? [])];
  for (const list of lists) {
    for (const t of list) if (!names.includes(t.tier)) names.unshift(t.tier);
  }
  return names;
}

/** What a cost figure adds up: `Rewards, benefits and discounts`, and the seller programme's cost when the design has one. */
export function costParts(summary: RunSummary): string {
  return summary.cost.sellers !== undefined ? 'Rewards, benefits, discounts and the seller programme' : 'Rewards, benefits and discounts';
}

/** `by person_id: 3 sellers in 2 partners, 9 events`: who the seller programme counts (the column name unescaped). */
export function sellerHeadline(s: SellerSummary): string {
  return `by ${s.person_column}: ${formatCounted(s.sellers, 'seller')} in ${formatCounted(s.partners, 'partner')}, ${formatCounted(s.events, 'event')}`;
}

/** One figure of the seller programme: `total` marks its cost (in the firm's total), `warn` the rows without a person. */
export interface SellerFigure {
  readonly label: string;
  readonly value: string;
  readonly total?: true;
  readonly warn?: true;
}

/** The seller programme's points and cost, as every human-readable format lists them. */
export function sellerFigures(s: SellerSummary, money: (n: number) => string): SellerFigure[] {
  return [
    { label: 'seller points earned', value: formatPoints(s.points.earned) },
    { label: 'redeemed', value: formatPoints(s.points.redeemed) },
    { label: 'expired', value: formatPoints(s.points.expired) },
    { label: 'outstanding', value: formatPoints(s.points.outstanding) },
    { label: 'seller rewards (at vendor cost)', value: money(s.cost.rewards) },
    ...(s.cost.benefits !== 0 ? [{ label: 'seller level benefits', value: money(s.cost.benefits) }] : []),
    ...(s.cost.discounts !== 0 ? [{ label: 'seller level discounts', value: money(s.cost.discounts) }] : []),
    { label: 'seller programme cost (in total cost)', value: money(s.cost.total), total: true },
    { label: 'seller liability (outstanding points)', value: money(s.cost.liability) },
    ...(s.unattributed_events > 0 ? [{ label: 'rows without a person (no seller points)', value: formatCount(s.unattributed_events), warn: true as const }] : []),
  ];
}
