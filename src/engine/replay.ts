/**
 * replay: Program × EventStore (× partners) → Ledger, in separate passes so analyses can
 * reuse them: compile (lookup tables) → score and evaluate tiers → redeem and expire →
 * capacity. Monte Carlo callers can compile once and call `replayCompiled` per draw.
 */
import type { EventStore, PartnerTable } from '../history/event-store.js';
import type { Program } from '../program/program.js';
import { compile, type CompiledProgram } from './compile.js';
import { allocateLedgerArrays, type LedgerArrays } from './ledger-arrays.js';
import type { Ledger } from './ledger.js';
import { Redeemer, redeemAll, settleCapacity, type RedemptionMode } from './redemption.js';
import { score } from './score.js';

export interface ReplayOptions {
  /** Redemption behaviour: expected value (default, deterministic, fractional units) or a Monte Carlo draw of whole units with the given uniform [0,1) generator. */
  redemption?: { mode: 'expected' } | { mode: 'monte-carlo'; random: () => number };
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
   * Everything else (earned, pointsByCategory, tiers, redemption, costs, rewards) is
   * always filled and identical in the three modes.
   */
  detail?: boolean;
}

export function replay(program: Program, store: EventStore, partners?: PartnerTable, options?: ReplayOptions): Ledger {
  return replayCompiled(compile(program, store, partners), options);
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
  const mode: RedemptionMode = options?.redemption ?? { mode: 'expected' };
  const wanted = options?.detail;
  // A lazy second pass must score exactly as the first: not possible when a Monte Carlo
  // draw (already consumed) feeds the tiers through the balance basis.
  const canDefer = !(c.basisBalance && mode.mode === 'monte-carlo');
  // Deferred: the point arrays when detail is omitted; the counts unless detail is true.
  const deferPoints = wanted === undefined && canDefer;
  const deferCounts = wanted !== true && canDefer;
  const L = allocateLedgerArrays(c, wanted ?? !deferPoints, !deferCounts);
  // Under tier_basis: balance the tier depends on the balance, so redemption runs inside the scoring pass.
  const counts = score(c, L, c.basisBalance ? new Redeemer(c, L, mode) : null);
  if (!c.basisBalance) redeemAll(c, L, mode);
  settleCapacity(c, L);
  const { P: _p, T: _t, A: _a, C: _c, R: _r, detail, counts: _counts, ...arrays } = L;
  const ledger: Ledger = {
    program: c.program,
    periods: c.calendar.periods,
    partners: c.partners.partners,
    activityIds: c.activityIds,
    categoryIds: c.categoryIds,
    tierNames: c.tiers.names,
    rewardIds: c.rewards.ids,
    events: c.store.size - counts.ignoredEvents - counts.unknownActivityEvents,
    ignoredEvents: counts.ignoredEvents,
    unknownActivityEvents: counts.unknownActivityEvents,
    periodsPerYear: c.calendar.periodsPerYear,
    detailed: detail || deferPoints,
    ...arrays,
  };
  if (deferCounts) {
    let second: LedgerArrays | undefined;
    const rescored = (): LedgerArrays => {
      if (second === undefined) {
        second = allocateLedgerArrays(c, deferPoints, true);
        score(c, second, c.basisBalance ? new Redeemer(c, second, mode) : null);
      }
      return second;
    };
    const keys = deferPoints ? [...DETAIL_ARRAYS, 'countByActivity' as const] : ['countByActivity' as const];
    for (const key of keys) Object.defineProperty(ledger, key, { enumerable: true, get: () => rescored()[key] });
  }
  return ledger;
}

/** A copy of a ledger with some fields replaced, keeping lazy arrays lazy (no spread, which would compute them). */
function withFields<T extends object>(ledger: Ledger, fields: T): Ledger & T {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(ledger)) as Ledger & T;
  return Object.assign(copy, fields);
}

/**
 * Redemption again on an already scored ledger (same compiled program), for Monte Carlo:
 * scoring and tiers are shared with `scored` (not copied); redemption, expiry, units,
 * reward cost, capacity and shortfall are fresh. Under `tier_basis: balance` the tiers
 * depend on redemption, so this falls back to a full replay.
 */
export function replayRedemption(c: CompiledProgram, scored: Ledger, options?: ReplayOptions): Ledger {
  if (c.basisBalance) return replayCompiled(c, { ...options, detail: scored.detailed });
  const mode: RedemptionMode = options?.redemption ?? { mode: 'expected' };
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
    rewardCapacity: new Float64Array(T * R),
    rewardShortfall: new Float64Array(T * R),
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
  redeemAll(c, L, mode);
  settleCapacity(c, L);
  return withFields(scored, fresh);
}
