/**
 * The result of one replay: per-partner, per-period facts, kept columnar so that a
 * replay of a million events stays cheap and analyses (summary, compare, sensitivity,
 * statements, transition) read what they need without re-running the engine.
 *
 * Index conventions (P partners, T periods, A activities, C categories, R rewards):
 *   partner-period     i = p * T + t
 *   partner-period-act i = (p * T + t) * A + a
 *   partner-period-cat i = (p * T + t) * C + c
 *   partner-period-rew i = (p * T + t) * R + r
 *   period-reward      i = t * R + r
 * Tier indexes point into `tierNames` (0 = lowest); -1 means "below the lowest tier".
 */
import type { Program } from '../program/program.js';

export interface Period {
  readonly index: number;
  /** Human label: `2024-Q1`, `2024-03`, `2024-H1`, `FY2024` (fiscal labels follow the fiscal year start). */
  readonly label: string;
  /** First day, inclusive, days since 1970-01-01 UTC. */
  readonly start: number;
  /** Last day, inclusive. */
  readonly end: number;
  /** ISO dates of start and end, for reports. */
  readonly startDate: string;
  readonly endDate: string;
}

export interface LedgerPartner {
  readonly id: string;
  readonly name: string;
  readonly segment: string;
  readonly region: string;
  readonly legacyLevel: string;
}

export interface Ledger {
  readonly program: Program;
  readonly periods: readonly Period[];
  readonly partners: readonly LedgerPartner[];
  readonly activityIds: readonly string[];
  readonly categoryIds: readonly string[];
  readonly tierNames: readonly string[];
  readonly rewardIds: readonly string[];
  /** Number of events replayed (after filters such as dates outside the program). */
  readonly events: number;
  /** Events dated before `program.starts` or after `program.ends`: not replayed. */
  readonly ignoredEvents: number;
  /** Events whose activity the design does not know (the reader normally rejects them first): not replayed. */
  readonly unknownActivityEvents: number;
  /** False when replayed with `detail: false`: every partner × period × activity array but countByActivity is then empty (length 0). */
  readonly detailed: boolean;
  /** 12 / months per period (4 for quarters). */
  readonly periodsPerYear: number;

  // ---- partner × period × activity ----
  /** Points credited, after multipliers, promotions, accelerator, caps, steps, gates, best-of, rounding. */
  readonly pointsByActivity: Float64Array;
  /** Sum of the rows' quantity that matched the activity (occurrences). */
  readonly countByActivity: Float64Array;
  /** Points the base rule gave before any multiplier (base × quantity or per amount). */
  readonly basePointsByActivity: Float64Array;
  /** Points added (or removed, if < 1) by column multipliers. */
  readonly multiplierPointsByActivity: Float64Array;
  /** Points added by promotions. */
  readonly promotionPointsByActivity: Float64Array;
  /** Points added by the tier accelerator (earn_multiplier). */
  readonly acceleratorPointsByActivity: Float64Array;
  /** Points removed by activity caps, category caps, gates and best-of (>= 0). */
  readonly cappedPointsByActivity: Float64Array;
  /** Points added (> 0) or removed (< 0) by rounding. */
  readonly roundingPointsByActivity: Float64Array;
  /**
   * Points a gate withheld in earlier periods of the window and released in this one when
   * it opened (the withheld points stay in the earlier periods' capped points).
   * Credited = base + multiplier + promotion + accelerator + rounding + released − capped.
   * Always set by the engine (optional only so that hand-built ledgers need not carry it).
   */
  readonly releasedPointsByActivity?: Float64Array;

  // ---- partner × period × category ----
  readonly pointsByCategory: Float64Array;

  // ---- partner × period ----
  readonly earned: Float64Array;
  readonly redeemed: Float64Array;
  readonly expired: Float64Array;
  /** Unspent points at the end of the period (after redemption and expiry). */
  readonly balance: Float64Array;
  /** Points counted for the tier evaluation at the end of the period (window or balance basis). */
  readonly windowPoints: Float64Array;
  /** Tier held after the evaluation at the end of the period. */
  readonly tier: Int16Array;
  /** Tier in force during the period (the previous evaluation's; the zero-points tier for the first): drives the accelerator, benefits and discounts. */
  readonly startTier: Int16Array;
  /** Tier the partner's window qualified for at the evaluation, before grace (tier > qualifiedTier ⇔ inGrace). */
  readonly qualifiedTier: Int16Array;
  /** 1 when the partner kept its tier only thanks to a grace period at this evaluation. */
  readonly inGrace: Uint8Array;
  /** Sum of the `amount` column (for discounts and legacy revenue). */
  readonly amount: Float64Array;
  /** Tier benefit cost (annual cost prorated to the period) and discount cost. */
  readonly benefitCost: Float64Array;
  readonly discountCost: Float64Array;
  /** Vendor cost of the rewards redeemed in the period. */
  readonly rewardCost: Float64Array;

  // ---- partner × period × reward ----
  /** Reward units redeemed (fractional in expected-value mode). */
  readonly redeemedUnits: Float64Array;

  // ---- period × reward ----
  /** Units demanded across partners. */
  readonly rewardUnits: Float64Array;
  /** Capacity for the period (Infinity when unlimited). */
  readonly rewardCapacity: Float64Array;
  /** Units demanded beyond capacity. */
  readonly rewardShortfall: Float64Array;
}
