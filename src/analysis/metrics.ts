/**
 * Named metrics read from a RunSummary: what `sensitivity --metric`, `--sweep` and the
 * Monte Carlo report measure. A name is either fixed (`cost.total`, `liability`,
 * `points.earned`...) or names a tier or a reward of the design
 * (`tiers.Gold.share`, `rewards.mdf_1000.units`), so it is resolved against the program
 * before any replay: a typo fails at once, with a did-you-mean.
 */
import { suggestion } from '../diagnostics/did-you-mean.js';
import type { Program } from '../program/program.js';
import { roundPoints, roundShare, type RunSummary } from './summary-types.js';

/** How a metric's value reads: decides its rounding and its formatting in reports. */
export type MetricKind = 'money' | 'points' | 'share' | 'units' | 'count';

/** Shares to 4 decimals; points, money and units to 2 (the RunSummary's precision). */
export function roundMetric(kind: MetricKind, value: number): number {
  return kind === 'share' ? roundShare(value) : roundPoints(value);
}

export interface Metric {
  readonly name: string;
  readonly kind: MetricKind;
  /** The value in a summary; null when the summary cannot say (a budget share without a budget). */
  read(summary: RunSummary): number | null;
}

export interface UnknownMetric {
  readonly name: string;
  readonly message: string;
  readonly hint?: string;
}

const FIXED: readonly { name: string; kind: MetricKind; read: (s: RunSummary) => number | null }[] = [
  { name: 'cost.total', kind: 'money', read: (s) => s.cost.total },
  { name: 'cost.rewards', kind: 'money', read: (s) => s.cost.rewards },
  { name: 'cost.benefits', kind: 'money', read: (s) => s.cost.benefits },
  { name: 'cost.discounts', kind: 'money', read: (s) => s.cost.discounts },
  { name: 'cost.liability', kind: 'money', read: (s) => s.cost.liability },
  // The short name strategists use; the same number as cost.liability.
  { name: 'liability', kind: 'money', read: (s) => s.cost.liability },
  { name: 'points.earned', kind: 'points', read: (s) => s.points.earned },
  { name: 'points.redeemed', kind: 'points', read: (s) => s.points.redeemed },
  { name: 'points.expired', kind: 'points', read: (s) => s.points.expired },
  { name: 'points.clawed_back', kind: 'points', read: (s) => s.points.clawed_back },
  { name: 'points.outstanding', kind: 'points', read: (s) => s.points.outstanding },
  { name: 'points.debt', kind: 'points', read: (s) => s.points.debt },
  { name: 'points.breakage', kind: 'share', read: (s) => s.points.breakage },
  { name: 'breakage', kind: 'share', read: (s) => s.points.breakage },
  { name: 'budget.used_share', kind: 'share', read: (s) => s.budget.used_share },
  // The year that spends most of its budget: what a yearly limit must hold (see budget.ts).
  { name: 'budget.worst_year_share', kind: 'share', read: (s) => s.budget.worst_year_share },
  { name: 'partners', kind: 'count', read: (s) => s.partners },
];

/**
 * The seller programme's figures (`individuals:`), offered only by a design that has one:
 * null in a summary without sellers. Also the seller rows of `compare`.
 */
export const SELLER_METRICS: readonly { name: string; kind: MetricKind; read: (s: RunSummary) => number | null }[] = [
  { name: 'cost.sellers', kind: 'money', read: (s) => s.cost.sellers ?? null },
  { name: 'sellers.points.earned', kind: 'points', read: (s) => s.sellers?.points.earned ?? null },
  { name: 'sellers.points.redeemed', kind: 'points', read: (s) => s.sellers?.points.redeemed ?? null },
  { name: 'sellers.points.outstanding', kind: 'points', read: (s) => s.sellers?.points.outstanding ?? null },
  { name: 'sellers.cost.rewards', kind: 'money', read: (s) => s.sellers?.cost.rewards ?? null },
  { name: 'sellers.cost.total', kind: 'money', read: (s) => s.sellers?.cost.total ?? null },
  { name: 'sellers.cost.liability', kind: 'money', read: (s) => s.sellers?.cost.liability ?? null },
];

const TIER_FIELDS: Readonly<Record<string, MetricKind>> = { share: 'share', partners: 'count' };
const REWARD_FIELDS: Readonly<Record<string, MetricKind>> = {
  units: 'units',
  points: 'points',
  vendor_cost: 'money',
  shortfall: 'units',
};

/** Every metric name the design offers, in a stable order (fixed names, then tiers, then rewards). */
export function metricNames(program: Program): string[] {
  const names = FIXED.map((m) => m.name);
  if (program.individuals !== undefined) names.push(...SELLER_METRICS.map((m) => m.name));
  for (const tier of program.tiers) for (const field of Object.keys(TIER_FIELDS)) names.push(`tiers.${tier.name}.${field}`);
  for (const reward of program.rewards) for (const field of Object.keys(REWARD_FIELDS)) names.push(`rewards.${reward.id}.${field}`);
  return names;
}

export function isUnknownMetric(value: Metric | UnknownMetric): value is UnknownMetric {
  return 'message' in value;
}

/** The metric a name denotes in this design, or why there is none (with a did-you-mean). */
export function resolveMetric(name: string, program: Program): Metric | UnknownMetric {
  const fixed = FIXED.find((m) => m.name === name);
  if (fixed !== undefined) return fixed;
  const seller = program.individuals !== undefined ? SELLER_METRICS.find((m) => m.name === name) : undefined;
  if (seller !== undefined) return seller;
  const parts = name.split('.');
  if (parts.length >= 3 && (parts[0] === 'tiers' || parts[0] === 'rewards')) {
    // Names (tier and reward ids) could contain dots; the field is always the last segment.
    const field = parts[parts.length - 1] ?? '';
    const id = parts.slice(1, -1).join('.');
    if (parts[0] === 'tiers') {
      const kind = TIER_FIELDS[field];
      const tier = program.tiers.find((t) => t.name === id);
      if (kind !== undefined && tier !== undefined) {
        return {
          name,
          kind,
          read: (s) => {
            const row = s.tiers.find((t) => t.tier === id);
            return row === undefined ? 0 : field === 'share' ? row.share : row.partners;
          },
        };
      }
    } else {
      const kind = REWARD_FIELDS[field];
      const reward = program.rewards.find((r) => r.id === id);
      if (kind !== undefined && reward !== undefined) {
        return {
          name,
          kind,
          read: (s) => {
            const row = s.rewards.find((r) => r.reward === id);
            if (row === undefined) return 0;
            return field === 'units' ? row.units : field === 'points' ? row.points : field === 'vendor_cost' ? row.vendor_cost : row.shortfall;
          },
        };
      }
    }
  }
  const hint = suggestion(name, metricNames(program));
  return { name, message: `unknown metric \`${name}\``, ...(hint !== undefined ? { hint } : {}) };
}
