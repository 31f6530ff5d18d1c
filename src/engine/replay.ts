/**
 * replay: Program × EventStore (× partners) → Ledger, in separate passes so analyses can
 * reuse them: prepare the history (prepare.ts) → compile (lookup tables) → score and
 * evaluate tiers → redeem and expire → capacity. Monte Carlo callers compile once and
 * call `replayRedemption` per draw.
 */
import type { EventStore, PartnerTable } from '../history/event-store.js';
import type { Program } from '../program/program.js';
import { scoreBestTrack } from './best-track.js';
import { compile, type CompiledProgram } from './compile.js';
import { allocateLedgerArrays, DETAIL_FIELDS, type LedgerArrays, type ReplayArena } from './ledger-arrays.js';
import type { DetailedLedger, Ledger } from './ledger.js';
import { prepareHistory } from './prepare.js';
import { EXPECTED_DRAWS, Redeemer, redeemAll, settleCapacity, type RedemptionDraws } from './redemption.js';
import { score } from './score.js';
import { versionsOf } from './version-tables.js';

export interface ReplayOptions {
  /**
   * The redemption draws the replay averages (see redemption.ts): by default
   * EXPECTED_DRAWS, the expectation every deterministic figure reports; one draw
   * (`{ seed, first: i, count: 1 }`) is run i of a Monte Carlo.
   */
  redemption?: RedemptionDraws;
  /**
   * true (default): a DetailedLedger, with the partner × period × activity arrays (points,
   * counts, base, multiplier, promotion, accelerator, capped, rounding, released), the
   * category points and the redeemed units per reward: about 20 KB per partner (46 MB an
   * array for 20,000 partners × 9 periods × 32 activities), the bulk of a replay's memory
   * and time. false: the lean Ledger, for callers that read per-partner-period figures
   * only (run, check, compare, sensitivity, simulate, transition); the numbers they share
   * are identical.
   */
  detail?: boolean;
  /**
   * Arrays to reuse (see createReplayArena): the ledger's arrays are then the arena's, and
   * the next replay with the same arena overwrites them, so the caller must be done with
   * this ledger before that. For a loop of replays that reads a few numbers from each
   * (sensitivity); omitted, every replay allocates its own.
   */
  arena?: ReplayArena;
}

type Detailed = ReplayOptions & { detail?: true };

/** One replay of a history not prepared before; a caller replaying one history several times prepares it once (prepare.ts) and calls `replayCompiled(compile(program, prepared))`. */
export function replay(program: Program, store: EventStore, partners?: PartnerTable, options?: Detailed): DetailedLedger;
export function replay(program: Program, store: EventStore, partners?: PartnerTable, options?: ReplayOptions): Ledger;
export function replay(program: Program, store: EventStore, partners?: PartnerTable, options?: ReplayOptions): Ledger {
  return replayCompiled(compile(program, prepareHistory(store, partners)), options ?? {});
}

export function replayCompiled(c: CompiledProgram, options?: Detailed): DetailedLedger;
export function replayCompiled(c: CompiledProgram, options?: ReplayOptions): Ledger;
export function replayCompiled(c: CompiledProgram, options?: ReplayOptions): Ledger {
  const draws = options?.redemption ?? EXPECTED_DRAWS;
  const L = allocateLedgerArrays(c, options?.detail !== false, options?.arena);
  // Under tier_basis: balance the tier depends on the balance, so redemption runs inside the scoring pass.
  const inside = c.basisBalance ? new Redeemer(c, L, draws) : null;
  const counts = c.trackPrograms.length > 0 ? scoreBestTrack(c, L) : score(c, L, inside);
  const capacity = settleCapacity(c, inside ?? redeemAll(c, L, draws));
  return ledgerOf(c, L, {
    events: c.store.size - counts.ignoredEvents - counts.unknownActivityEvents,
    ignoredEvents: counts.ignoredEvents,
    unknownActivityEvents: counts.unknownActivityEvents,
    capacity,
    draws: draws.count,
  });
}

/** The ledger of arrays `L`: the lean fields, and the detail arrays when `L` has them. */
function ledgerOf(c: CompiledProgram, L: LedgerArrays, facts: Pick<Ledger, 'events' | 'ignoredEvents' | 'unknownActivityEvents' | 'capacity' | 'draws'>): Ledger {
  const ledger: Ledger = {
    program: c.program,
    periods: c.calendar.periods,
    years: c.calendar.years,
    partners: c.partners.partners,
    activityIds: c.activityIds,
    categoryIds: c.categoryIds,
    tierNames: c.tiers.names,
    rewardIds: c.rewards.ids,
    ...facts,
    detailed: L.detail,
    periodsPerYear: c.calendar.periodsPerYear,
    windowStart: c.calendar.windowStart,
    // The thresholds in force at the last evaluation (the version of the last period, under dated changes).
    tierThresholds: lowestThresholds(versionAtEnd(c).tiers.thresholds),
    periodVersion: c.periodVersion,
    versionPrograms: versionsOf(c).map((v) => v.program),
    trackNames: c.trackNames,
    trackKept: L.trackKept,
    earned: L.earned,
    redeemed: L.redeemed,
    expired: L.expired,
    balance: L.balance,
    windowPoints: L.windowPoints,
    windowRounding: L.windowRounding,
    tier: L.tier,
    startTier: L.startTier,
    qualifiedTier: L.qualifiedTier,
    inGrace: L.inGrace,
    grandfathered: L.grandfathered,
    termHeld: L.termHeld,
    termEnd: L.termEnd,
    openingPoints: c.launch?.opening ?? new Float64Array(L.P),
    active: L.active,
    amount: L.amount,
    benefitCost: L.benefitCost,
    discountCost: L.discountCost,
    rewardCost: L.rewardCost,
    clawedBack: L.clawedBack,
    rewardUnits: L.rewardUnits,
  };
  if (!L.detail) return ledger;
  const detail: Record<string, unknown> = {};
  for (const key of DETAIL_FIELDS) detail[key] = L[key];
  return { ...ledger, ...detail } as DetailedLedger;
}

function versionAtEnd(c: CompiledProgram): CompiledProgram {
  const T = c.calendar.periods.length;
  return T === 0 ? c : (versionsOf(c)[c.periodVersion[T - 1] as number] ?? c);
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

/** True for a ledger replayed with detail. */
export function isDetailed(ledger: Ledger): ledger is DetailedLedger {
  return ledger.detailed;
}

/**
 * Redemption again on an already scored ledger (same compiled program), for Monte Carlo:
 * scoring and tiers are shared with `scored` (not copied); redemption, expiry, units,
 * reward cost, capacity and shortfall are fresh. Under `tier_basis: balance` the tiers
 * depend on redemption, so this falls back to a full replay.
 */
export function replayRedemption<L extends Ledger>(c: CompiledProgram, scored: L, options?: ReplayOptions): L {
  if (c.basisBalance) return replayCompiled(c, { ...options, detail: scored.detailed }) as L;
  const draws = options?.redemption ?? EXPECTED_DRAWS;
  const P = scored.partners.length;
  const T = scored.periods.length;
  const R = scored.rewardIds.length;
  const fresh = {
    redeemed: new Float64Array(P * T),
    expired: new Float64Array(P * T),
    balance: new Float64Array(P * T),
    rewardCost: new Float64Array(P * T),
    redeemedUnits: new Float64Array(isDetailed(scored) ? P * T * R : 0),
    nextExpiryPoints: new Float64Array(isDetailed(scored) ? P : 0),
    nextExpiryDay: new Int32Array(isDetailed(scored) ? P : 0),
    rewardUnits: new Float64Array(T * R),
  };
  // Redemption reads `earned` and `clawedBack` and writes the fresh arrays; the cast: it reads no other array of LedgerArrays.
  const L = { ...fresh, earned: scored.earned, clawedBack: scored.clawedBack, P, T, A: scored.activityIds.length, C: scored.categoryIds.length, R, detail: scored.detailed } as unknown as LedgerArrays;
  const capacity = settleCapacity(c, redeemAll(c, L, draws));
  const { redeemedUnits, nextExpiryPoints, nextExpiryDay, ...lean } = fresh;
  return { ...scored, ...lean, ...(isDetailed(scored) ? { redeemedUnits, nextExpiryPoints, nextExpiryDay } : {}), capacity, draws: draws.count };
}
