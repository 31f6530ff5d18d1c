/**
 * `init --history`: the Silver and Gold thresholds that put about the chosen shares of
 * partners in each tier at the last evaluation. The search is calibrate's (bisection over
 * replays, src/analysis/calibrate.ts); this module picks where it starts and what it aims at.
 *
 * The start is read off the history's percentiles: with the partners ranked by the points
 * their tier window holds at the last evaluation, Gold starts at the points of the last
 * partner inside the top `gold` share (rank ⌈gold × P⌉) and Silver at the last inside the
 * top `gold + silver`. Without grace or ties that start already gives the shares (a
 * threshold equal to a partner's points admits it), so calibrate only moves it when grace
 * periods, ties or requirements do.
 */
import type { Ledger } from '../engine/ledger.js';
import type { Program } from '../program/program.js';
import type { CalibrationPair, Calibration } from './calibrate.js';
import { isUnknownMetric, resolveMetric } from './metrics.js';

export interface TierShareGoal {
  readonly tier: string;
  /** Share of partners holding this tier (not this tier or above), 0..1. */
  readonly share: number;
}

export interface StarterThreshold {
  readonly tier: string;
  readonly target_share: number;
  /** Whole points: the threshold written. */
  readonly min_points: number;
  /** The tier's share at the last evaluation with every threshold found. */
  readonly share: number | null;
  /** Within calibrate's tolerance, or as close as whole points and the history's ties allow. */
  readonly met: boolean;
}

/** Start values, highest tier first as `goals` are; each at least 1 and below the one above it. */
export function startingThresholds(ledger: Ledger, goals: readonly TierShareGoal[]): number[] {
  const T = ledger.periods.length;
  const P = ledger.partners.length;
  const points = Array.from({ length: P }, (_, p) => (T === 0 ? 0 : (ledger.windowPoints[p * T + T - 1] ?? 0))).sort((a, b) => b - a);
  let above = 0;
  let ceiling = Infinity;
  return goals.map((goal) => {
    above += goal.share;
    const rank = Math.min(P, Math.max(1, Math.ceil(above * P - 1e-9)));
    const start = Math.min(Math.max(1, Math.ceil(points[rank - 1] ?? 1)), ceiling - 1);
    ceiling = start;
    return Math.max(1, start);
  });
}

/** One pair per goal: `tiers.NAME.share = goal` moved by `tiers.NAME.min_points`, from its start. */
export function thresholdPairs(program: Program, goals: readonly TierShareGoal[], starts: readonly number[]): CalibrationPair[] {
  return goals.map((goal, i) => {
    const metric = resolveMetric(`tiers.${goal.tier}.share`, program);
    if (isUnknownMetric(metric)) throw new Error(`starter design without tier ${goal.tier}`);
    return {
      target: { metric, op: '=', value: goal.share },
      parameter: { paths: [{ path: `tiers.${goal.tier}.min_points`, value: starts[i] ?? 1 }], scale: false, integer: true },
    };
  });
}

export function starterThresholds(goals: readonly TierShareGoal[], calibration: Calibration): StarterThreshold[] {
  return goals.map((goal, i) => {
    const pair = calibration.pairs[i];
    return { tier: goal.tier, target_share: goal.share, min_points: pair?.found ?? 0, share: pair?.achieved ?? null, met: pair?.met ?? false };
  });
}
