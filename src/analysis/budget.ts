/**
 * Cost against budget: over the whole replayed span (`budget.used_share`) and year by
 * year (`budget.by_year`, `budget.worst_year_share`). An average over a two-year program
 * hides a year that overspends: the strategist, and `check`, need the worst year.
 *
 * A "year" is a fiscal year of the design's calendar (`calendar.fiscal_year_start`), the
 * years the periods are aligned to, so every period falls in exactly one year.
 *
 * Partial years and periods are prorated by time: a period counts for the share of its
 * days inside `program.starts`..`program.ends` (a fiscal quarter straddling the start
 * date), and a year's budget is the yearly amount × the years its periods cover. A
 * program starting on 1 January with a February fiscal year has one month of its first
 * fiscal year: that year's budget is the amount × (31/92 of a quarter) = 8.4% of it,
 * and its cost is that month's cost. The years' budgets add up to `budget.amount`.
 */
import type { FiscalYear, Ledger } from '../engine/ledger.js';
import { programAt } from './program-at.js';
import { coveredShare } from './period-coverage.js';
import type { PeriodKind } from '../program/schema.js';
import { roundMoney, roundShare, type BudgetYear, type RunSummary } from './summary-types.js';

/** Years one period of each calendar kind covers. */
const YEARS_PER_PERIOD: Record<PeriodKind, number> = { month: 1 / 12, quarter: 1 / 4, half: 1 / 2, year: 1 };

/**
 * How many whole periods the replay covers inside the program's dates. A period cut by
 * `program.starts` or `program.ends` counts for the share of its days inside them, so a
 * two-year program costs two years of budget even when its first and last fiscal
 * quarters are partial.
 */
export function periodsCovered(ledger: Ledger): number {
  let covered = 0;
  for (const period of ledger.periods) covered += coveredShare(ledger, period);
  return covered;
}

/** Money spent in each period: rewards at vendor cost + tier benefits + discounts, as cost.total counts them (the seller ledger's, added by budgetUse, likewise). */
export function costByPeriod(ledger: Ledger): Float64Array {
  const P = ledger.partners.length;
  const T = ledger.periods.length;
  const R = ledger.rewardIds.length;
  const cost = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    // The vendor costs in force in period t (dated changes).
    const rewards = programAt(ledger, t).rewards;
    const vendorCost = ledger.rewardIds.map((id) => rewards.find((x) => x.id === id)?.vendor_cost ?? 0);
    let sum = 0;
    for (let r = 0; r < R; r++) sum += (ledger.rewardUnits[t * R + r] ?? 0) * (vendorCost[r] ?? 0);
    cost[t] = sum;
  }
  for (let p = 0; p < P; p++) {
    for (let t = 0; t < T; t++) cost[t] = (cost[t] ?? 0) + (ledger.benefitCost[p * T + t] ?? 0) + (ledger.discountCost[p * T + t] ?? 0);
  }
  return cost;
}

interface YearAccumulator {
  readonly year: FiscalYear;
  /** Years of program time inside it (1 for a whole year). */
  covered: number;
  /** Periods of program time inside it (for `per: period` budgets). */
  periods: number;
  cost: number;
}

/**
 * The budget over the replayed span and per year: `per: year` is prorated by the years
 * replayed (8 quarters = 2 years), `per: period` is multiplied by the periods (both
 * counting partial periods by their share of days), `per: program` is taken whole and,
 * for the years, spread over the program's time in proportion to each year's share of it.
 */
export function budgetUse(ledger: Ledger, total: number, sellers?: Ledger): RunSummary['budget'] {
  const budget = ledger.program.budget;
  const yearsPerPeriod = YEARS_PER_PERIOD[ledger.program.calendar.period];
  const costs = costByPeriod(ledger);
  // The seller programme runs on the firm's calendar (same periods): its cost is spent from the same budget.
  if (sellers !== undefined) {
    const own = costByPeriod(sellers);
    for (let t = 0; t < costs.length; t++) costs[t] = (costs[t] ?? 0) + (own[t] ?? 0);
  }
  // The calendar's fiscal years (ledger.years): the same years a yearly reward capacity is pooled over.
  const years: YearAccumulator[] = ledger.years.map((year) => {
    const acc: YearAccumulator = { year, covered: 0, periods: 0, cost: 0 };
    for (let t = year.firstPeriod; t <= year.lastPeriod; t++) {
      const period = ledger.periods[t];
      if (period === undefined) continue;
      const share = coveredShare(ledger, period);
      acc.covered += share * yearsPerPeriod;
      acc.periods += share;
      acc.cost += costs[t] ?? 0;
    }
    return acc;
  });
  const totalCovered = years.reduce((sum, y) => sum + y.covered, 0);
  const amountOf = (y: YearAccumulator): number | null => {
    if (budget === undefined) return null;
    if (budget.per === 'year') return budget.amount * y.covered;
    if (budget.per === 'period') return budget.amount * y.periods;
    return totalCovered > 0 ? (budget.amount * y.covered) / totalCovered : 0;
  };
  const byYear: BudgetYear[] = [];
  let worst: { year: string; share: number } | undefined;
  for (const y of years) {
    const amount = amountOf(y);
    const share = amount !== null && amount > 0 ? y.cost / amount : null;
    if (share !== null && (worst === undefined || share > worst.share)) worst = { year: y.year.label, share };
    byYear.push({
      year: y.year.label,
      start: y.year.startDate,
      end: y.year.endDate,
      covered: roundShare(y.covered),
      cost: roundMoney(y.cost),
      amount: amount === null ? null : roundMoney(amount),
      used_share: share === null ? null : roundShare(share),
    });
  }
  const worstYear = { by_year: byYear, worst_year: worst?.year ?? null, worst_year_share: worst === undefined ? null : roundShare(worst.share) };
  if (budget === undefined) return { amount: null, per: null, used_share: null, ...worstYear };
  const periods = periodsCovered(ledger);
  const factor = budget.per === 'program' ? 1 : budget.per === 'period' ? periods : periods * yearsPerPeriod;
  const amount = budget.amount * factor;
  return { amount: roundMoney(amount), per: budget.per, used_share: amount > 0 ? roundShare(total / amount) : null, ...worstYear };
}
