/**
 * What the scoring walk reads of one version of the design (src/program/versions.ts), in
 * two parts: what weighs a row (read for the version in force on the row's day) and what
 * credits and evaluates a period (caps, accelerators, benefits, tier tables: read for the
 * version in force on the period's last day). A design without dated changes has one of
 * each; the walk's logic is the same either way, only which tables it reads changes.
 */
import type { CompiledActivity, CompiledProgram, CompiledPromotion } from './compile.js';
import type { TierTables } from './tiers.js';

export const FLAG_WHERE = 1;
export const FLAG_STAGED = 2;
export const FLAG_DISTINCT = 4;
export const FLAG_MULTIPLIED = 8;
export const FLAG_PROMOTED = 16;
/** A clawback without `when`: the activity's rows with a negative amount are refunds, which score nothing (the rule takes back). */
export const FLAG_REFUNDS = 32;

/** How a row is weighed: per activity its rule fields as flat arrays (fewer object loads in the hot loop), and the promotions. */
export interface RowTables {
  readonly acts: readonly CompiledActivity[];
  readonly promos: readonly CompiledPromotion[];
  /** Per activity, FLAG_* bits: 0 takes the loop's short path. */
  readonly actFlags: Uint8Array;
  readonly pointsPer: Float64Array;
  readonly perAmount: Float64Array;
  readonly perQuantity: Float64Array;
}

export function rowTables(c: CompiledProgram): RowTables {
  const acts = c.activities;
  const actFlags = new Uint8Array(acts.length);
  for (const act of acts) {
    let f = 0;
    if (act.where !== null) f |= FLAG_WHERE;
    if (act.stageShare !== null) f |= FLAG_STAGED;
    if (act.distinct !== null) f |= FLAG_DISTINCT;
    if (act.multipliers.length > 0) f |= FLAG_MULTIPLIED;
    if (c.promotions.some((promo) => promo.activities[act.index] === 1)) f |= FLAG_PROMOTED;
    const claw = c.program.activities[act.id]?.clawback;
    if (claw !== undefined && claw.when === undefined) f |= FLAG_REFUNDS;
    actFlags[act.index] = f;
  }
  return {
    acts,
    promos: c.promotions,
    actFlags,
    pointsPer: Float64Array.from(acts, (a) => a.points),
    perAmount: Float64Array.from(acts, (a) => a.perAmount),
    perQuantity: Float64Array.from(acts, (a) => a.perQuantity),
  };
}

/** How a period is credited and evaluated: caps, the tiers' accelerators and benefits, and the tier tables. */
export interface PeriodTables {
  readonly capOf: Float64Array;
  readonly capWindowOf: Uint8Array;
  readonly cappedActivity: Uint8Array;
  readonly categoryCap: Float64Array;
  readonly catCapped: Uint8Array;
  readonly earnMultiplier: Float64Array;
  readonly annualCost: Float64Array;
  readonly discountPct: Float64Array;
  readonly tiers: TierTables;
}

export function periodTables(c: CompiledProgram): PeriodTables {
  const acts = c.activities;
  const t = c.tiers;
  // A fresh object per replay whose fields are set one by one (see tiers.ts, TierTables).
  const tables = {} as { -readonly [K in keyof TierTables]: TierTables[K] };
  tables.K = t.names.length;
  tables.C = c.categoryIds.length;
  tables.windowStart = c.calendar.windowStart;
  tables.thresholds = t.thresholds;
  tables.reqCategory = t.reqCategory;
  tables.reqCategoryMin = t.reqCategoryMin;
  tables.reqActivity = t.reqActivity;
  tables.reqActivityMin = t.reqActivityMin;
  tables.grace = t.grace;
  tables.graceDays = t.graceDays;
  tables.periodEnd = t.periodEnd;
  return {
    capOf: Float64Array.from(acts, (a) => a.cap),
    capWindowOf: Uint8Array.from(acts, (a) => (a.capWindow ? 1 : 0)),
    cappedActivity: Uint8Array.from(acts, (a) => (Number.isFinite(a.cap) ? 1 : 0)),
    categoryCap: c.categoryCap,
    catCapped: Uint8Array.from(c.categoryCap, (cap) => (Number.isFinite(cap) ? 1 : 0)),
    earnMultiplier: t.earnMultiplier,
    annualCost: t.annualCost,
    discountPct: t.discountPct,
    tiers: tables,
  };
}

/** The versions' compiled programs, version 0 first: the program itself when it has no changes. */
export function versionsOf(c: CompiledProgram): readonly CompiledProgram[] {
  return c.versions.length > 0 ? c.versions.map((v) => v.compiled) : [c];
}
