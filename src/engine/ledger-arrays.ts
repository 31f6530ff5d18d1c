/**
 * The mutable arrays of a Ledger while a replay fills them, allocated once per replay in
 * the shapes the Ledger contract documents (partner × period [× activity | category | reward]).
 */
import type { CompiledProgram } from './compile.js';

export interface LedgerArrays {
  readonly P: number;
  readonly T: number;
  readonly A: number;
  readonly C: number;
  readonly R: number;
  /** False: every partner × period × activity array but countByActivity is empty (see ReplayOptions.detail). */
  readonly detail: boolean;
  /** False: countByActivity and pointsByCategory are empty too (scoring keeps counts and category points in a per-partner scratch). */
  readonly counts: boolean;
  readonly pointsByActivity: Float64Array;
  readonly countByActivity: Float64Array;
  readonly basePointsByActivity: Float64Array;
  readonly multiplierPointsByActivity: Float64Array;
  readonly promotionPointsByActivity: Float64Array;
  readonly acceleratorPointsByActivity: Float64Array;
  readonly cappedPointsByActivity: Float64Array;
  readonly roundingPointsByActivity: Float64Array;
  readonly releasedPointsByActivity: Float64Array;
  readonly pointsByCategory: Float64Array;
  readonly earned: Float64Array;
  readonly redeemed: Float64Array;
  readonly expired: Float64Array;
  readonly balance: Float64Array;
  readonly windowPoints: Float64Array;
  readonly tier: Int16Array;
  readonly qualifiedTier: Int16Array;
  readonly startTier: Int16Array;
  readonly inGrace: Uint8Array;
  readonly amount: Float64Array;
  readonly benefitCost: Float64Array;
  readonly discountCost: Float64Array;
  readonly rewardCost: Float64Array;
  readonly redeemedUnits: Float64Array;
  readonly rewardUnits: Float64Array;
}

/**
 * Ledger arrays kept from one replay to the next (see ReplayOptions.arena): a replay of
 * the same shape zero-fills them instead of allocating ~20 MB of fresh pages, whose
 * external-memory pressure cost a full mark-compact per replay on the bench history.
 * Whoever holds an arena owns every ledger replayed with it, and only until its next
 * replay: a ledger's arrays are the arena's, so that replay overwrites them.
 */
export interface ReplayArena {
  /** The arrays of the last replay made with the arena (undefined before the first). */
  arrays: LedgerArrays | undefined;
}

export function createReplayArena(): ReplayArena {
  return { arrays: undefined };
}

/** The arrays of `L` that a replay writes: every one zero-filled makes `L` as good as freshly allocated. */
function zeroFill(L: LedgerArrays): void {
  L.pointsByActivity.fill(0);
  L.countByActivity.fill(0);
  L.basePointsByActivity.fill(0);
  L.multiplierPointsByActivity.fill(0);
  L.promotionPointsByActivity.fill(0);
  L.acceleratorPointsByActivity.fill(0);
  L.cappedPointsByActivity.fill(0);
  L.roundingPointsByActivity.fill(0);
  L.releasedPointsByActivity.fill(0);
  L.pointsByCategory.fill(0);
  L.earned.fill(0);
  L.redeemed.fill(0);
  L.expired.fill(0);
  L.balance.fill(0);
  L.windowPoints.fill(0);
  L.tier.fill(0);
  L.qualifiedTier.fill(0);
  L.startTier.fill(0);
  L.inGrace.fill(0);
  L.amount.fill(0);
  L.benefitCost.fill(0);
  L.discountCost.fill(0);
  L.rewardCost.fill(0);
  L.redeemedUnits.fill(0);
  L.rewardUnits.fill(0);
}

/**
 * The arrays of a replay of `c`: the arena's, zero-filled, when it holds arrays of the
 * same shape; else fresh ones (kept in the arena for the next replay when one is given).
 */
export function allocateLedgerArrays(c: CompiledProgram, detail = true, counts = true, arena?: ReplayArena, units = true): LedgerArrays {
  const P = c.partners.ids.length;
  const T = c.calendar.periods.length;
  const A = c.activityIds.length;
  const C = c.categoryIds.length;
  const R = c.rewards.ids.length;
  const kept = arena?.arrays;
  if (kept !== undefined && kept.P === P && kept.T === T && kept.A === A && kept.C === C && kept.R === R && kept.detail === detail && kept.counts === (detail || counts) && kept.redeemedUnits.length === (units ? P * T * R : 0)) {
    zeroFill(kept);
    return kept;
  }
  const L = freshArrays(P, T, A, C, R, detail, counts, units);
  if (arena !== undefined) arena.arrays = L;
  return L;
}

function freshArrays(P: number, T: number, A: number, C: number, R: number, detail: boolean, counts: boolean, units: boolean): LedgerArrays {
  const pt = P * T;
  const dpt = detail ? pt : 0;
  return {
    P,
    T,
    A,
    C,
    R,
    detail,
    counts: detail || counts,
    pointsByActivity: new Float64Array(dpt * A),
    countByActivity: new Float64Array(detail || counts ? pt * A : 0),
    basePointsByActivity: new Float64Array(dpt * A),
    multiplierPointsByActivity: new Float64Array(dpt * A),
    promotionPointsByActivity: new Float64Array(dpt * A),
    acceleratorPointsByActivity: new Float64Array(dpt * A),
    cappedPointsByActivity: new Float64Array(dpt * A),
    roundingPointsByActivity: new Float64Array(dpt * A),
    releasedPointsByActivity: new Float64Array(dpt * A),
    pointsByCategory: new Float64Array(detail || counts ? pt * C : 0),
    earned: new Float64Array(pt),
    redeemed: new Float64Array(pt),
    expired: new Float64Array(pt),
    balance: new Float64Array(pt),
    windowPoints: new Float64Array(pt),
    tier: new Int16Array(pt),
    qualifiedTier: new Int16Array(pt),
    startTier: new Int16Array(pt),
    inGrace: new Uint8Array(pt),
    amount: new Float64Array(pt),
    benefitCost: new Float64Array(pt),
    discountCost: new Float64Array(pt),
    rewardCost: new Float64Array(pt),
    redeemedUnits: new Float64Array(units ? pt * R : 0),
    rewardUnits: new Float64Array(T * R),
  };
}
