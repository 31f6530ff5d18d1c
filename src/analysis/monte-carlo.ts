/**
 * Monte Carlo of redemption: the same design and history replayed N times, run i being
 * draw i of the seed (see engine/redemption.ts): each partner redeems whole reward units
 * from the points it holds. The deterministic figures every other command prints are the
 * mean of draws 0..15 of seed 1 (EXPECTED_DRAWS), the same model, so `run` is what
 * `simulate --seed 1 --runs 16` averages, and lies inside the band of any larger run.
 *
 * Reported per measure: the expected figure (`run`'s), the mean and the P10 / P50 / P90
 * over the runs (linear interpolation, R type 7); and the share of runs in which a
 * reward's capacity (in any capacity window) or the budget (in any fiscal year, prorated
 * as `run` measures it) is exceeded.
 */
import type { SellerLedger } from '../engine/people/replay-sellers.js';
import type { WarmUp } from './warm-up.js';
import { mean, quantileSorted } from 'simple-statistics';
import type { Ledger } from '../engine/ledger.js';
import type { RedemptionDraws } from '../engine/redemption.js';
import { roundMetric, type MetricKind } from './metrics.js';
import { summarize } from './summary.js';
import { roundShare, wholeUnits, type RunSummary } from './summary-types.js';

export interface SimulatedMeasure {
  /** `cost.total`, `cost.rewards`, `liability`, `rewards.<id>.units`. */
  readonly name: string;
  readonly kind: MetricKind;
  /** The expected figure: what `run` prints (the mean of the replay's redemption draws). */
  readonly expected: number;
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface ExceedanceRisk {
  /** `rewards.<id>.capacity` or `budget`. */
  readonly name: string;
  /** Share of runs in which it is exceeded in at least one window (capacity) or fiscal year (budget). */
  readonly probability: number;
  /** Whether the expected figures exceed it (an expected capacity shortfall above 0, a year over its budget). */
  readonly expected: boolean;
}

export interface SimulationReport {
  readonly program: string;
  readonly currency: string;
  readonly runs: number;
  readonly seed: number;
  readonly measures: readonly SimulatedMeasure[];
  readonly risks: readonly ExceedanceRisk[];
  /** The warm-up periods of the replay (no `launch:`; src/analysis/warm-up.ts), null with a launch state. */
  readonly warmUp: WarmUp | null;
  /**
   * Every run's cost.total and liability, low to high, rounded as the measures are: what
   * the HTML report draws the spread from (the JSON keeps the percentiles only).
   */
  readonly distributions: readonly RunDistribution[];
}

/** One measure's value in every run, sorted ascending. */
export interface RunDistribution {
  readonly name: 'cost.total' | 'liability';
  readonly values: readonly number[];
}

/** The measures whose runs are kept for drawing: the two money figures finance asks about first. */
const DRAWN: readonly RunDistribution['name'][] = ['cost.total', 'liability'];

export interface SimulationOptions {
  readonly runs: number;
  readonly seed: number;
  /** Called after each run with the number done (for a progress bar). */
  readonly onRun?: (done: number) => void;
}

/** What one run contributes: its summary and which limits it crossed. */
export interface SimulatedRun {
  readonly summary: RunSummary;
  readonly exceeded: ReadonlySet<string>;
}

/**
 * The runs themselves: `replayRun(draws)` replays with one draw (`{ seed, first: i, count: 1, family: runs }`),
 * typically `replayRedemption` on a scored ledger. For `simulate` and `check --at`.
 */
/** A run's firm ledger with, for a design with `individuals:`, its seller ledger under the same draws. */
export interface DrawnLedgers {
  readonly ledger: Ledger;
  readonly sellers: SellerLedger | undefined;
}

function drawn(value: Ledger | DrawnLedgers): DrawnLedgers {
  return 'ledger' in value ? value : { ledger: value, sellers: undefined };
}

export function simulateRuns(replayRun: (draws: RedemptionDraws) => Ledger | DrawnLedgers, options: SimulationOptions): SimulatedRun[] {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError('runs must be a positive integer');
  const runs: SimulatedRun[] = [];
  for (let i = 0; i < options.runs; i++) {
    const { ledger, sellers } = drawn(replayRun({ seed: options.seed, first: i, count: 1, family: options.runs }));
    const summary = summarize(ledger, { sellers });
    runs.push({ summary, exceeded: exceededLimits(ledger, summary) });
    options.onRun?.(i + 1);
  }
  return runs;
}

/** The simulation: `options.runs` draws (see simulateRuns) summed up beside the expected ledger (`run`'s). */
export function simulate(expected: Ledger | DrawnLedgers, replayRun: (draws: RedemptionDraws) => Ledger | DrawnLedgers, options: SimulationOptions): SimulationReport {
  return simulationReport(expected, simulateRuns(replayRun, options), options);
}

/** The report of runs made by simulateRuns, beside the expected ledger (`run`'s). */
export function simulationReport(expectedRun: Ledger | DrawnLedgers, runs: readonly SimulatedRun[], options: { readonly runs: number; readonly seed: number }): SimulationReport {
  const { ledger: expected, sellers } = drawn(expectedRun);
  const expectedSummary = summarize(expected, { sellers });
  const names = measureNames(expected);
  const measures = names.map(({ name, kind }) => {
    const sorted = runs.map((r) => measureOf(r.summary, name)).sort((a, b) => a - b);
    return {
      name,
      kind,
      expected: roundMetric(kind, measureOf(expectedSummary, name)),
      mean: roundMetric(kind, mean(sorted)),
      p10: roundMetric(kind, quantileSorted(sorted, 0.1)),
      p50: roundMetric(kind, quantileSorted(sorted, 0.5)),
      p90: roundMetric(kind, quantileSorted(sorted, 0.9)),
    };
  });
  const expectedExceeded = exceededLimits(expected, expectedSummary);
  const risks = riskNames(expected).map((name) => ({
    name,
    probability: roundShare(runs.filter((r) => r.exceeded.has(name)).length / runs.length),
    expected: expectedExceeded.has(name),
  }));
  return {
    program: expectedSummary.program.name,
    currency: expectedSummary.program.currency,
    runs: options.runs,
    seed: options.seed,
    measures,
    risks,
    warmUp: expectedSummary.warm_up,
    distributions: DRAWN.map((name) => ({ name, values: runs.map((r) => roundMetric('money', measureOf(r.summary, name))).sort((a, b) => a - b) })),
  };
}

function measureNames(ledger: Ledger): { name: string; kind: MetricKind }[] {
  return [
    { name: 'cost.total', kind: 'money' },
    { name: 'cost.rewards', kind: 'money' },
    { name: 'liability', kind: 'money' },
    ...ledger.rewardIds.map((id) => ({ name: `rewards.${id}.units`, kind: 'units' as const })),
  ];
}

/** A measure of a summary; reward units as the expectation (each run's are whole already). */
function measureOf(summary: RunSummary, name: string): number {
  if (name === 'cost.total') return summary.cost.total;
  if (name === 'cost.rewards') return summary.cost.rewards;
  if (name === 'liability') return summary.cost.liability;
  const id = name.slice('rewards.'.length, -'.units'.length);
  return summary.rewards.find((r) => r.reward === id)?.expected_units ?? 0;
}

/** Rewards with a capacity, then the budget when the design has one. */
function riskNames(ledger: Ledger): string[] {
  const names: string[] = [];
  ledger.rewardIds.forEach((id, r) => {
    if (ledger.capacity.some((w) => w.reward === r)) names.push(`rewards.${id}.capacity`);
  });
  if (ledger.program.budget !== undefined) names.push('budget');
  return names;
}

/**
 * Limits a ledger crosses: a reward whose demand exceeds its capacity in some window (in
 * an averaged ledger, whose expected shortfall rounds to a unit or more), the budget when some fiscal
 * year spends more than its prorated budget (or, for a `per: program` budget, the span).
 */
function exceededLimits(ledger: Ledger, summary: RunSummary): Set<string> {
  const exceeded = new Set<string>();
  // Rounded as `run` shows it: an averaged ledger is over when its expected shortfall reads as a unit or more.
  for (const w of ledger.capacity) if (wholeUnits(w.shortfall) > 0) exceeded.add(`rewards.${ledger.rewardIds[w.reward] ?? ''}.capacity`);
  const b = summary.budget;
  const share = b.per === 'program' ? b.used_share : b.worst_year_share;
  if (share !== null && share > 1) exceeded.add('budget');
  return exceeded;
}
