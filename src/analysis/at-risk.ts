/**
 * How far a partner stands from a tier at one evaluation: the points it lacks against
 * its own threshold, and every requirement of the tier it does not meet, measured over
 * the tier window that ends with that evaluation (the window the engine evaluated).
 *
 * The threshold for a partner is the engine's own (compile.ts `partnerTierThresholds`:
 * the first matching `min_points_by` column, then the partner's track; the lowest over
 * all tracks in `best` mode), never a second implementation of those rules.
 * Activity requirements count occurrences (`countByActivity`) in the window.
 *
 * The per-activity and per-category figures come from `detail` when given: a ledger of
 * the partner's own replay (see partner-detail.ts), so that the ledger of everyone can be
 * replayed without them (`detail: false`); tiers, points and thresholds stay the ledger's.
 */
import type { DetailedLedger, Ledger } from '../engine/ledger.js';
import { isDetailed } from '../engine/replay.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import type { GapContext } from './gap-closing.js';
import { programAt } from './program-at.js';
import type { Program } from '../program/program.js';
import type { RequirementGap } from './transition-types.js';
import { roundPoints } from './summary-types.js';
import { partnerCode } from '../history/partner-slice.js';

/** The points partner `p` needs for tier `k`: the engine's own table (`partnerTierThresholds`, P × K). */
export function tierThreshold(ctx: Pick<StandingContext, 'ledger' | 'p' | 'thresholds'>, tierIndex: number): number {
  return ctx.thresholds[ctx.p * ctx.ledger.tierNames.length + tierIndex] ?? 0;
}

export interface StandingContext {
  readonly ledger: Ledger;
  /** Ledger partner index. */
  readonly p: number;
  /** The evaluation. */
  readonly t: number;
  /** First period of the tier window that ends with `t`. */
  readonly windowStart: number;
  /** Every partner's threshold per tier as the engine evaluates it (`partnerTierThresholds`, P × K). */
  readonly thresholds: Float64Array;
  /** Where the partner's per-activity and per-category arrays are read (default: `ledger` at `p`). */
  readonly detail?: PartnerDetail;
}

/** A detailed ledger holding the partner, and its index there. */
export interface PartnerDetail {
  readonly ledger: DetailedLedger;
  readonly p: number;
}

/** The detailed ledger and index to read the partner's activity and category figures from. */
function detailOf(ctx: StandingContext): PartnerDetail {
  if (ctx.detail !== undefined) return ctx.detail;
  if (!isDetailed(ctx.ledger)) throw new Error('at-risk: a lean ledger needs a `detail` source for the partner');
  return { ledger: ctx.ledger, p: ctx.p };
}

export function windowActivity(ctx: StandingContext, which: 'points' | 'count', a: number): number {
  const { ledger, p } = detailOf(ctx);
  const t = ctx.t;
  const T = ledger.periods.length;
  const A = ledger.activityIds.length;
  const source = which === 'points' ? ledger.pointsByActivity : ledger.countByActivity;
  let sum = 0;
  for (let s = ctx.windowStart; s <= t; s++) sum += source[(p * T + s) * A + a] ?? 0;
  return sum;
}

export function windowCategory(ctx: StandingContext, c: number): number {
  const { ledger, p } = detailOf(ctx);
  const t = ctx.t;
  const T = ledger.periods.length;
  const C = ledger.categoryIds.length;
  let sum = 0;
  for (let s = ctx.windowStart; s <= t; s++) sum += ledger.pointsByCategory[(p * T + s) * C + c] ?? 0;
  return sum;
}

/** Every unmet condition of tier `tierIndex` for the partner at evaluation `t` (empty when it qualifies). */
export function tierGaps(ctx: StandingContext, tierIndex: number): RequirementGap[] {
  const { ledger, p, t } = ctx;
  const program = programAt(ledger, t);
  const tier = program.tiers[tierIndex];
  if (tier === undefined) return [];
  const T = ledger.periods.length;
  const gaps: RequirementGap[] = [];
  const points = ledger.windowPoints[p * T + t] ?? 0;
  const threshold = tierThreshold(ctx, tierIndex);
  if (points < threshold) {
    gaps.push({ kind: 'points', id: tier.name, required: threshold, actual: roundPoints(points), short: roundPoints(threshold - points) });
  }
  for (const [category, required] of Object.entries(tier.requires?.categories ?? {})) {
    const c = ledger.categoryIds.indexOf(category);
    const actual = c >= 0 ? windowCategory(ctx, c) : 0;
    if (actual < required) gaps.push({ kind: 'category', id: category, required, actual: roundPoints(actual), short: roundPoints(required - actual) });
  }
  for (const [activity, required] of Object.entries(tier.requires?.activities ?? {})) {
    const a = ledger.activityIds.indexOf(activity);
    const actual = a >= 0 ? windowActivity(ctx, 'count', a) : 0;
    if (actual < required) gaps.push({ kind: 'activity', id: activity, required, actual: roundPoints(actual), short: roundPoints(required - actual) });
  }
  return gaps;
}

/** Sum and row count of `amount` per activity code, over the events of one partner or of all. */
export function amountByActivity(store: EventStore, from = 0, to = store.size): { sum: Float64Array; rows: Float64Array } {
  const sum = new Float64Array(store.activityIds.length);
  const rows = new Float64Array(store.activityIds.length);
  for (let e = from; e < to; e++) {
    const a = store.activity[e] ?? 0;
    sum[a] = (sum[a] ?? 0) + (store.amount[e] ?? 0);
    rows[a] = (rows[a] ?? 0) + 1;
  }
  return { sum, rows };
}

export interface GapContextInput extends StandingContext {
  readonly store: EventStore;
  /** Everyone's amounts, computed once per report. */
  readonly fleetAmounts: { sum: Float64Array; rows: Float64Array };
  readonly partners: PartnerTable | undefined;
}

/** The pricing context of gap-closing for one partner at one evaluation. */
export function gapContextFor(input: GapContextInput): GapContext {
  const { ledger, p, t, store } = input;
  const T = ledger.periods.length;
  const partner = ledger.partners[p];
  const id = partner?.id ?? '';
  const code = partnerCode(store, id);
  const own = code >= 0 ? amountByActivity(store, store.partnerStart[code] ?? 0, store.partnerStart[code + 1] ?? 0) : undefined;
  const fileRow = input.partners?.byId.get(id);
  const tier = ledger.tier[p * T + t] ?? -1;
  return {
    program: programAt(ledger, t),
    partnerValue: (column) => {
      if (column === 'segment') return partner?.segment ?? '';
      if (column === 'region') return partner?.region ?? '';
      return fileRow !== undefined && column in fileRow.attributes ? (fileRow.attributes[column] ?? '') : undefined;
    },
    accelerator: tier >= 0 ? (programAt(ledger, t).tiers[tier]?.earn_multiplier ?? 1) : 1,
    windowActivityPoints: (activity) => {
      const a = ledger.activityIds.indexOf(activity);
      return a >= 0 ? windowActivity(input, 'points', a) : 0;
    },
    windowCategoryPoints: (category) => {
      const c = ledger.categoryIds.indexOf(category);
      return c >= 0 ? windowCategory(input, c) : 0;
    },
    averageAmount: (activity) => {
      const a = store.activityIds.indexOf(activity);
      if (a < 0) return undefined;
      const ownRows = own?.rows[a] ?? 0;
      if (own !== undefined && ownRows > 0 && (own.sum[a] ?? 0) > 0) return (own.sum[a] ?? 0) / ownRows;
      const rows = input.fleetAmounts.rows[a] ?? 0;
      return rows > 0 && (input.fleetAmounts.sum[a] ?? 0) > 0 ? (input.fleetAmounts.sum[a] ?? 0) / rows : undefined;
    },
  };
}
