/**
 * A Ledger written by hand for analysis tests: every array zero except the cells a test
 * sets, so the expected numbers can be derived from the cells alone, independently of
 * the engine. Periods come from the engine's calendar (the same labels a replay gives).
 */
import { buildCalendar, dayOf } from '../../src/engine/calendar.js';
import type { DetailedLedger, LedgerPartner } from '../../src/engine/ledger.js';
import type { Program } from '../../src/program/program.js';

export interface HandLedger extends DetailedLedger {
  /** Index helpers. */
  pt(p: number, t: number): number;
  pta(p: number, t: number, activity: string): number;
  ptc(p: number, t: number, category: string): number;
  ptr(p: number, t: number, reward: string): number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function handLedger(program: Program, partners: readonly LedgerPartner[], lastDay: string): Mutable<HandLedger> {
  const { periods, years, windowStart } = buildCalendar(program, dayOf(lastDay));
  const activityIds = Object.keys(program.activities);
  const categoryIds = Object.keys(program.categories);
  const tierNames = program.tiers.map((t) => t.name);
  const rewardIds = program.rewards.map((r) => r.id);
  const P = partners.length;
  const T = periods.length;
  const A = activityIds.length;
  const C = categoryIds.length;
  const R = rewardIds.length;
  const pt = P * T;
  const index = (list: readonly string[], id: string): number => {
    const i = list.indexOf(id);
    if (i < 0) throw new Error(`handLedger: unknown id ${id}`);
    return i;
  };
  // qualifiedTier is being added to the Ledger as this is written: typed apart, so the
  // helper compiles with and without it.
  const ledger: Omit<Mutable<HandLedger>, 'qualifiedTier'> = {
    program,
    periods,
    partners,
    activityIds,
    categoryIds,
    tierNames,
    rewardIds,
    events: 0,
    ignoredEvents: 0,
    detailed: true,
    unknownActivityEvents: 0,
    periodsPerYear: 12 / ({ month: 1, quarter: 3, half: 6, year: 12 }[program.calendar.period] ?? 3),
    pointsByActivity: new Float64Array(pt * A),
    countByActivity: new Float64Array(pt * A),
    basePointsByActivity: new Float64Array(pt * A),
    multiplierPointsByActivity: new Float64Array(pt * A),
    promotionPointsByActivity: new Float64Array(pt * A),
    acceleratorPointsByActivity: new Float64Array(pt * A),
    cappedPointsByActivity: new Float64Array(pt * A),
    roundingPointsByActivity: new Float64Array(pt * A),
    releasedPointsByActivity: new Float64Array(pt * A),
    clawedBackPointsByActivity: new Float64Array(pt * A),
    pointsByCategory: new Float64Array(pt * C),
    windowRoundingByCategory: new Float64Array(pt * C),
    trackNames: [],
    trackKept: new Int8Array(pt),
    trackWindowPoints: new Float64Array(0),
    trackTiers: new Float64Array(0),
    earned: new Float64Array(pt),
    redeemed: new Float64Array(pt),
    expired: new Float64Array(pt),
    balance: new Float64Array(pt),
    windowPoints: new Float64Array(pt),
    windowRounding: new Float64Array(pt),
    tier: new Int16Array(pt),
    startTier: new Int16Array(pt),
    inGrace: new Uint8Array(pt),
    grandfathered: new Uint8Array(pt),
    termHeld: new Uint8Array(pt),
    termEnd: new Int32Array(pt),
    active: new Uint8Array(pt),
    amount: new Float64Array(pt),
    benefitCost: new Float64Array(pt),
    discountCost: new Float64Array(pt),
    rewardCost: new Float64Array(pt),
    clawedBack: new Float64Array(pt),
    redeemedUnits: new Float64Array(pt * R),
    appliedFactors: Array.from({ length: P }, () => []),
    clawbacks: Array.from({ length: P }, () => []),
    nextExpiryPoints: new Float64Array(P),
    nextExpiryDay: new Int32Array(P),
    openingPoints: new Float64Array(P),
    rewardUnits: new Float64Array(T * R),
    years,
    windowStart,
    // The tiers' base thresholds for every partner (the hand-ledger designs have no regional or track thresholds).
    periodVersion: new Int32Array(T),
    versionPrograms: [program],
    tierThresholds: Float64Array.from({ length: P * tierNames.length }, (_, i) => program.tiers[i % tierNames.length]?.min_points ?? 0),
    capacity: [],
    draws: 1,
    pt: (p, t) => p * T + t,
    pta: (p, t, a) => (p * T + t) * A + index(activityIds, a),
    ptc: (p, t, c) => (p * T + t) * C + index(categoryIds, c),
    ptr: (p, t, r) => (p * T + t) * R + index(rewardIds, r),
  };
  return Object.assign(ledger, { qualifiedTier: new Int16Array(pt) });
}
