/**
 * Where `check` measures its guardrails: on the expectation every other command prints
 * (`mean`, the default), or at a percentile of the Monte Carlo of redemption (`p50`,
 * `p90`, `p95`) — each limit on its unfavourable side: a maximum (cost, liability, budget
 * share, a tier's top share, a capacity shortfall) at the upper percentile, a minimum (a
 * tier's bottom share, least breakage) at the lower one (P10 for `--at p90`).
 *
 * The percentile of a figure is taken over the runs figure by figure (R type 7, as
 * `simulate` does), so `check --at p90 --runs N --seed S` measures cost.total at exactly
 * the P90 that `simulate --runs N --seed S` prints.
 */
import { quantileSorted } from 'simple-statistics';
import { wholeUnits, type RunSummary } from './summary-types.js';

export const CHECK_AT = ['mean', 'p50', 'p90', 'p95'] as const;
export type CheckAt = (typeof CHECK_AT)[number];

/** The upper quantile of a percentile choice (null for `mean`). */
export function quantileOf(at: CheckAt): number | null {
  return at === 'mean' ? null : Number(at.slice(1)) / 100;
}

/**
 * A summary whose every number is the q-quantile of that number over the runs (which
 * share one design, so one shape); texts come from the first run. Reward units and
 * shortfalls stay whole, as people read them; the worst budget year is the year whose
 * quantiled share is largest.
 */
export function quantileSummary(runs: readonly RunSummary[], q: number): RunSummary {
  const first = runs[0];
  if (first === undefined) throw new RangeError('quantileSummary needs at least one run');
  const at = (path: readonly (string | number)[]): unknown[] => runs.map((run) => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], run));
  const walk = (node: unknown, path: (string | number)[]): unknown => {
    if (typeof node === 'number') {
      const values = at(path).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
      const value = values.length === 0 ? node : quantileSorted(values, q);
      const key = path[path.length - 1];
      return key === 'units' || key === 'shortfall' ? wholeUnits(value) : value;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, [...path, key])]));
    }
    return node;
  };
  const summary = walk(first, []) as RunSummary;
  let worst: { year: string; share: number } | undefined;
  for (const y of summary.budget.by_year) if (y.used_share !== null && (worst === undefined || y.used_share > worst.share)) worst = { year: y.year, share: y.used_share };
  summary.budget.worst_year = worst?.year ?? null;
  return summary;
}
