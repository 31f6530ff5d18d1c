/**
 * Tier evaluation at the end of a period: the highest tier whose threshold (regional
 * `min_points_by`, or the track's `min_points`) and `requires` (category points and
 * activity counts in the tier window) are met; in `tracks.mode: best` every track is
 * tried and the best tier kept. A drop waits `grace_periods` evaluations (heldTier).
 */
import { windowSum } from './window-sum.js';

/**
 * The tier tables a replay's scoring reads (fields of the scorer: optimised code reading
 * them there is not thrown away when the next replay compiles the program again, as it
 * was when it read them from the compiled program).
 */
export interface TierTables {
  /** Number of tiers and of categories. */
  readonly K: number;
  readonly C: number;
  readonly windowStart: Int32Array;
  readonly thresholds: readonly Float64Array[];
  readonly reqCategory: readonly Int32Array[];
  readonly reqCategoryMin: readonly Float64Array[];
  readonly reqActivity: readonly Int32Array[];
  readonly reqActivityMin: readonly Float64Array[];
  readonly grace: Int32Array;
  /** Per tier, `grace_days` (-1: grace counts evaluations, `grace`), and the last day of each period. */
  readonly graceDays: Int32Array;
  readonly periodEnd: Int32Array;
}

/**
 * The tier partner p qualifies for with `points` in the window ending at period t
 * (t = -1: before any period, every count and category at zero). -1: below the lowest tier.
 * Category points are read from `catPoints` (the partner's periods × categories);
 * activity counts from `count` at row `countRow` (the partner, or 0 for a scratch).
 * `catWindow`: the category window totals rounded at the activity or category level
 * (window-rounding.ts), read instead of `catPoints`; null: the exact totals.
 */
export function qualify(
  x: TierTables,
  p: number,
  t: number,
  points: number,
  catPoints: Float64Array,
  count: Float64Array,
  countRow: number,
  T: number,
  A: number,
  catWindow: Float64Array | null = null,
): number {
  const { C, K, thresholds } = x;
  const from = t >= 0 ? (x.windowStart[t] as number) : 0;
  for (let k = K - 1; k >= 0; k--) {
    let reached = false;
    // An indexed loop: for..of allocates an iterator per call (183,000 calls a replay on the bench history).
    for (let j = 0; j < thresholds.length; j++) {
      if (((thresholds[j] as Float64Array)[p * K + k] as number) <= points) {
        reached = true;
        break;
      }
    }
    if (!reached) continue;
    const cats = x.reqCategory[k] as Int32Array;
    const catMin = x.reqCategoryMin[k] as Float64Array;
    let ok = true;
    for (let j = 0; j < cats.length && ok; j++) {
      const cat = cats[j] as number;
      const have = t >= 0 && cat >= 0 ? (catWindow !== null ? (catWindow[cat] as number) : windowSum(catPoints, 0, T, C, cat, from, t)) : 0;
      if (have < (catMin[j] as number)) ok = false;
    }
    const acts = x.reqActivity[k] as Int32Array;
    const actMin = x.reqActivityMin[k] as Float64Array;
    for (let j = 0; j < acts.length && ok; j++) {
      const a = acts[j] as number;
      const have = t >= 0 && a >= 0 ? windowSum(count, countRow, T, A, a, from, t) : 0;
      if (have < (actMin[j] as number)) ok = false;
    }
    if (ok) return k;
  }
  return -1;
}

/**
 * The tier held after evaluation t: the highest tier k that the partner qualified for
 * (at k or above) at one of the last `grace_periods(k) + 1` evaluations, t included (with
 * `grace_days(k)`: at an evaluation whose period ends at most that many days before t's). So a
 * partner keeps a tier for `grace_periods` evaluations after the last one at which it
 * qualified, and a Gold partner sliding to Silver-level points keeps Silver's grace from
 * the last evaluation that met Silver. (Counting grace from the held tier instead would
 * let more activity end in a lower tier: Gold's grace runs out straight to Registered
 * while the partner that only reached Silver would still be in Silver's grace.)
 */
export function heldTier(x: TierTables, qualified: Int16Array, base: number, t: number): number {
  const grace = x.grace;
  const q = qualified[base + t] as number;
  for (let k = grace.length - 1; k > q; k--) {
    const days = x.graceDays[k] as number;
    const from = days >= 0 ? firstWithinDays(x.periodEnd, t, days) : Math.max(0, t - (grace[k] as number));
    for (let s = from; s < t; s++) if ((qualified[base + s] as number) >= k) return k;
  }
  return q;
}

/** `grace_days`: the first evaluation whose period ends at most `days` days before evaluation t's end. */
function firstWithinDays(periodEnd: Int32Array, t: number, days: number): number {
  const since = (periodEnd[t] as number) - days;
  let s = t;
  while (s > 0 && (periodEnd[s - 1] as number) >= since) s--;
  return s;
}
