/**
 * Monte Carlo of redemption behaviour: the same design and history replayed N times,
 * each partner drawing whole reward units per period from its segment's rate and mix
 * (the replay's monte-carlo mode), with one seeded generator shared by the runs in
 * order, so the same seed gives the same numbers.
 *
 * Reported per measure: the expected-value run (the deterministic replay, for reference),
 * the mean and the P10 / P50 / P90 over the runs (linear interpolation, R type 7); and the
 * probability that a reward's capacity, or the budget, is exceeded in at least one period.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { mean, quantileSorted } from 'simple-statistics';
import type { Ledger } from '../engine/ledger.js';
import { roundMetric, type MetricKind } from './metrics.js';
import { summarize } from './summary.js';
import { roundShare, type RunSummary } from './summary-types.js';

export interface SimulatedMeasure {
  /** `cost.total`, `cost.rewards`, `liability`, `rewards.<id>.units`. */
  readonly name: string;
  readonly kind: MetricKind;
  /** The expected-value (deterministic) replay's value. */
  readonly expected: number;
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface ExceedanceRisk {
  /** `rewards.<id>.capacity` or `budget`. */
  readonly name: string;
  /** Share of runs in which it is exceeded in at least one period. */
  readonly probability: number;
  /** Whether the expected-value run exceeds it in some period. */
  readonly expected: boolean;
}

export interface SimulationReport {
  readonly program: string;
  readonly currency: string;
  readonly runs: number;
  readonly seed: number;
  readonly measures: readonly SimulatedMeasure[];
  readonly risks: readonly ExceedanceRisk[];
}

/** What one run contributes: its measures and which limits it crossed. */
interface RunOutcome {
  readonly values: Map<string, number>;
  readonly exceeded: Set<string>;
}

export interface SimulationOptions {
  readonly runs: number;
  readonly seed: number;
  /** Called after each run with the number done (for a progress bar). */
  readonly onRun?: (done: number) => void;
}

/**
 * `replayRun(random)` replays in monte-carlo mode with the given uniform [0, 1) source;
 * `expected` is the expected-value replay of the same design.
 */
export function simulate(expected: Ledger, replayRun: (random: () => number) => Ledger, options: SimulationOptions): SimulationReport {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new RangeError('runs must be a positive integer');
  const rng = xoroshiro128plus(options.seed);
  const random = (): number => uniformFloat64(rng);
  const expectedSummary = summarize(expected);
  const base = outcome(expected, expectedSummary);
  const names = measureNames(expected);
  const samples = new Map<string, number[]>(names.map((n) => [n.name, []]));
  const exceedCounts = new Map<string, number>(riskNames(expected).map((n) => [n, 0]));
  for (let run = 0; run < options.runs; run++) {
    const ledger = replayRun(random);
    const result = outcome(ledger, summarize(ledger));
    for (const { name } of names) samples.get(name)?.push(result.values.get(name) ?? 0);
    for (const name of result.exceeded) exceedCounts.set(name, (exceedCounts.get(name) ?? 0) + 1);
    options.onRun?.(run + 1);
  }
  const measures = names.map(({ name, kind }) => {
    const sorted = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
    return {
      name,
      kind,
      expected: roundMetric(kind, base.values.get(name) ?? 0),
      mean: roundMetric(kind, mean(sorted)),
      p10: roundMetric(kind, quantileSorted(sorted, 0.1)),
      p50: roundMetric(kind, quantileSorted(sorted, 0.5)),
      p90: roundMetric(kind, quantileSorted(sorted, 0.9)),
    };
  });
  const risks = [...exceedCounts].map(([name, count]) => ({ name, probability: roundShare(count / options.runs), expected: base.exceeded.has(name) }));
  return {
    program: expectedSummary.program.name,
    currency: expectedSummary.program.currency,
    runs: options.runs,
    seed: options.seed,
    measures,
    risks,
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

/** Rewards with a capacity, then the budget when the design has one. */
function riskNames(ledger: Ledger): string[] {
  const names: string[] = [];
  const R = ledger.rewardIds.length;
  ledger.rewardIds.forEach((id, r) => {
    const limited = ledger.periods.some((_, t) => Number.isFinite(ledger.rewardCapacity[t * R + r] ?? Infinity));
    if (limited) names.push(`rewards.${id}.capacity`);
  });
  if (ledger.program.budget !== undefined) names.push('budget');
  return names;
}

function outcome(ledger: Ledger, summary: RunSummary): RunOutcome {
  const values = new Map<string, number>([
    ['cost.total', summary.cost.total],
    ['cost.rewards', summary.cost.rewards],
    ['liability', summary.cost.liability],
  ]);
  for (const r of summary.rewards) values.set(`rewards.${r.reward}.units`, r.units);

  const exceeded = new Set<string>();
  const R = ledger.rewardIds.length;
  const T = ledger.periods.length;
  ledger.rewardIds.forEach((id, r) => {
    for (let t = 0; t < T; t++) if ((ledger.rewardShortfall[t * R + r] ?? 0) > 0) exceeded.add(`rewards.${id}.capacity`);
  });
  // The budget of one period: the span's budget spread evenly over its periods.
  const budget = summary.budget.amount;
  if (budget !== null && T > 0) {
    const perPeriod = budget / T;
    const costs = periodCosts(ledger);
    // A cent of tolerance: summed floating-point costs must not "exceed" a budget they equal.
    if (costs.some((c) => c > perPeriod + 0.005)) exceeded.add('budget');
  }
  return { values, exceeded };
}

/** Cost of each period: rewards at vendor cost, tier benefits and discounts. */
export function periodCosts(ledger: Ledger): number[] {
  const R = ledger.rewardIds.length;
  const T = ledger.periods.length;
  const P = ledger.partners.length;
  const vendorCost = ledger.rewardIds.map((id) => ledger.program.rewards.find((r) => r.id === id)?.vendor_cost ?? 0);
  const costs = new Array<number>(T).fill(0);
  for (let t = 0; t < T; t++) {
    let cost = 0;
    for (let r = 0; r < R; r++) cost += (ledger.rewardUnits[t * R + r] ?? 0) * (vendorCost[r] ?? 0);
    for (let p = 0; p < P; p++) cost += (ledger.benefitCost[p * T + t] ?? 0) + (ledger.discountCost[p * T + t] ?? 0);
    costs[t] = cost;
  }
  return costs;
}
