/**
 * The transition report model: what `transition --format json` prints, and what the
 * Markdown, CSV and HTML renderers draw. Keys are snake_case because the model *is* the
 * JSON contract (add keys, never rename one). Numbers are plain JSON numbers: points to
 * 2 decimals, money to cents, shares to 4 decimals, rounded once when the model is built.
 *
 * Every list has a stable order: partners by id, legacy levels and tiers low to high as
 * the design lists them, segment and region groups by key.
 */
import type { DesignChange } from './design-versions.js';
import type { WarmUp } from './warm-up.js';
import type { DesignLabels } from './transition-labels.js';

/** Where a partner's legacy level came from. */
export type LegacySource = 'partners_file' | 'computed';

/** The new tier compared with the tier equivalent to the legacy level (`legacy.equivalent`). */
export type Movement = 'up' | 'same' | 'down' | 'unmapped';

export const MOVEMENTS: readonly Movement[] = ['up', 'same', 'down', 'unmapped'];

/** Shown when a partner has no legacy level or is below the lowest tier. */
export const NONE = '(none)';

export interface TransitionPartner {
  partner: string;
  name: string;
  segment: string;
  region: string;
  legacy_level: string;
  legacy_source: LegacySource;
  /** Sum of `amount` over the legacy fiscal year (whatever the source of the level). */
  legacy_revenue: number;
  /** Distinct people with the certified activity in the history. */
  legacy_certified: number;
  /** Tier of the new program equivalent to the legacy level; null when `legacy.equivalent` has none. */
  equivalent_tier: string | null;
  /** Tier at the last evaluation. */
  new_tier: string;
  movement: Movement;
  points_in_window: number;
  /** Tier after each evaluation, in period order. */
  tiers_by_period: string[];
  /** Yearly cost of the partner under the legacy levels (benefits + discounts on its revenue). */
  legacy_cost: number;
  /** Cost of the partner under the new program over the comparison year. */
  new_cost: number;
  at_risk: boolean;
}

export interface RequirementGap {
  kind: 'points' | 'category' | 'activity';
  /** Category or activity id; the tier name for `points`. */
  id: string;
  required: number;
  actual: number;
  short: number;
}

export interface PlanStep {
  activity: string;
  label: string;
  category: string;
  /** Whole occurrences to add (deals, webinars, certified people...). */
  occurrences: number;
  points_per_occurrence: number;
  /** Points the occurrences add, after caps. */
  points: number;
  /** How an occurrence was priced (e.g. "a deal of USD 42,000 with product saas"). */
  basis: string;
}

export interface GapPlan {
  steps: PlanStep[];
  /** False when the caps left too little headroom to close every gap with these activities. */
  closes_gap: boolean;
}

export interface AtRiskPartner {
  partner: string;
  name: string;
  segment: string;
  region: string;
  legacy_level: string;
  target_tier: string;
  new_tier: string;
  /** Holds `new_tier` at the last evaluation only thanks to a grace period. */
  in_grace: boolean;
  /** Holds `new_tier` at the last evaluation only thanks to the launch state (`launch.grandfather`, until `launch.until`). */
  grandfathered: boolean;
  points_in_window: number;
  /** Points the target tier needs for this partner (regional thresholds applied). */
  threshold: number;
  points_short: number;
  /** Every unmet condition of the target tier: points, category minimums, activity counts. */
  gaps: RequirementGap[];
  plan: GapPlan;
}

export interface MovementCount {
  partners: number;
  share: number;
}

export interface MigrationMatrix {
  /** Rows: legacy levels low to high, then `(none)` and unknown levels from the partners file when present. */
  legacy_levels: string[];
  /** Columns: tiers low to high, then `(none)` when someone is below the lowest tier. */
  tiers: string[];
  /** counts[row][column]. */
  counts: number[][];
  /** counts / partners of the row (0 for an empty row). */
  row_shares: number[][];
}

export interface GroupTransition {
  key: string;
  partners: number;
  up: number;
  same: number;
  down: number;
  unmapped: number;
  at_risk: number;
  legacy_cost: number;
  new_cost: number;
}

export interface TierBeforeAfter {
  tier: string;
  /** Partners whose legacy level is equivalent to this tier. */
  before: number;
  /** Partners in this tier at the last evaluation. */
  after: number;
}

export interface CostComparison {
  /** The days the costs are summed over: the last year of the replay, clipped to the program's dates. */
  from: string;
  to: string;
  periods: string[];
  legacy: { benefits: number; discounts: number; total: number };
  new: { rewards: number; benefits: number; discounts: number; total: number };
  /** new.total - legacy.total. */
  difference: number;
  /** difference / legacy.total; null when the legacy cost is 0. */
  difference_share: number | null;
}

export interface TransitionReport {
  format_version: 1;
  program: { name: string; currency: string };
  partners: number;
  /** Label of the last evaluation. */
  evaluated_at: string;
  legacy: {
    /** `partners_file`, `computed`, or `mixed` when some partners had a level in the file and others not. */
    source: LegacySource | 'mixed';
    /** The fiscal year whose revenue computes a level, ISO dates inclusive. */
    revenue_from: string;
    revenue_to: string;
    certified_activity: string;
    levels: { name: string; revenue: number; certified: number; annual_cost: number; discount_pct: number; equivalent: string | null }[];
  };
  movement: Record<Movement, MovementCount>;
  matrix: MigrationMatrix;
  tier_distribution: TierBeforeAfter[];
  by_period: { period: string; up: number; same: number; down: number; unmapped: number }[];
  cost: CostComparison;
  by_segment: GroupTransition[];
  by_region: GroupTransition[];
  at_risk: AtRiskPartner[];
  executive_summary: string[];
  warnings: string[];
  /** The warm-up periods of a replay without `launch:` (src/analysis/warm-up.ts; also the executive summary's last line); null with one. */
  warm_up: WarmUp | null;
  /** The design's dated changes (`changes:`), when it has any: dates, notice, what each sets, the periods its version evaluated (src/analysis/design-versions.ts; also lines of the executive summary). */
  changes?: DesignChange[];
  partner_rows: TransitionPartner[];
  /** The design's `label` of each activity, category, tier and reward that has one (for readers; ids stay in the data). */
  labels: DesignLabels;
}
