/**
 * One-at-a-time sensitivity (a tornado) and parameter sweeps. This module only plans the
 * variants (which `path=value` changes to replay) and reads their results back; whoever
 * runs the replays (in process, or on worker threads) stays outside it.
 *
 * Tornado: every numeric weight matched by the `--vary` patterns is moved to ×(1−X) and
 * ×(1+X), one at a time, the rest of the design as written. A weight's impact is the width
 * of its bar: from the smallest to the largest of its low, base and high metric values.
 * Elasticity = (Δmetric / metric) / (Δweight / weight), averaged over the two sides.
 */
import { PeopleHistory, replaySellers } from '../engine/people/replay-sellers.js';
import { DiagnosticError } from '../diagnostics/diagnostic.js';
import type { ReplayArena } from '../engine/ledger-arrays.js';
import { compile } from '../engine/compile.js';
import type { PreparedHistory } from '../engine/prepare.js';
import { replayCompiled } from '../engine/replay.js';
import { applyOverrides } from '../program/overrides.js';
import { findPaths, parseSetValue, resolveSetPath } from '../program/paths.js';
import type { Program } from '../program/program.js';
import { roundMetric, type Metric, type MetricKind } from './metrics.js';
import { summarize } from './summary.js';
import { roundShare } from './summary-types.js';

/** What `sensitivity` varies when `--vary` is not given: every points weight and every multiplier factor. */
export const DEFAULT_VARY: readonly string[] = [
  'activities.*.points',
  'activities.*.points_per.points',
  'activities.*.steps.*.points',
  'activities.*.multipliers.*.*',
];

export interface Weight {
  readonly path: string;
  readonly value: number;
}

export interface PatternProblem {
  readonly pattern: string;
  readonly message: string;
  readonly hint?: string;
}

/** A set of `path=value` changes to replay; applied over the design (and its --set / --scenario). */
export type SetList = readonly (readonly [string, unknown])[];

/**
 * The numeric weights the patterns match, in pattern then document order, each path once.
 * Default patterns may match nothing (a design without step tables); a pattern the user
 * gave must match at least one number.
 */
export function listWeights(data: unknown, patterns: readonly string[], options: { strict: boolean }): { weights: Weight[]; problems: PatternProblem[] } {
  const weights: Weight[] = [];
  const seen = new Set<string>();
  const problems: PatternProblem[] = [];
  for (const pattern of patterns) {
    const matches = findPaths(data, pattern);
    let numeric = 0;
    for (const m of matches) {
      if (typeof m.value !== 'number') continue;
      numeric++;
      if (seen.has(m.path)) continue;
      seen.add(m.path);
      weights.push({ path: m.path, value: m.value });
    }
    if (!options.strict || numeric > 0) continue;
    if (matches.length > 0) {
      problems.push({ pattern, message: `--vary \`${pattern}\` matches ${matches.length} value(s) but no number`, hint: 'vary numeric weights, e.g. activities.*.points' });
    } else {
      const { problem } = resolveSetPath(data, pattern);
      problems.push({
        pattern,
        message: `--vary ${problem?.message ?? `\`${pattern}\` matches nothing`}`,
        ...(problem?.hint !== undefined ? { hint: problem.hint } : {}),
      });
    }
  }
  return { weights, problems };
}

export interface TornadoVariant {
  readonly weight: Weight;
  readonly side: 'low' | 'high';
  readonly sets: SetList;
}

/**
 * Two variants per weight, low then high, in the weights' order. A weight of 0 stays 0
 * either way: it gets no replay (its low and high are the base).
 */
export function planTornado(weights: readonly Weight[], by: number): TornadoVariant[] {
  const plan: TornadoVariant[] = [];
  for (const weight of weights) {
    if (weight.value === 0) continue;
    plan.push({ weight, side: 'low', sets: [[weight.path, weight.value * (1 - by)]] });
    plan.push({ weight, side: 'high', sets: [[weight.path, weight.value * (1 + by)]] });
  }
  return plan;
}

export interface TornadoRow {
  readonly path: string;
  readonly weight: number;
  readonly weightLow: number;
  readonly weightHigh: number;
  /** The metric with the weight at ×(1−by) and ×(1+by); null when the run cannot measure it. */
  readonly low: number | null;
  readonly high: number | null;
  /** max(low, base, high) − min(low, base, high). */
  readonly impact: number;
  /** Average of the two sides' (Δm/m)/(Δw/w); null when the base metric or the weight is 0. */
  readonly elasticity: number | null;
}

export interface TornadoReport {
  readonly metric: string;
  readonly kind: MetricKind;
  readonly by: number;
  readonly base: number | null;
  /** By impact, largest first; ties by path. */
  readonly rows: readonly TornadoRow[];
}

/** Every weight, ranked; results[i] is the metric of plan[i] (weights of 0 are not in the plan). */
export function buildTornado(
  metric: { name: string; kind: MetricKind },
  by: number,
  base: number | null,
  weights: readonly Weight[],
  plan: readonly TornadoVariant[],
  results: readonly (number | null)[],
): TornadoReport {
  const measured = new Map<string, { low: number | null; high: number | null }>();
  plan.forEach((variant, i) => {
    const entry = measured.get(variant.weight.path) ?? { low: null, high: null };
    entry[variant.side] = results[i] ?? null;
    measured.set(variant.weight.path, entry);
  });
  const rows: TornadoRow[] = [];
  for (const w of weights) {
    const m = measured.get(w.path);
    const low = m === undefined ? base : m.low;
    const high = m === undefined ? base : m.high;
    const known = [low, base, high].filter((v): v is number => v !== null);
    const impact = known.length > 0 ? Math.max(...known) - Math.min(...known) : 0;
    let elasticity: number | null = null;
    if (base !== null && base !== 0 && w.value !== 0 && by !== 0 && low !== null && high !== null) {
      const lowSide = (low - base) / base / -by;
      const highSide = (high - base) / base / by;
      elasticity = roundShare((lowSide + highSide) / 2);
    }
    rows.push({
      path: w.path,
      weight: w.value,
      weightLow: roundShare(w.value * (1 - by)),
      weightHigh: roundShare(w.value * (1 + by)),
      low,
      high,
      impact: roundMetric(metric.kind, impact),
      elasticity,
    });
  }
  rows.sort((a, b) => b.impact - a.impact || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { metric: metric.name, kind: metric.kind, by, base, rows };
}

export interface Sweep {
  readonly path: string;
  readonly values: readonly (string | number | boolean | null)[];
}

/** `path=v1,v2,...` → the sweep, or why it is not one. */
export function parseSweep(arg: string): Sweep | PatternProblem {
  const eq = arg.indexOf('=');
  const path = eq < 0 ? '' : arg.slice(0, eq).trim();
  const list = eq < 0 ? '' : arg.slice(eq + 1);
  const values = list.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (path === '' || values.length === 0) {
    return { pattern: arg, message: `--sweep ${JSON.stringify(arg)}: expected path=v1,v2,...`, hint: 'e.g. --sweep activities.deal_closed.points=20,40,60' };
  }
  return { path, values: values.map(parseSetValue) };
}

export function isPatternProblem<T>(value: T | PatternProblem): value is PatternProblem {
  return typeof value === 'object' && value !== null && 'message' in value;
}

export interface SweepVariant {
  /** One value per sweep, in the sweeps' order. */
  readonly coords: readonly (string | number | boolean | null)[];
  readonly sets: SetList;
}

/** The grid of every combination, the last sweep varying fastest. */
export function planSweep(sweeps: readonly Sweep[]): SweepVariant[] {
  let grid: (string | number | boolean | null)[][] = [[]];
  for (const sweep of sweeps) grid = grid.flatMap((coords) => sweep.values.map((v) => [...coords, v]));
  return grid.map((coords) => ({ coords, sets: coords.map((v, i) => [sweeps[i]?.path ?? '', v] as const) }));
}

export interface SweepReport {
  readonly paths: readonly string[];
  readonly metrics: readonly { name: string; kind: MetricKind }[];
  /** One per grid point: its coordinates and each metric's value. */
  readonly rows: readonly { coords: readonly (string | number | boolean | null)[]; values: readonly (number | null)[] }[];
}

export function buildSweep(
  sweeps: readonly Sweep[],
  metrics: readonly { name: string; kind: MetricKind }[],
  plan: readonly SweepVariant[],
  results: readonly (readonly (number | null)[])[],
): SweepReport {
  return {
    paths: sweeps.map((s) => s.path),
    metrics,
    rows: plan.map((variant, i) => ({ coords: variant.coords, values: results[i] ?? metrics.map(() => null) })),
  };
}

/** `20%`, `20` or `0.2` → 0.2. Percent sign or a number above 1 reads as percent. */
export function parseBy(text: string): number | PatternProblem {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const number = Number(percent ? trimmed.slice(0, -1) : trimmed);
  if (trimmed === '' || !Number.isFinite(number) || number <= 0) {
    return { pattern: text, message: `--by ${JSON.stringify(text)}: expected a positive percentage such as 20%` };
  }
  const share = percent || number >= 1 ? number / 100 : number;
  if (share >= 1) return { pattern: text, message: `--by ${text}: must be below 100% (a weight cannot go negative)`, hint: 'e.g. --by 20%' };
  return share;
}


/**
 * Replays the base design with one variant's changes and reads the metrics. The changed
 * design is validated again; a change that makes it invalid throws a DiagnosticError.
 * `arena`: the replay's arrays are reused from the previous variant's (one thread's loop
 * of variants); safe because the ledger never leaves this function, only its metrics.
 */
export function replayVariant(
  base: Program,
  file: string,
  sets: SetList,
  history: PreparedHistory,
  metrics: readonly Metric[],
  arena?: ReplayArena,
  people?: PeopleHistory,
): (number | null)[] {
  const { program, diagnostics } = applyOverrides(base, { sets }, file);
  if (program === undefined) throw new DiagnosticError(diagnostics.filter((d) => d.severity === 'error'));
  // Only totals are read: skip the per-rule breakdown arrays.
  const sellers = people === undefined ? undefined : replaySellers(program, people, { detail: false });
  const summary = summarize(replayCompiled(compile(program, history), { detail: false, ...(arena !== undefined ? { arena } : {}) }), { sellers });
  return metrics.map((m) => m.read(summary));
}
