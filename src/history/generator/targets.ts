/**
 * Each partner's own target, for designs with `target` activities: `generate` adds one
 * partners-file column per distinct `target.column`, holding about what the partner is
 * expected to make in a tier window (the sum of `amount`, or of `quantity`, over the
 * target's `of` activities), times a factor drawn uniformly from [TARGET_FACTOR_MIN,
 * TARGET_FACTOR_MAX), rounded to a whole number (at least 1). Roughly half the partners
 * reach their target in a window.
 *
 * The expectation follows the generator's own draws (generate.ts): a partner of size z
 * makes events_per_month × pace × z events a month, scaled by the month in the quarter
 * (QUARTER_PACE) and the yearly growth (taken at the middle of the range); an event is
 * activity a with the segment's weight share (decision activities weigh more in the
 * quarter's last month); a deal's amount is log-normal with median deal_size × √z, mean
 * median × exp(σ²/2). Left out, so the target is "about": where filters, the minimum
 * amount nudge, staged rows after the first, distinct counting, joining and churn.
 */
import { windowDaysOf } from '../../engine/day-window.js';
import type { Program } from '../../program/program.js';
import type { ActivityPlan, TargetPlan } from './activity-plan.js';
import type { Random } from './random.js';

/** The range of the factor on the expectation (uniform, per partner and column). */
export const TARGET_FACTOR_MIN = 0.75;
export const TARGET_FACTOR_MAX = 1.25;

const PERIOD_MONTHS = { month: 1, quarter: 3, half: 6, year: 12 } as const;

/** A partners-file column to write: the first `target` activity naming it decides basis and `of`. */
export interface TargetColumn {
  readonly column: string;
  readonly basis: TargetPlan['basis'];
  /** Indices into the activity plan. */
  readonly of: readonly number[];
}

/** Distinct target columns of the plan, in activity order (empty without targets). */
export function targetColumns(activities: readonly ActivityPlan[]): TargetColumn[] {
  const columns = new Map<string, TargetColumn>();
  for (const a of activities) {
    const t = a.target;
    if (t === undefined || columns.has(t.column)) continue;
    const of = t.of.map((id) => activities.findIndex((x) => x.id === id)).filter((i) => i >= 0);
    columns.set(t.column, { column: t.column, basis: t.basis, of });
  }
  return [...columns.values()];
}

/**
 * Months in the design's tier window: trailing_N periods, last_N_days (N / 30.44), a fiscal year (12), or the
 * whole history for lifetime (Infinity; the generator caps it at the range).
 */
export function windowMonths(calendar: Pick<Program['calendar'], 'period' | 'tier_window'>): number {
  const months = PERIOD_MONTHS[calendar.period];
  const trailing = /^trailing_(\d+)$/.exec(calendar.tier_window);
  if (trailing) return Number(trailing[1]) * months;
  const days = windowDaysOf(calendar.tier_window);
  if (days > 0) return days / (365.25 / 12);
  return calendar.tier_window === 'fiscal_year' ? 12 : Infinity;
}

/** What one segment's draws are, for a partner of size 1 in a year without growth. */
export interface SegmentDraws {
  /** Mean events a month: events_per_month × the segment's pace. */
  readonly eventsPerMonth: number;
  /** Pace of each month of a quarter (generate.ts QUARTER_PACE). */
  readonly quarterPace: readonly number[];
  /** Weights of the activities in the quarter's other months, and in its last month. */
  readonly normal: ArrayLike<number>;
  readonly quarterEnd: ArrayLike<number>;
  /** Mean amount of a deal: median deal_size × exp(σ²/2). */
  readonly meanDeal: number;
  /** Mean of the segment's quantity (units per row; people certified together). */
  readonly meanUnits: number;
  /** Mean quantity of a `volume` row. */
  readonly meanVolume: number;
}

/**
 * Expected sum of the column's basis a month, for a partner of size 1: per quarter, the
 * events of the first months (their paces summed) times the `of` activities' share of
 * the normal mix, plus the last month's events times their share of the quarter-end mix,
 * each event worth its amount or quantity; divided by 3. A partner of size z makes z
 * times the events and deals √z times larger: scale amounts by z^1.5, quantities by z.
 */
export function monthlyBasis(target: TargetColumn, activities: readonly ActivityPlan[], d: SegmentDraws): number {
  const share = (weights: ArrayLike<number>): number => {
    let total = 0;
    let of = 0;
    for (let a = 0; a < weights.length; a++) total += Math.max(0, weights[a] as number);
    if (total === 0) return 0;
    for (const a of target.of) of += Math.max(0, weights[a] as number) * perEvent(activities[a] as ActivityPlan, target.basis, d);
    return of / total;
  };
  const last = d.quarterPace.length - 1;
  let otherPace = 0;
  for (let m = 0; m < last; m++) otherPace += d.quarterPace[m] as number;
  const perQuarter = d.eventsPerMonth * (otherPace * share(d.normal) + (d.quarterPace[last] as number) * share(d.quarterEnd));
  return perQuarter / d.quarterPace.length;
}

/** What one event of the activity adds to the basis: its rows' amount or quantity. */
function perEvent(a: ActivityPlan, basis: TargetPlan['basis'], d: SegmentDraws): number {
  // A `distinct: person_id` event is a class of people, one row each.
  const rows = a.person ? d.meanUnits : 1;
  if (basis === 'amount') return a.amount ? rows * d.meanDeal : 0;
  const quantity = a.quantity === 'volume' ? d.meanVolume : a.quantity === 'units' ? d.meanUnits : 1;
  return rows * quantity;
}

/** A partner's target: the expectation times a factor from [TARGET_FACTOR_MIN, TARGET_FACTOR_MAX), whole, at least 1. */
export function drawTarget(expected: number, rng: Random): number {
  const factor = TARGET_FACTOR_MIN + (TARGET_FACTOR_MAX - TARGET_FACTOR_MIN) * rng.float();
  return Math.max(1, Math.round(expected * factor));
}
