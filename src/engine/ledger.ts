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

/**
 * A fiscal year of the calendar (`calendar.fiscal_year_start`) holding at least one
 * period: budgets and yearly reward capacities are measured per fiscal year.
 */
export interface FiscalYear {
  /** `2025` for a calendar year; `FY2026` for a fiscal year, named by the calendar year it ends in (as period labels are). */
  readonly label: string;
  /** The whole year's first and last day (inclusive, days since 1970-01-01 UTC); the program may cover only part of it. */
  readonly start: number;
  readonly end: number;
  readonly startDate: string;
  readonly endDate: string;
  /** Its first and last period (inclusive indexes into `periods`). */
  readonly firstPeriod: number;
  readonly lastPeriod: number;
}

export interface LedgerPartner {
  readonly id: string;
  readonly name: string;
  readonly segment: string;
  readonly region: string;
  readonly legacyLevel: string;
}

/**
 * The figures every analysis reads, per partner and period (and per period and reward):
 * what `run`, `check`, `compare`, `sensitivity`, `simulate` and `transition` summarise.
 * Plain typed arrays, all filled by the replay; per-activity figures are in DetailedLedger.
 */
export interface Ledger {
  readonly program: Program;
  readonly periods: readonly Period[];
  /** The fiscal years the periods fall in, in order; every period lies in exactly one. */
  readonly years: readonly FiscalYear[];
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
  /** True for a DetailedLedger (a replay with `detail: true`, the default). */
  readonly detailed: boolean;
  /** 12 / months per period (4 for quarters). */
  readonly periodsPerYear: number;
  /** First period of the tier window that ends at each period (per period). */
  readonly windowStart: Int32Array;
  /** Per partner, the opening balance `launch.opening_points` gave it (in the balance before period 0; not in `earned`): opening + Σ earned = Σ redeemed + Σ expired + the last balance. All 0 without it. */
  readonly openingPoints: Float64Array;
  /** Points each partner needs for each tier as the engine evaluates them (P × K, p × K + k): its regional or track threshold, the lowest over the tracks in `best` mode. */
  readonly tierThresholds: Float64Array;
  /** Per period, the version of the design its evaluation read (0: as written; i: after the i-th dated change, program.changes); all 0 without changes. */
  readonly periodVersion: Int32Array;
  /** Each version of the design as a program without changes, version 0 first (the design itself when it has none); src/analysis/program-at.ts reads the one in force at a period. */
  readonly versionPrograms: readonly Program[];
  /** Tracks scored as programs of their own (`tracks.mode: best` with `set`), in the design's order; empty otherwise. */
  readonly trackNames: readonly string[];

  // ---- partner × period ----
  readonly earned: Float64Array;
  readonly redeemed: Float64Array;
  readonly expired: Float64Array;
  /** Unspent points at the end of the period (after redemption and expiry). */
  readonly balance: Float64Array;
  /** Points counted for the tier evaluation at the end of the period (window or balance basis). */
  readonly windowPoints: Float64Array;
  /**
   * What total-level rounding (`points.round.at`: activity, category or program) added to
   * the window total the evaluation read: `windowPoints` − the exact total (0 when the
   * program rounds events, or not at all). Balances keep exact points.
   */
  readonly windowRounding: Float64Array;
  /**
   * With `trackNames`: the index of the track kept at the period's evaluation (the higher
   * tier, then the higher window total, then the first listed), whose figures the
   * period's scoring fields hold. 0 without.
   */
  readonly trackKept: Int8Array;
  /** Tier held after the evaluation at the end of the period. */
  readonly tier: Int16Array;
  /** Tier in force during the period (the previous evaluation's; the zero-points tier for the first): drives the accelerator, benefits and discounts. */
  readonly startTier: Int16Array;
  /** Tier the partner's window qualified for at the evaluation, before grace (tier > qualifiedTier ⇔ inGrace). */
  readonly qualifiedTier: Int16Array;
  /** 1 when the partner kept its tier only thanks to a grace period at this evaluation. */
  readonly inGrace: Uint8Array;
  /** 1 when the launch state (`launch.grandfather`) raised the tier held after the evaluation above qualification and grace. */
  readonly grandfathered: Uint8Array;
  /** 1 when a tier term (`calendar.term`) raised the tier held after the evaluation (above qualification, grace and launch). */
  readonly termHeld: Uint8Array;
  /** With `calendar.term`: the anniversary (days since 1970-01-01) that ends the term in force after the evaluation; 0 without terms. */
  readonly termEnd: Int32Array;
  /** 1 when the partner's activity counts in the period sum above zero (it did something the design counts). */
  readonly active: Uint8Array;
  /** Sum of the `amount` column (for discounts and legacy revenue). */
  readonly amount: Float64Array;
  /** Tier benefit cost (annual cost prorated to the period) and discount cost. */
  readonly benefitCost: Float64Array;
  readonly discountCost: Float64Array;
  /** Vendor cost of the rewards redeemed in the period (the mean over the replay's draws). */
  readonly rewardCost: Float64Array;
  /**
   * Points taken back in the period (`clawback:` on an activity: the credit of an earlier
   * row reversed by a lapse, cancellation or refund row), ≥ 0. `earned` stays what was
   * credited; per partner, earned − clawedBack = redeemed + expired + balance, and the
   * tier window counts earned − clawedBack.
   */
  readonly clawedBack: Float64Array;

  // ---- period × reward ----
  /** Units demanded across partners (expected: the mean over the replay's redemption draws). */
  readonly rewardUnits: Float64Array;

  // ---- capacity ----
  /** One window per fiscal year (yearly capacity) or per period (per-period capacity) of each reward with a capacity, rewards in order. */
  readonly capacity: readonly CapacityWindow[];
  /** How many redemption draws the per-partner and per-reward figures average (see redemption.ts). */
  readonly draws: number;
}

/**
 * A Ledger with the per-activity, per-category and per-reward figures statements,
 * breakdowns and at-risk plans read, and the facts of a partner's replay a statement
 * would otherwise re-derive (the multipliers applied, the next expiry; see "The ledger"
 * in docs/engine.md): about 20 KB per partner, so commands replaying
 * everyone ask for the lean Ledger and replay the few partners they explain in detail
 * (see src/analysis/partner-detail.ts).
 */
export interface DetailedLedger extends Ledger {
  readonly detailed: true;

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
   */
  readonly releasedPointsByActivity: Float64Array;
  /** Points of the activity taken back in the period (booked on the activity that earned them, in the period of the reversing row), ≥ 0; not part of `pointsByActivity`, which stays what was credited. */
  readonly clawedBackPointsByActivity: Float64Array;

  // ---- partner × period × category ----
  readonly pointsByCategory: Float64Array;
  /**
   * Per category, what total-level rounding added to the category's window total at the
   * period's evaluation (`at: category`: rounded − exact; `at: activity`: the sum of its
   * activities' adjustments; 0 otherwise). The exact window total is the sum of
   * `pointsByCategory` over the window.
   */
  readonly windowRoundingByCategory: Float64Array;

  // ---- partner × period × track (trackNames; empty without) ----
  /** Each track's window total at the period's evaluation (i = (p × T + t) × N + track). */
  readonly trackWindowPoints: Float64Array;
  /** Each track's held tier at the period's evaluation (-1: below the lowest tier). */
  readonly trackTiers: Float64Array;

  // ---- partner × period × reward ----
  /** Reward units redeemed: whole in each draw; the mean over the replay's draws (so fractional when draws differ). */
  readonly redeemedUnits: Float64Array;

  // ---- partner: facts statements read, recorded by the engine so that no analysis re-derives them ----
  /**
   * The column multipliers that applied to each partner's scored events (`appliedFactors[p]`):
   * one entry per activity, column and value met, with a factor other than 1, the value
   * resolved as scoring resolves it (the event's, else the partner's when the event's is
   * blank). An event that scores nothing (filtered by `where`, a stage or `distinct`, or
   * worth 0 points) applies no factor. Ordered by activity (as `activityIds`), column (as
   * the design lists them), then value (code-unit order); a partner that met none holds a
   * shared empty list.
   */
  readonly appliedFactors: readonly (readonly AppliedFactor[])[];
  /** Each credit taken back from the partner, in replay order (`clawbacks[p]`; a shared empty list when none). */
  readonly clawbacks: readonly (readonly Clawback[])[];
  /**
   * The points that expire next after the last period (`points.expiry_months`): the lot
   * (the points earned in one period) that expires first among those still holding points,
   * what it holds being the mean over the replay's draws of each draw's FIFO remainder of
   * it. 0 when no lot holds points, or the design sets no expiry.
   */
  readonly nextExpiryPoints: Float64Array;
  /** The last day those points are held (days since 1970-01-01 UTC: the end of the period they expire at, which may lie past the calendar); 0 when `nextExpiryPoints` is 0. */
  readonly nextExpiryDay: Int32Array;
}

/** One reversal of a partner's earlier credit (see DetailedLedger.clawbacks and docs/engine.md, "Clawbacks"). */
export interface Clawback {
  /** The period of the reversing row, where the points are taken back. */
  readonly t: number;
  /** Index into `activityIds` of the activity whose credit is taken back. */
  readonly activity: number;
  /** The history activity of the reversing row (the activity itself for a refund row). */
  readonly by: string;
  /** The value of the `match` column both rows share (the deal, subscription or certificate). */
  readonly value: string;
  /** Points taken back (> 0). */
  readonly points: number;
}

/** One multiplier factor a partner's scored events met (see DetailedLedger.appliedFactors). */
export interface AppliedFactor {
  /** Index into `activityIds`. */
  readonly activity: number;
  /** The column, as the activity's `multipliers` names it. */
  readonly column: string;
  /** The value met: an event's, or the partner's own value when an event's was blank (as scoring resolves it). */
  readonly value: string;
  readonly factor: number;
}

/**
 * A reward's capacity over one window against the demand in it. Demand and shortfall are
 * expectations over the replay's redemption draws, the shortfall taken draw by draw.
 */
export interface CapacityWindow {
  /** Index into `rewardIds`. */
  readonly reward: number;
  /** The fiscal year's label (`FY2026`) or the period's (`2025-Q1`). */
  readonly label: string;
  readonly firstPeriod: number;
  readonly lastPeriod: number;
  /** Units available in the window (a yearly capacity prorated by the share of the year inside the program). */
  readonly capacity: number;
  /** Expected units demanded in the window. */
  readonly units: number;
  /** Expected units demanded beyond capacity. */
  readonly shortfall: number;
  /** Share of the draws whose demand exceeds capacity (0 or 1 for one draw). */
  readonly exceeded: number;
}
