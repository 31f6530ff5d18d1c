/**
 * The mutable arrays of a Ledger while a replay fills them, in the shapes the Ledger
 * contract documents. One list of arrays (below) drives their type, allocation and
 * zero-filling: a new ledger array is one line here and its documentation in ledger.ts.
 */
import { NO_FACTORS } from './applied-factors.js';

/** The list of a partner that had no credit taken back, shared (plain data: nothing writes it). */
export const NO_CLAWBACKS: readonly Clawback[] = Object.freeze([]);
import type { CompiledProgram } from './compile.js';
import type { AppliedFactor, Clawback } from './ledger.js';

/** Partner × period arrays, in every replay, and their element types. */
const PARTNER_PERIOD = {
  earned: Float64Array,
  redeemed: Float64Array,
  expired: Float64Array,
  balance: Float64Array,
  windowPoints: Float64Array,
  tier: Int16Array,
  qualifiedTier: Int16Array,
  startTier: Int16Array,
  inGrace: Uint8Array,
  grandfathered: Uint8Array,
  termHeld: Uint8Array,
  termEnd: Int32Array,
  active: Uint8Array,
  amount: Float64Array,
  benefitCost: Float64Array,
  discountCost: Float64Array,
  rewardCost: Float64Array,
  clawedBack: Float64Array,
  windowRounding: Float64Array,
  trackKept: Int8Array,
} as const;

/** Arrays only a detailed replay fills (empty otherwise), and the third dimension of each. */
const DETAIL = {
  pointsByActivity: 'A',
  countByActivity: 'A',
  basePointsByActivity: 'A',
  multiplierPointsByActivity: 'A',
  promotionPointsByActivity: 'A',
  acceleratorPointsByActivity: 'A',
  cappedPointsByActivity: 'A',
  roundingPointsByActivity: 'A',
  releasedPointsByActivity: 'A',
  clawedBackPointsByActivity: 'A',
  pointsByCategory: 'C',
  windowRoundingByCategory: 'C',
  redeemedUnits: 'R',
  trackWindowPoints: 'N',
  trackTiers: 'N',
} as const;

/** The arrays redemption writes (redemption.ts); scoring writes the others. */
const REDEMPTION_WRITES: ReadonlySet<string> = new Set(['redeemed', 'expired', 'balance', 'rewardCost', 'redeemedUnits']);

/** The partner × period arrays scoring writes (best-track.ts copies them from the kept track). */
export const SCORED_PARTNER_PERIOD = Object.keys(PARTNER_PERIOD).filter((k) => !REDEMPTION_WRITES.has(k)) as readonly (keyof typeof PARTNER_PERIOD)[];
/** The detail arrays scoring writes per partner × period × activity or category, and their width. */
export const SCORED_DETAIL = Object.entries(DETAIL).filter(([k, w]) => !REDEMPTION_WRITES.has(k) && (w === 'A' || w === 'C')) as readonly [keyof typeof DETAIL, 'A' | 'C'][];

/** Per-partner arrays only a detailed replay fills (empty otherwise): the redemption's next expiry. */
const PARTNER_DETAIL = {
  nextExpiryPoints: Float64Array,
  nextExpiryDay: Int32Array,
} as const;

/** Per-partner lists only a detailed replay fills (empty otherwise), shared empty lists for a partner with none. */
const PARTNER_LISTS = ['appliedFactors', 'clawbacks'] as const;

/** Every field a DetailedLedger adds to a Ledger: the arrays and the lists above. */
export const DETAIL_FIELDS = [...Object.keys(DETAIL), ...Object.keys(PARTNER_DETAIL), ...PARTNER_LISTS] as readonly (keyof DetailArrays | keyof PartnerDetailArrays | (typeof PARTNER_LISTS)[number])[];

type PartnerPeriodArrays = { readonly [K in keyof typeof PARTNER_PERIOD]: InstanceType<(typeof PARTNER_PERIOD)[K]> };
type DetailArrays = { readonly [K in keyof typeof DETAIL]: Float64Array };
type PartnerDetailArrays = { readonly [K in keyof typeof PARTNER_DETAIL]: InstanceType<(typeof PARTNER_DETAIL)[K]> };

export interface LedgerArrays extends PartnerPeriodArrays, DetailArrays, PartnerDetailArrays {
  readonly P: number;
  readonly T: number;
  readonly A: number;
  readonly C: number;
  readonly R: number;
  /** Tracks scored as programs of their own (compile.ts `trackPrograms`), 0 without. */
  readonly N: number;
  /** False: every DETAIL array is empty (length 0); scoring keeps counts and points in a per-partner scratch. */
  readonly detail: boolean;
  /** Period × reward: units demanded across partners. */
  readonly rewardUnits: Float64Array;
  /** Per partner, the multipliers its scored events met (detail only; else empty), written once the partner is scored. */
  readonly appliedFactors: (readonly AppliedFactor[])[];
  /** Per partner, the credits taken back (detail only; else empty), written once the partner is scored. */
  readonly clawbacks: (readonly Clawback[])[];
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

/**
 * The arrays of a replay of `c`: the arena's, zero-filled, when it holds arrays of the
 * same shape; else fresh ones (kept in the arena for the next replay when one is given).
 */
export function allocateLedgerArrays(c: CompiledProgram, detail: boolean, arena?: ReplayArena): LedgerArrays {
  const P = c.partners.ids.length;
  const T = c.calendar.periods.length;
  const A = c.activityIds.length;
  const C = c.categoryIds.length;
  const R = c.rewards.ids.length;
  const N = c.trackPrograms.length;
  const kept = arena?.arrays;
  if (kept !== undefined && kept.P === P && kept.T === T && kept.A === A && kept.C === C && kept.R === R && kept.N === N && kept.detail === detail) {
    for (const key of Object.keys(PARTNER_PERIOD) as (keyof typeof PARTNER_PERIOD)[]) kept[key].fill(0);
    for (const key of Object.keys(DETAIL) as (keyof typeof DETAIL)[]) kept[key].fill(0);
    for (const key of Object.keys(PARTNER_DETAIL) as (keyof typeof PARTNER_DETAIL)[]) kept[key].fill(0);
    kept.appliedFactors.fill(NO_FACTORS);
    kept.clawbacks.fill(NO_CLAWBACKS);
    kept.rewardUnits.fill(0);
    return kept;
  }
  const width = { A, C, R, N };
  const arrays: Record<string, unknown> = { P, T, A, C, R, N, detail };
  for (const [key, Type] of Object.entries(PARTNER_PERIOD)) arrays[key] = new Type(P * T);
  for (const [key, dim] of Object.entries(DETAIL)) arrays[key] = new Float64Array(detail ? P * T * width[dim] : 0);
  for (const [key, Type] of Object.entries(PARTNER_DETAIL)) arrays[key] = new Type(detail ? P : 0);
  arrays['appliedFactors'] = detail ? new Array<readonly AppliedFactor[]>(P).fill(NO_FACTORS) : [];
  arrays['clawbacks'] = detail ? new Array<readonly Clawback[]>(P).fill(NO_CLAWBACKS) : [];
  arrays['rewardUnits'] = new Float64Array(T * R);
  // The cast: the loops above set every key of LedgerArrays (the two lists are its type).
  const L = arrays as unknown as LedgerArrays;
  if (arena !== undefined) arena.arrays = L;
  return L;
}
