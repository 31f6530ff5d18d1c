/**
 * The design's `guardrails:` tested against a run: one result per limit, with the
 * measured value, the limit and whether it holds. What `check` reports and CI fails on.
 *
 * Every limit is inclusive: a measured value equal to its limit passes.
 */
import type { Program } from '../program/program.js';
import type { RunSummary } from './summary-types.js';
import type { MetricKind } from './metrics.js';

export interface GuardrailResult {
  /** Stable name, e.g. `max_cost`, `tier_share.Gold.max`, `breakage.min`, `capacity_shortfall.max_units`. */
  readonly name: string;
  /** Keys from the program root to the limit, for positions in the YAML (`['guardrails', 'max_cost']`). */
  readonly dataPath: readonly (string | number)[];
  readonly kind: MetricKind;
  /** What was measured; null when the run cannot measure it (a budget share without a budget). */
  readonly measured: number | null;
  readonly limit: number;
  /** `<=` for maxima, `>=` for minima. */
  readonly comparison: '<=' | '>=';
  readonly passed: boolean;
  /** Why it failed beyond the numbers (the reward that is short, a missing budget). */
  readonly note?: string;
}

/**
 * `summary` is what maxima are measured on; `low` (default: the same) what minima are:
 * `check --at p90` passes the runs' P90 summary and their P10 one, so every limit is
 * tested on its unfavourable side (see analysis/check-at.ts).
 */
export function evaluateGuardrails(program: Program, summary: RunSummary, low: RunSummary = summary): GuardrailResult[] {
  const g = program.guardrails;
  if (g === undefined) return [];
  const results: GuardrailResult[] = [];
  const max = (name: string, dataPath: (string | number)[], kind: MetricKind, measured: number | null, limit: number, note?: string): void => {
    const passed = measured !== null && measured <= limit;
    results.push({ name, dataPath, kind, measured, limit, comparison: '<=', passed, ...(note !== undefined && !passed ? { note } : {}) });
  };
  const min = (name: string, dataPath: (string | number)[], kind: MetricKind, measured: number | null, limit: number): void => {
    results.push({ name, dataPath, kind, measured, limit, comparison: '>=', passed: measured !== null && measured >= limit });
  };

  if (g.max_cost !== undefined) maxCost(summary, g.max_cost, results);
  if (g.max_liability !== undefined) max('max_liability', ['guardrails', 'max_liability'], 'money', summary.cost.liability, g.max_liability);
  if (g.max_budget_share !== undefined) budgetShare(summary, g.max_budget_share, results);
  for (const [tier, bounds] of Object.entries(g.tier_share ?? {})) {
    // A tier nobody holds has a 0 share; a tier the design lacks is a semantic error caught at load.
    const shareIn = (s: RunSummary): number => s.tiers.find((t) => t.tier === tier)?.share ?? 0;
    if (bounds.min !== undefined) min(`tier_share.${tier}.min`, ['guardrails', 'tier_share', tier, 'min'], 'share', shareIn(low), bounds.min);
    if (bounds.max !== undefined) max(`tier_share.${tier}.max`, ['guardrails', 'tier_share', tier, 'max'], 'share', shareIn(summary), bounds.max);
  }
  if (g.breakage?.min !== undefined) min('breakage.min', ['guardrails', 'breakage', 'min'], 'share', low.points.breakage, g.breakage.min);
  if (g.breakage?.max !== undefined) max('breakage.max', ['guardrails', 'breakage', 'max'], 'share', summary.points.breakage, g.breakage.max);
  if (g.capacity_shortfall !== undefined) {
    // Units of different rewards do not add up (an MDF voucher is not a support hour): the
    // limit holds for each reward, so the measure is the largest shortfall of any one
    // reward, and the note names every reward over the limit.
    const limit = g.capacity_shortfall.max_units;
    let worst = 0;
    for (const r of summary.rewards) worst = Math.max(worst, r.shortfall);
    const over = summary.rewards.filter((r) => r.shortfall > limit);
    const note = over.map((r) => `${r.reward} is short by ${r.shortfall} units${shortIn(r)}`).join('; ');
    max('capacity_shortfall.max_units', ['guardrails', 'capacity_shortfall', 'max_units'], 'units', worst, limit, note === '' ? undefined : note);
  }
  return results;
}

/**
 * `max_budget_share` holds for every year, not on average: a program that underspends
 * its first year and overspends its second by 8% is over budget. So the measure is the
 * worst year's share (partial years prorated, see budget.ts); for a `per: program`
 * budget, which has no years, the share over the whole span. The note names the year
 * and, when they differ, the span's average, passing or not: a CI reader sees which year.
 */
function budgetShare(summary: RunSummary, limit: number, results: GuardrailResult[]): void {
  const b = summary.budget;
  const dataPath = ['guardrails', 'max_budget_share'];
  const base = { name: 'max_budget_share', dataPath, kind: 'share' as const, limit, comparison: '<=' as const };
  if (b.used_share === null) {
    results.push({ ...base, measured: null, passed: false, note: 'the design has no (or a zero) budget to measure against' });
    return;
  }
  if (b.per === 'program' || b.worst_year_share === null || b.worst_year === null) {
    results.push({ ...base, measured: b.used_share, passed: b.used_share <= limit, note: 'over the whole program' });
    return;
  }
  const worst = b.by_year.find((y) => y.year === b.worst_year);
  const partial = worst !== undefined && worst.covered < 1 ? `, ${percent(worst.covered)} of it in the program, its budget prorated` : '';
  const years = b.by_year.length;
  const note = years === 1 ? `year ${b.worst_year}${partial}` : `worst of ${years} years: ${b.worst_year}${partial}; ${percent(b.used_share)} over the whole span`;
  results.push({ ...base, measured: b.worst_year_share, passed: b.worst_year_share <= limit, note });
}

/**
 * `max_cost` is a yearly limit, like the budget: each fiscal year's cost against the limit
 * prorated to the part of the year inside the program. The measure is the year with the
 * largest cost against its prorated limit; its cost is measured, its prorated limit shown.
 */
function maxCost(summary: RunSummary, limit: number, results: GuardrailResult[]): void {
  const base = { name: 'max_cost', dataPath: ['guardrails', 'max_cost'], kind: 'money' as const, comparison: '<=' as const };
  let worst: { year: RunSummary['budget']['by_year'][number]; ratio: number } | undefined;
  for (const year of summary.budget.by_year) {
    const prorated = limit * year.covered;
    const ratio = prorated > 0 ? year.cost / prorated : year.cost > 0 ? Infinity : 0;
    if (worst === undefined || ratio > worst.ratio) worst = { year, ratio };
  }
  if (worst === undefined) {
    results.push({ ...base, measured: summary.cost.total, limit, passed: summary.cost.total <= limit, note: 'no fiscal year replayed' });
    return;
  }
  const y = worst.year;
  const prorated = Math.round(limit * y.covered * 100) / 100;
  const years = summary.budget.by_year.length;
  const partial = y.covered < 1 ? `, ${percent(y.covered)} of it in the program, the yearly limit prorated` : '';
  const note = years === 1 ? `year ${y.year}${partial}` : `worst of ${years} years: ${y.year}${partial}`;
  results.push({ ...base, measured: y.cost, limit: prorated, passed: y.cost <= prorated, note });
}

/** ` in FY2026` or ` in 2025-Q1, 2025-Q2`: the capacity windows where a reward falls short. */
function shortIn(reward: RunSummary['rewards'][number]): string {
  const windows = reward.by_window.filter((w) => w.shortfall > 0).map((w) => w.window);
  return windows.length === 0 ? '' : ` in ${windows.join(', ')}`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
