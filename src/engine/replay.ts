/**
 * replay: Program × EventStore (× partners) → Ledger, in separate passes so analyses can
 * reuse them: compile (lookup tables) → score and evaluate tiers → redeem and expire →
 * capacity. Monte Carlo callers can compile once and call `replayCompiled` per draw.
 */
import type { EventStore, PartnerTable } from '../history/event-store.js';
import type { Program } from '../program/program.js';
import { compile, type CompiledProgram } from './compile.js';
import { prepareHistory } from './prepare.js';
import { allocateLedgerArrays, type LedgerArrays, type ReplayArena } from './ledger-arrays.js';
import type { Ledger } from './ledger.js';
import { EXPECTED_DRAWS, Redeemer, redeemAll, settleCapacity, type RedemptionDraws } from './redemption.js';
import { score } from './score.js';

export interface ReplayOptions {
  /**
   * The redemption draws the replay averages (see redemption.ts): by default
   * EXPECTED_DRAWS, the expectation every deterministic figure reports; one draw
   * (`{ seed, first: i, count: 1 }`) is run i of a Monte Carlo.
   */
  redemption?: RedemptionDraws;
  /**
   * The partner × period × activity arrays (points, capped, base, multiplier, promotion,
   * accelerator, rounding, released; and counts): 46 MB each for 20,000 partners × 9
   * periods × 32 activities, so they are the bulk of a replay's memory and time.
   *  - omitted (default): all computed on first access of any of them, by a second
   *    scoring pass (identical numbers); a caller that never reads them never pays;
   *  - true: all computed during the replay;
   *  - false: the point arrays are empty (length 0) and `countByActivity` is computed on
   *    first access; for callers that replay many times and read only per-partner-period
   *    facts (run, sensitivity, Monte Carlo, compare).
   * `pointsByCategory` (partner × period × category, 12 MB on the bench history, whose
   * fresh pages cost more than filling them) goes with the counts: computed during the
   * replay when detail is true, else on first access by that same second pass.
   * Everything else (earned, tiers, redemption, costs, rewards) is always filled; all
   * numbers are identical in the three modes.
   */
  detail?: boolean;
  /**
   * Arrays to reuse (see createReplayArena): the ledger's arrays are then the arena's, and
   * the next replay with the same arena overwrites them, so the caller must be done with
   * this ledger (and anything lazy it computes) before that. For a loop of replays that
   * reads a few numbers from each (sensitivity); omitted, every replay allocates its own.
   */
  arena?: ReplayArena;
}

/** One replay of a history not prepared before (see prepare.ts); a caller replaying one history several times prepares it once and calls `replayCompiled(compile(program, prepared))`. */
export function replay(program: Program, store: EventStore, partners?: PartnerTable, options?: ReplayOptions): Ledger {
  return replayCompiled(compile(program, prepareHistory(store, partners)), options);
}

/** The arrays `detail` governs. */
export const DETAIL_ARRAYS = [
  'pointsByActivity',
  'cappedPointsByActivity',
  'basePointsByActivity',
  'multiplierPointsByActivity',
  'promotionPointsByActivity',
  'acceleratorPointsByActivity',
  'roundingPointsByActivity',
  'releasedPointsByActivity',
] as const;

export function replayCompiled(c: CompiledProgram, options?: ReplayOptions): Ledger {
  const draws = options?.redemption ?? EXPECTED_DRAWS;
  const wanted = options?.detail;
  // Deferred: the point arrays when detail is omitted; the counts and category points
  // unless detail is true. A lazy second pass scores exactly as the first, even under
  // tier_basis: balance, because the redemption draws are a function of their counters.
  const deferPoints = wanted === undefined;
  const deferCounts = wanted !== true;
  const arena = options?.arena;
  // redeemedUnits (partner × period × reward, the largest array the replay always wrote:
  // 5.9 MB on the bench history, whose fresh pages cost more than the redemption that
  // fills them) goes with the counts when the redemption can be repeated: only statements
  // and breakdowns read it, and a second redemption pass over the same earned points
  // gives the same units.
  const deferUnits = deferCounts;
  const L = allocateLedgerArrays(c, wanted ?? !deferPoints, !deferCounts, arena, !deferUnits);
  // Under tier_basis: balance the tier depends on the balance, so redemption runs inside the scoring pass.
  const inside = c.basisBalance ? new Redeemer(c, L, draws) : null;
  const counts = score(c, L, inside);
  const capacity = settleCapacity(c, inside ?? redeemAll(c, L, draws));
  const head = {
    program: c.program,
    periods: c.calendar.periods,
    years: c.calendar.years,
    partners: c.partners.partners,
    activityIds: c.activityIds,
    categoryIds: c.categoryIds,
    tierNames: c.tiers.names,
    rewardIds: c.rewards.ids,
    events: c.store.size - counts.ignoredEvents - counts.unknownActivityEvents,
    ignoredEvents: counts.ignoredEvents,
    unknownActivityEvents: counts.unknownActivityEvents,
    periodsPerYear: c.calendar.periodsPerYear,
    windowStart: c.calendar.windowStart,
    tierThresholds: lowestThresholds(c.tiers.thresholds),
    detailed: L.detail || deferPoints,
    capacity,
    draws: draws.count,
  };
  if (!deferCounts) {
    const { P: _p, T: _t, A: _a, C: _c, R: _r, detail: _d, counts: _counts, ...arrays } = L;
    return { ...head, ...arrays };
  }
  let second: LedgerArrays | undefined;
  let units: Float64Array | undefined;
  const state: LazyState = {
    L,
    deferPoints,
    units: () => {
      if (units === undefined) units = redeemedUnitsOf(c, L, draws);
      return units;
    },
    rescored: () => {
      if (second === undefined) {
        second = allocateLedgerArrays(c, deferPoints, true);
        score(c, second, c.basisBalance ? new Redeemer(c, second, draws) : null);
      }
      return second;
    },
  };
  // Built property by property with shared getter functions: getters made per replay
  // (closures, or getter syntax in a literal) or defined over existing data properties
  // turned the ledger into a dictionary-mode object, and every `ledger.earned[i]` in an
  // analysis loop into a hash lookup (summarize took ~50 ms on the bench history).
  const ledger: Record<string | symbol, unknown> = { ...head };
  Object.defineProperty(ledger, LAZY, { value: state });
  for (const key of LAZY_KEYS) Object.defineProperty(ledger, key, { enumerable: true, get: LAZY_GETTERS[key] });
  ledger.earned = L.earned;
  ledger.redeemed = L.redeemed;
  ledger.expired = L.expired;
  ledger.balance = L.balance;
  ledger.windowPoints = L.windowPoints;
  ledger.tier = L.tier;
  ledger.qualifiedTier = L.qualifiedTier;
  ledger.startTier = L.startTier;
  ledger.inGrace = L.inGrace;
  ledger.amount = L.amount;
  ledger.benefitCost = L.benefitCost;
  ledger.discountCost = L.discountCost;
  ledger.rewardCost = L.rewardCost;
  if (deferUnits) Object.defineProperty(ledger, 'redeemedUnits', { enumerable: true, get: unitsGetter });
  else ledger.redeemedUnits = L.redeemedUnits;
  ledger.rewardUnits = L.rewardUnits;
  return ledger as unknown as Ledger;
}

/** Per partner and tier, the lowest threshold of the alternatives (one table, or one per track in `best` mode, where the engine keeps the best track). */
function lowestThresholds(tables: readonly Float64Array[]): Float64Array {
  const out = (tables[0] as Float64Array).slice();
  for (let j = 1; j < tables.length; j++) {
    const t = tables[j] as Float64Array;
    for (let i = 0; i < out.length; i++) out[i] = Math.min(out[i] as number, t[i] as number);
  }
  return out;
}

/** What the lazy arrays of a ledger are computed from (a non-enumerable property of the ledger). */
interface LazyState {
  readonly L: LedgerArrays;
  readonly deferPoints: boolean;
  readonly rescored: () => LedgerArrays;
  readonly units: () => Float64Array;
}

const LAZY = Symbol('lazy ledger arrays');

/** The arrays a ledger may compute on first access, in the ledger's key order. */
const LAZY_KEYS = [
  'pointsByActivity',
  'countByActivity',
  'basePointsByActivity',
  'multiplierPointsByActivity',
  'promotionPointsByActivity',
  'acceleratorPointsByActivity',
  'cappedPointsByActivity',
  'roundingPointsByActivity',
  'releasedPointsByActivity',
  'pointsByCategory',
] as const;

const LAZY_GETTERS = Object.fromEntries(
  LAZY_KEYS.map((key) => [
    key,
    function (this: { readonly [LAZY]: LazyState }): Float64Array {
      const s = this[LAZY];
      return key === 'countByActivity' || key === 'pointsByCategory' || s.deferPoints ? s.rescored()[key] : s.L[key];
    },
  ]),
) as Record<(typeof LAZY_KEYS)[number], () => Float64Array>;

function unitsGetter(this: { readonly [LAZY]: LazyState }): Float64Array {
  return this[LAZY].units();
}

/**
 * The redeemed units of a replay whose ledger arrays `L` left them empty: the redemption
 * pass again, with the same draws, over the final earned points (which are all it reads),
 * its other outputs written to scratch arrays and dropped.
 */
function redeemedUnitsOf(c: CompiledProgram, L: LedgerArrays, draws: RedemptionDraws): Float64Array {
  const pt = L.P * L.T;
  const again: LedgerArrays = {
    ...L,
    redeemed: new Float64Array(pt),
    expired: new Float64Array(pt),
    balance: new Float64Array(pt),
    rewardCost: new Float64Array(pt),
    redeemedUnits: new Float64Array(pt * L.R),
    rewardUnits: new Float64Array(L.T * L.R),
  };
  redeemAll(c, again, draws);
  return again.redeemedUnits;
}

/** A copy of a ledger with some fields replaced, keeping lazy arrays lazy (no spread, which would compute them). */
function withFields<T extends object>(ledger: Ledger, fields: T): Ledger & T {
  const descriptors: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(ledger);
  // Replaced as data properties in place (same key order): a lazy getter (redeemedUnits) cannot be assigned to.
  for (const [key, value] of Object.entries(fields)) {
    descriptors[key] = { value, writable: true, enumerable: true, configurable: true };
  }
  return Object.defineProperties({}, descriptors) as Ledger & T;
}

/**
 * Redemption again on an already scored ledger (same compiled program), for Monte Carlo:
 * scoring and tiers are shared with `scored` (not copied); redemption, expiry, units,
 * reward cost, capacity and shortfall are fresh. Under `tier_basis: balance` the tiers
 * depend on redemption, so this falls back to a full replay.
 */
export function replayRedemption(c: CompiledProgram, scored: Ledger, options?: ReplayOptions): Ledger {
  if (c.basisBalance) return replayCompiled(c, { ...options, detail: scored.detailed });
  const draws = options?.redemption ?? EXPECTED_DRAWS;
  const P = scored.partners.length;
  const T = scored.periods.length;
  const R = scored.rewardIds.length;
  const fresh = {
    redeemed: new Float64Array(P * T),
    expired: new Float64Array(P * T),
    balance: new Float64Array(P * T),
    rewardCost: new Float64Array(P * T),
    redeemedUnits: new Float64Array(P * T * R),
    rewardUnits: new Float64Array(T * R),
  };
  // The cast: a Ledger's releasedPointsByActivity is optional, a LedgerArrays' is not; redemption never reads it.
  const L = withFields(scored, {
    ...fresh,
    P,
    T,
    A: scored.activityIds.length,
    C: scored.categoryIds.length,
    R,
    detail: scored.detailed,
    counts: true,
  }) as unknown as LedgerArrays;
  const capacity = settleCapacity(c, redeemAll(c, L, draws));
  return withFields(scored, { ...fresh, capacity, draws: draws.count });
}
