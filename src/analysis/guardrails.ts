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

export function evaluateGuardrails(program: Program, summary: RunSummary): GuardrailResult[] {
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

  if (g.max_cost !== undefined) max('max_cost', ['guardrails', 'max_cost'], 'money', summary.cost.total, g.max_cost);
  if (g.max_liability !== undefined) max('max_liability', ['guardrails', 'max_liability'], 'money', summary.cost.liability, g.max_liability);
  if (g.max_budget_share !== undefined) {
    max(
      'max_budget_share',
      ['guardrails', 'max_budget_share'],
      'share',
      summary.budget.used_share,
      g.max_budget_share,
      summary.budget.used_share === null ? 'the design has no (or a zero) budget to measure against' : undefined,
    );
  }
  for (const [tier, bounds] of Object.entries(g.tier_share ?? {})) {
    // A tier nobody holds has a 0 share; a tier the design lacks is a semantic error caught at load.
    const share = summary.tiers.find((t) => t.tier === tier)?.share ?? 0;
    if (bounds.min !== undefined) min(`tier_share.${tier}.min`, ['guardrails', 'tier_share', tier, 'min'], 'share', share, bounds.min);
    if (bounds.max !== undefined) max(`tier_share.${tier}.max`, ['guardrails', 'tier_share', tier, 'max'], 'share', share, bounds.max);
  }
  if (g.breakage?.min !== undefined) min('breakage.min', ['guardrails', 'breakage', 'min'], 'share', summary.points.breakage, g.breakage.min);
  if (g.breakage?.max !== undefined) max('breakage.max', ['guardrails', 'breakage', 'max'], 'share', summary.points.breakage, g.breakage.max);
  if (g.capacity_shortfall !== undefined) {
    // Units of different rewards do not add up (an MDF voucher is not a support hour): the
    // limit holds for each reward, so the measure is the largest shortfall of any one reward.
    let worst: { reward: string; shortfall: number } | undefined;
    for (const r of summary.rewards) if (worst === undefined || r.shortfall > worst.shortfall) worst = { reward: r.reward, shortfall: r.shortfall };
    const measured = worst?.shortfall ?? 0;
    max(
      'capacity_shortfall.max_units',
      ['guardrails', 'capacity_shortfall', 'max_units'],
      'units',
      measured,
      g.capacity_shortfall.max_units,
      worst !== undefined ? `${worst.reward} is short by ${worst.shortfall} units` : undefined,
    );
  }
  return results;
}
