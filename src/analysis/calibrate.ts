/**
 * Calibration, the inverse of a replay: given outcomes (`tiers.Gold.share = 10%`,
 * `budget.worst_year_share <= 100%`, `breakage = 15%`), find the design values that give
 * them. Each target is paired with one parameter (a threshold, an expiry, or one multiplier
 * over many weights) and the parameter is searched by bisection over replays: the
 * outcomes pointsmith calibrates are monotone in their parameter (a higher Gold threshold
 * never puts more partners in Gold; larger weights never cost less), and bisection needs
 * nothing else, costs log2(range / resolution) replays and, unlike a general optimiser
 * (none of the kept libraries has one that fits), never steps outside the bracket it
 * proved. Several pairs are searched in rounds (coordinate descent) until no value moves:
 * lowering the Gold threshold moves the Platinum share too.
 *
 * Pure: the caller supplies `measure`, which replays the design with some values changed
 * and reads the targets' metrics.
 */
import type { Metric } from './metrics.js';

export type TargetOp = '=' | '<=' | '>=';

export interface Target {
  readonly metric: Metric;
  readonly op: TargetOp;
  readonly value: number;
}

/** A design value to search: one or more paths set together (scaled together when `scale`). */
export interface Parameter {
  /** The `--set` paths, concrete (no globs), and their values in the design as written. */
  readonly paths: readonly { readonly path: string; readonly value: number }[];
  /** Searched as one multiplier of every path's value (1 = as written). */
  readonly scale: boolean;
  /** Whole numbers only (thresholds, months): the search moves in steps of 1. */
  readonly integer: boolean;
}

export interface CalibrationPair {
  readonly target: Target;
  readonly parameter: Parameter;
}

export interface PairResult {
  readonly target: Target;
  readonly parameter: Parameter;
  /** The multiplier (scale) or the value found. */
  readonly found: number;
  /** Each path's value with `found` applied. */
  readonly values: readonly { readonly path: string; readonly from: number; readonly to: number }[];
  /** The metric with every pair's value applied. */
  readonly achieved: number | null;
  /** Met: within its tolerance, or (for `=`) between this value's metric and its neighbour's. */
  readonly met: boolean;
  /** For an `=` target the parameter cannot hit exactly: the neighbouring value on the other side, and its metric. */
  readonly neighbour?: { readonly value: number; readonly metric: number };
}

export interface Calibration {
  readonly pairs: readonly PairResult[];
  readonly replays: number;
  readonly rounds: number;
  /** True when every target is met at once. */
  readonly met: boolean;
}

/** Replays with the given `path=value` changes and returns each target's metric, in pair order. */
export type Measure = (sets: ReadonlyArray<readonly [string, number]>) => readonly (number | null)[];

/** How close an `=` target must come to stop early, as a share of its value (or absolutely for 0). */
const TOLERANCE = 1e-4;
const MAX_ROUNDS = 6;
/** Bisection steps per search: 2^-40 of the bracket is below any figure's resolution. */
const MAX_STEPS = 40;

export function calibrate(pairs: readonly CalibrationPair[], measure: Measure): Calibration {
  const current = pairs.map((p) => (p.parameter.scale ? 1 : (p.parameter.paths[0]?.value ?? 0)));
  const neighbours: (Found['other'] | undefined)[] = pairs.map(() => undefined);
  let replays = 0;
  const setsFor = (values: readonly number[]): [string, number][] =>
    pairs.flatMap((p, i) => p.parameter.paths.map(({ path, value }): [string, number] => [path, applied(p.parameter, value, values[i] ?? 0)]));
  const run = (values: readonly number[]): readonly (number | null)[] => {
    replays++;
    return measure(setsFor(values));
  };

  let rounds = 0;
  for (; rounds < MAX_ROUNDS; rounds++) {
    let moved = false;
    pairs.forEach((pair, i) => {
      const f = (x: number): number | null => {
        const values = [...current];
        values[i] = x;
        return run(values)[i] ?? null;
      };
      const { x, other } = search(pair, current[i] ?? 0, f);
      neighbours[i] = other;
      if (x !== current[i]) {
        current[i] = x;
        moved = true;
      }
    });
    if (!moved) break;
  }
  const final = run(current);
  const results = pairs.map((pair, i): PairResult => {
    const found = current[i] ?? 0;
    const achieved = final[i] ?? null;
    const other = neighbours[i];
    // An `=` target between the metrics of two neighbouring values (expiry 21 or 24 months,
    // the next whole point of a threshold) is as close as the parameter can come.
    const between =
      pair.target.op === '=' && achieved !== null && other !== undefined && (achieved - pair.target.value) * (other.metric - pair.target.value) <= 0;
    return {
      target: pair.target,
      parameter: pair.parameter,
      found,
      values: pair.parameter.paths.map(({ path, value }) => ({ path, from: value, to: applied(pair.parameter, value, found) })),
      achieved,
      met: achieved !== null && (meets(pair.target, achieved) || between),
      ...(between && other !== undefined ? { neighbour: { value: applied(pair.parameter, pair.parameter.paths[0]?.value ?? 0, other.x), metric: other.metric } } : {}),
    };
  });
  return { pairs: results, replays, rounds: rounds + 1, met: results.every((r) => r.met) };
}

/**
 * A path's value for a parameter at x: x itself, or the value as written × x, to two
 * decimals (a design reads `12.35` points, not `12.3456789`; the metric then moves in
 * steps, which bisection does not mind).
 */
function applied(parameter: Parameter, written: number, x: number): number {
  if (!parameter.scale) return x;
  const v = Math.round(written * x * 100) / 100;
  return parameter.integer ? Math.round(v) : v;
}

export function meets(target: Target, value: number): boolean {
  const slack = Math.abs(target.value) * 1e-9;
  if (target.op === '<=') return value <= target.value + slack;
  if (target.op === '>=') return value >= target.value - slack;
  return Math.abs(value - target.value) <= Math.max(Math.abs(target.value) * TOLERANCE, 1e-12);
}

/** A search's outcome: the value, and when the target lies between two neighbouring values, the other one. */
interface Found {
  readonly x: number;
  /** The neighbour on the other side of the target (its value and metric), when the search ended between two. */
  readonly other?: { readonly x: number; readonly metric: number };
}

/**
 * One parameter against its target, the others held: bracket the crossing of f(x) and the
 * target by stepping away from the start both ways, each step twice the last (from 1/16 of
 * the start, or 1 for whole numbers), then bisect. Returns the value whose metric is
 * closest to the target (for `=`), or the value nearest the crossing on the side that
 * meets it (for `<=` and `>=`); the start when nothing moves the metric.
 */
function search(pair: CalibrationPair, start: number, f: (x: number) => number | null): Found {
  const { target, parameter } = pair;
  const step = parameter.integer ? 1 : 0;
  const snap = (x: number): number => (parameter.integer ? Math.round(x) : x);
  // The value explored whose metric came closest, for a target no value reaches.
  let best = { x: start, miss: Infinity };
  const gap = (x: number): number | null => {
    const v = f(x);
    if (v === null) return null;
    const miss = target.op === '=' ? Math.abs(v - target.value) : meets(target, v) ? 0 : Math.abs(v - target.value);
    if (miss < best.miss) best = { x, miss };
    return v - target.value;
  };
  const g0 = gap(start);
  if (g0 === null || g0 === 0) return { x: start };
  if (target.op === '=' && meets(target, g0 + target.value)) return { x: start };

  // Bracket: the gap changes sign between lo and hi. Parameters are non-negative
  // (thresholds, months, multipliers), so the search stays at or above 0.
  let lo = start;
  let glo = g0;
  let hi = start;
  let ghi = g0;
  let found = false;
  let up = parameter.integer ? Math.max(1, Math.round(Math.abs(start) / 16)) : Math.max(Math.abs(start) / 16, 1e-6);
  let above = start;
  let below = start;
  let belowDone = false;
  for (let i = 0; i < 24 && !found; i++, up *= 2) {
    const higher = snap(start + up);
    const gh = gap(higher);
    if (gh !== null && Math.sign(gh) !== Math.sign(g0)) {
      // Between the last step that kept the sign and this one.
      lo = above;
      glo = above === start ? g0 : (gap(above) ?? g0);
      hi = higher;
      ghi = gh;
      found = true;
      break;
    }
    above = higher;
    if (belowDone) continue;
    const lower = snap(Math.max(0, start - up));
    if (lower <= 0) belowDone = true;
    if (lower === below) continue;
    const gl = gap(lower);
    if (gl !== null && Math.sign(gl) !== Math.sign(g0)) {
      lo = lower;
      glo = gl;
      hi = below;
      ghi = below === start ? g0 : (gap(below) ?? g0);
      found = true;
      break;
    }
    below = lower;
  }
  // No value on either side crosses the target: the closest one explored (the best compromise).
  if (!found) return { x: best.x };

  for (let i = 0; i < MAX_STEPS && Math.abs(hi - lo) > Math.max(step, Math.abs(hi) * 1e-9); i++) {
    const mid = snap((lo + hi) / 2);
    if (mid === lo || mid === hi) break;
    const gm = gap(mid);
    if (gm === null) break;
    if (gm === 0) return { x: mid };
    if (Math.sign(gm) === Math.sign(glo)) {
      lo = mid;
      glo = gm;
    } else {
      hi = mid;
      ghi = gm;
    }
  }
  // The two ends straddle the target: the closer one for `=`, the one that meets it otherwise;
  // the value as written when the chosen end gives the same metric (nothing to change).
  const pickLo = target.op === '=' ? Math.abs(glo) <= Math.abs(ghi) : meets(target, glo + target.value);
  const [x, gx, y, gy] = pickLo ? [lo, glo, hi, ghi] : [hi, ghi, lo, glo];
  return { x: gx === g0 ? start : x, other: { x: y, metric: gy + target.value } };
}
