/**
 * A partner statement: what `explain --format json` prints (DESIGN §6 fixes the keys
 * `partner`, `tier`, `points_in_window`, `by_activity`, `by_category`, `next_tier
 * {tier, points_needed}`, `periods[]`; the rest is added around them). Points to 2
 * decimals, money to cents. Activities and categories appear in design order, and only
 * those the partner touched (a count or points other than zero).
 */
import type { DesignChange } from './design-versions.js';
import type { WarmUp } from './warm-up.js';
import type { DesignLabels } from './transition-labels.js';
import type { GapPlan, RequirementGap } from './transition-types.js';

/** How an activity's points were made: credited = base + multipliers + promotions + accelerator + rounding + released − capped. */
export interface ActivityLine {
  /** Occurrences (sum of the rows' quantity). */
  count: number;
  base: number;
  multipliers: number;
  promotions: number;
  accelerator: number;
  rounding: number;
  /** Points a gate held back in an earlier period of the window and let through in this one. */
  released: number;
  /** Points removed by caps, gates and best-of (>= 0). */
  capped: number;
  /** Points credited. */
  points: number;
  /** Points of this activity taken back by clawbacks (in the period of the reversing row); not subtracted from `points`, which is what was credited. */
  clawed_back: number;
}

export interface StatementPeriod {
  period: string;
  start: string;
  end: string;
  /** Tier in force during the period (the previous evaluation's). */
  tier_during: string;
  /** Tier after the evaluation at the end of the period. */
  tier: string;
  in_grace: boolean;
  points_in_window: number;
  earned: number;
  clawed_back: number;
  redeemed: number;
  expired: number;
  balance: number;
  amount: number;
  by_activity: Record<string, ActivityLine>;
  by_category: Record<string, number>;
  /** Reward id → units redeemed in the period, whole (the expectation rounded). */
  redemptions: Record<string, number>;
  /** Reward id → the expected units (the mean over the redemption draws), 2 decimals. */
  expected_redemptions: Record<string, number>;
}

export interface AppliedRule {
  activity: string;
  /** The rule as it applied to this partner, e.g. "product: saas ×1.5" (only the factors its events met) or "cap 500 per period". */
  rule: string;
  /** Points it added (multipliers, promotions, accelerator) or removed (caps) over the replay. */
  points: number;
}

export interface PromotionApplied {
  name: string;
  from: string;
  to: string;
  multiply: number;
  /** Activities that earned promotion points for this partner while the promotion ran. */
  activities: string[];
  /** Promotion points of those activities in the periods the promotion overlaps (shared when promotions overlap). */
  points: number;
}

export interface RedemptionLine {
  reward: string;
  /** Whole: the expectation rounded, as a person reads it. */
  units: number;
  /** The mean over the redemption draws (docs/engine.md), 2 decimals. */
  expected_units: number;
  points: number;
  vendor_cost: number;
}

export interface Statement {
  format_version: 1;
  program: { name: string; currency: string };
  partner: string;
  name: string;
  segment: string;
  region: string;
  legacy_level: string;
  /** Tier after the last evaluation. */
  tier: string;
  evaluated_at: string;
  in_grace: boolean;
  points_in_window: number;
  /** earned − clawed_back (+ opening) = redeemed + expired + balance (a negative balance is a debt: clawbacks the balance could not cover); `opening` only when the design gives opening balances (`launch.opening_points`). */
  totals: { opening?: number; earned: number; clawed_back: number; redeemed: number; expired: number; balance: number };
  /** The warm-up periods of a replay without `launch:` (src/analysis/warm-up.ts); null with one. */
  warm_up: WarmUp | null;
  /** The design's dated changes, when it has any (src/analysis/design-versions.ts): which periods each version evaluated. */
  changes?: DesignChange[];
  /** Over the whole replay. */
  by_activity: Record<string, ActivityLine>;
  by_category: Record<string, number>;
  multipliers: AppliedRule[];
  promotions: PromotionApplied[];
  accelerator: AppliedRule[];
  caps: AppliedRule[];
  redemptions: RedemptionLine[];
  expiry: {
    /** `points.expiry_months` of the design; null when points never expire. */
    months: number | null;
    expired: number;
    /** The oldest unspent lot: the points and the last day they can be spent; null when nothing is due to expire. */
    next: { date: string; points: number } | null;
  };
  /** The rules that acted on the partner beyond the per-activity figures (grace, clawbacks, terms...), in period order. */
  rule_notes: { period: string; rule: string; text: string; points: number | null }[];
  /** Each change of tier, in order. */
  tier_history: { period: string; from: string; to: string }[];
  /** null at the top tier. */
  next_tier: { tier: string; points_needed: number; gaps: RequirementGap[]; plan: GapPlan } | null;
  periods: StatementPeriod[];
  /** The design's `label` of each activity, category, tier and reward that has one (ids stay the keys above). */
  labels: DesignLabels;
}
