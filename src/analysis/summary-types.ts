/**
 * The run summary: what `pointsmith run --format json` prints (DESIGN §6) and what
 * `check` (guardrails) and `compare` read. The key names are a public contract that CI
 * pipelines depend on: add keys, never rename or remove one.
 *
 * Numbers are plain JSON numbers: points rounded to 2 decimals, money to cents, shares
 * to 4 decimals. Every list is in a stable order (tiers low to high, rewards and periods
 * in design/calendar order, breakdown groups by key) so the same inputs give the same bytes.
 */

import type { DesignChange } from './design-versions.js';
import type { WarmUp } from './warm-up.js';

export interface TierCount {
  tier: string;
  partners: number;
  /** partners / all partners (0 when there are none). */
  share: number;
}

export interface RewardDemand {
  reward: string;
  /**
   * Units redeemed over the replayed span, whole: the expectation (`expected_units`)
   * rounded, as a person reads it. Partners redeem whole units only (docs/engine.md).
   */
  units: number;
  /** The expectation itself: the mean over the replay's redemption draws, 2 decimals. */
  expected_units: number;
  /** Points spent on it (expected). */
  points: number;
  /** Money (expected): expected units × the reward's vendor cost. */
  vendor_cost: number;
  /** `year` (pooled per fiscal year), `period`, or null when unlimited. */
  capacity_per: 'year' | 'period' | null;
  /** Units available over the replayed span (a yearly capacity prorated by the share of each year inside the program); null when unlimited. */
  capacity: number | null;
  /** Units demanded beyond capacity, summed over the capacity windows, whole (the expectation rounded). */
  shortfall: number;
  /** The expected shortfall, 2 decimals. */
  expected_shortfall: number;
}

export interface RewardPeriodDemand {
  period: string;
  /** Whole (the expectation rounded). */
  units: number;
  expected_units: number;
}

/** Capacity against demand in one window: a fiscal year for a yearly capacity, a period for a per-period one. */
export interface RewardWindowDemand {
  /** `FY2026`, `2025` or `2025-Q1`. */
  window: string;
  /** First and last day of the window's periods (ISO, inclusive). */
  start: string;
  end: string;
  capacity: number;
  /** Whole (the expectation rounded). */
  units: number;
  expected_units: number;
  /** Whole (the expected shortfall rounded). */
  shortfall: number;
  expected_shortfall: number;
  /** Share of the redemption draws whose demand exceeds the capacity. */
  exceeded_share: number;
}

export interface PeriodSummary {
  label: string;
  /** ISO dates, inclusive. */
  start: string;
  end: string;
}

export interface BudgetYear {
  /** `2025` for a calendar year; `FY2025` for a fiscal year, named by the calendar year it ends in. */
  year: string;
  /** ISO dates of the whole year, inclusive (the program may cover only part of it). */
  start: string;
  end: string;
  /** Years of the program inside it: 1 for a whole year, less for a partial one. */
  covered: number;
  /** rewards + benefits + discounts of the periods in the year. */
  cost: number;
  /** The budget for the part of the year covered; null without a budget. */
  amount: number | null;
  /** cost / amount; null without a budget (or with a zero one). */
  used_share: number | null;
}

export type BreakdownDimension = 'segment' | 'region' | 'period';

export interface BreakdownGroup {
  key: string;
  partners: number;
  points_earned: number;
  cost_total: number;
  tiers: TierCount[];
}

export interface RunSummary {
  /** 2: whole reward units beside `expected_units`, capacity in windows (see docs/commands/run.md). */
  format_version: 2;
  program: { name: string; currency: string };
  partners: number;
  events: number;
  periods: PeriodSummary[];
  points: {
    /** Opening balances (`launch.opening_points`): only when the design gives them. */
    opening?: number;
    earned: number;
    redeemed: number;
    expired: number;
    /** Points taken back by clawbacks (docs/engine.md, "Clawbacks"); earned − clawed_back = redeemed + expired + outstanding. */
    clawed_back: number;
    /** Unspent balance at the end of the last period (net of debts). */
    outstanding: number;
    /** Points partners owe at the end of the last period: clawbacks their balance could not cover, repaid from later earnings (0 without clawbacks). */
    debt: number;
    /** expired / (earned − clawed_back) (0 when nothing was kept). */
    breakage: number;
  };
  cost: {
    rewards: number;
    benefits: number;
    discounts: number;
    /** The seller programme's cost (`sellers.cost.total`): only when the design has `individuals:`. */
    sellers?: number;
    /** rewards + benefits + discounts (+ sellers) (liability is reported apart: it is not spent yet). */
    total: number;
    /** Outstanding points × expected redemption rate × weighted vendor cost per point. */
    liability: number;
  };
  budget: {
    /** The budget over the replayed span (prorated from `budget.per`); null without a budget. */
    amount: number | null;
    /** `budget.per` of the design (year | period | program); null without a budget. */
    per: string | null;
    /** cost.total / budget.amount; null without a budget (or with a zero budget). */
    used_share: number | null;
    /** Cost and budget of each fiscal year the replay covers, in order (see src/analysis/budget.ts). */
    by_year: BudgetYear[];
    /** The year with the largest used_share; null without a budget. */
    worst_year: string | null;
    /** Its used_share: what a yearly limit must hold (the span's average can hide it). */
    worst_year_share: number | null;
  };
  /** At the last evaluation; every tier listed (0 partners included), low to high. */
  tiers: TierCount[];
  tier_history: { period: string; tiers: TierCount[] }[];
  rewards: (RewardDemand & { by_period: RewardPeriodDemand[]; by_window: RewardWindowDemand[] })[];
  /** The periods before the first full tier window when the design has no `launch:` (src/analysis/warm-up.ts); null with one. */
  warm_up: WarmUp | null;
  /** The design's dated changes (`changes:`), when it has any: dates, notice, what each sets and the periods its version evaluated. */
  changes?: DesignChange[];
  by?: { dimension: BreakdownDimension; groups: BreakdownGroup[] };
  /** The seller programme (`individuals:`): only when the design has one (src/analysis/sellers.ts). */
  sellers?: SellerSummary;
}

export interface TopSeller {
  /** `partner/person`. */
  seller: string;
  partner: string;
  person: string;
  /** Seller points earned over the replayed span. */
  earned: number;
  redeemed: number;
  /** Balance at the end of the last period. */
  balance: number;
  /** Seller level at the last evaluation. */
  level: string;
  /** The firm's tier at the last evaluation. */
  partner_tier: string;
}

export interface SellerSummary {
  /** The history column naming the person. */
  person_column: string;
  /** Sellers (person within a firm) with at least one row. */
  sellers: number;
  /** Firms with at least one seller. */
  partners: number;
  /** Seller events replayed. */
  events: number;
  /** Rows of an activity the seller programme scores whose person id is blank: they earn no seller points. */
  unattributed_events: number;
  points: RunSummary['points'];
  cost: {
    rewards: number;
    /** Seller levels' benefits (annual_cost) and discounts, as the firm's tiers count theirs. */
    benefits: number;
    discounts: number;
    /** Counted into the firm's cost.total and budget. */
    total: number;
    /** Outstanding seller points × expected redemption rate × cost per point (not in cost.total). */
    liability: number;
  };
  /** Sellers per level at the last evaluation, low to high. */
  levels: { level: string; sellers: number; share: number }[];
  rewards: RunSummary['rewards'];
  /** The most seller points earned, high to low (ties by seller key): `individuals.top` of them. */
  top: TopSeller[];
}

export const BREAKDOWN_DIMENSIONS: readonly BreakdownDimension[] = ['segment', 'region', 'period'];

/*
 * The rounding of the contract. Half away from zero on the decimal value the user
 * sees: the tiny relative nudge keeps 1.005 (stored as 1.00499999...) at 1.01, as a
 * person would round it. -0 becomes 0 so that JSON never prints `-0`.
 */
function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor * (1 + Number.EPSILON))) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Points: 2 decimals. */
export const roundPoints = (value: number): number => roundTo(value, 2);
/** Money: cents. */
export const roundMoney = (value: number): number => roundTo(value, 2);
/** Shares (0..1): 4 decimals, enough for a percentage with 2 decimals. */
export const roundShare = (value: number): number => roundTo(value, 4);
/** Expected reward units (a mean over draws of whole units): 2 decimals. */
export const roundUnits = (value: number): number => roundTo(value, 2);
/** Reward units as a person reads them: whole, half away from zero. */
export const wholeUnits = (value: number): number => roundTo(value, 0);
