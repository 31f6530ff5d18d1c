/**
 * The scoring pass: per partner, two walks over its (day-sorted) events.
 *
 * Walk A (tier-independent): date filter, activity, `where`, staged share, `distinct`,
 * counts; base points × column multipliers × promotions, kept per event in a scratch array.
 *
 * Walk B, period by period (the accelerator needs the tier held at the start of the
 * period, which the previous period's evaluation decided):
 *   events in date order: × earn_multiplier, rounding, gate (withheld when closed),
 *   activity cap, then category cap (clipped in date order);
 *   then steps (increments of the step level reached in the window, through the same
 *   accelerator, rounding, gate and caps); then best_of groups; then the tier evaluation.
 */
import type { CompiledProgram } from './compile.js';
import type { LedgerArrays } from './ledger-arrays.js';
import type { Redeemer } from './redemption.js';
import { eventPlanFor } from './event-plan.js';
import { roundPoints } from './rounding.js';
import { heldTier, qualify, windowSum } from './tiers.js';
import { passes } from './where.js';

const FLAG_WHERE = 1;
const FLAG_STAGED = 2;
const FLAG_DISTINCT = 4;
const FLAG_MULTIPLIED = 8;
const FLAG_PROMOTED = 16;

export interface ScoreCounts {
  ignoredEvents: number;
  unknownActivityEvents: number;
}

export function score(c: CompiledProgram, L: LedgerArrays, redeemer: Redeemer | null): ScoreCounts {
  const S = scoreState(c, L, redeemer);
  try {
    for (let p = 0; p < S.P; p++) scorePartner(S, p);
  } finally {
    S.distinctSeen.busy = false;
  }
  return { ignoredEvents: S.ignoredEvents, unknownActivityEvents: S.unknownActivityEvents };
}

/**
 * The `distinct` state of the replays of one store, reused from replay to replay rather
 * than allocated (4.9 MB on the bench history, a page fault per 4 KB): `partner` holds
 * `stamp + p` for the partner that last credited a value, and every replay takes a fresh
 * range of stamps, so what earlier replays left never matches. `busy` while a replay
 * scores (a replay started from inside one, e.g. by a Monte Carlo generator, gets its own).
 */
interface DistinctSeen {
  /** Per value v, `cells[2v]` the partner's stamp and `cells[2v + 1]` the period: one cache line for both. */
  cells: Int32Array;
  nextStamp: number;
  busy: boolean;
}

const DISTINCT_SEEN = new WeakMap<object, DistinctSeen>();

function fresh(size: number): DistinctSeen {
  return { cells: new Int32Array(2 * size).fill(-1), nextStamp: 0, busy: true };
}

/** The store's distinct state for a replay of P partners over `size` values, and the replay's stamp. */
function distinctSeenFor(store: object, size: number, P: number): { seen: DistinctSeen; stamp: number } {
  let seen = DISTINCT_SEEN.get(store);
  if (seen !== undefined && seen.busy) {
    const own = fresh(size);
    return { seen: own, stamp: 0 };
  }
  if (seen === undefined || seen.cells.length < 2 * size || seen.nextStamp + P > 0x7fffffff) {
    seen = fresh(size);
    DISTINCT_SEEN.set(store, seen);
  }
  seen.busy = true;
  const stamp = seen.nextStamp;
  seen.nextStamp += P;
  return { seen, stamp };
}

/**
 * Everything a replay's scoring reads besides the partner: the compiled tables as flat
 * arrays, the ledger arrays and the per-partner scratch. The scoring functions below are
 * module functions of this state rather than closures created per replay: V8 optimises
 * them once and keeps the code for every later replay (closures got code specialised to
 * their replay's context, compiled again in the next; and a loop in a function called once
 * per replay was compiled on stack replacement again in every replay, about 60 ms of
 * compiling while the loop ran unoptimised).
 */
function scoreFieldsOf(c: CompiledProgram, L: LedgerArrays, redeemer: Redeemer | null) {
  const store = c.store;
  const { P, T, A, C } = L;
  const cal = c.calendar;
  const firstDay = cal.firstDay;
  const lastDay = cal.lastDay;
  const periodOfDay = cal.periodOfDay;
  const windowStart = cal.windowStart;
  const acts = c.activities;
  const activityOfCode = c.activityOfCode;
  const promos = c.promotions;
  const day = store.day;
  const activity = store.activity;
  const quantity = store.quantity;
  const amountCol = store.amount;
  const categoryCap = c.categoryCap;
  const order = c.order;
  const plan = eventPlanFor(store, order, cal.firstDay, cal.lastDay, cal.periodOfDay, c.activityOfCode);
  const planPeriod = plan.period;
  const planActivity = plan.activity;
  const earnMultiplier = c.tiers.earnMultiplier;
  const annualCost = c.tiers.annualCost;
  const discountPct = c.tiers.discountPct;
  const periodsPerYear = cal.periodsPerYear;
  const coveredShare = cal.coveredShare;

  const detail = L.detail;
  // Counts are always kept (analyses read them); without detail, points and capped points
  // per activity live in one partner's scratch (periods × activities), reset per partner.
  const count = L.counts ? L.countByActivity : new Float64Array(T * A);
  const points = detail ? L.pointsByActivity : new Float64Array(T * A);
  const capped = detail ? L.cappedPointsByActivity : new Float64Array(T * A);
  const basePts = L.basePointsByActivity;
  const multPts = L.multiplierPointsByActivity;
  const promoPts = L.promotionPointsByActivity;
  const accPts = L.acceleratorPointsByActivity;
  const roundPts = L.roundingPointsByActivity;
  const releasedPts = L.releasedPointsByActivity;
  const catPts = L.pointsByCategory;
  const amountPP = L.amount;
  // One partner's category points and amount (periods × categories, periods) while it is
  // scored, copied into the ledger when it is done: the clipping, rooms, window sums and
  // tier checks then read and write a few cache lines instead of scattered ledger cells.
  const catLocal = new Float64Array(T * C);
  const amountLocal = new Float64Array(T);
  const earnedPP = L.earned;
  const balancePP = L.balance;
  const startTier = L.startTier;
  const tierPP = L.tier;
  const qualifiedPP = L.qualifiedTier;
  const inGracePP = L.inGrace;
  const windowPointsPP = L.windowPoints;
  const benefitPP = L.benefitCost;
  const discountPP = L.discountCost;

  // Scratch, reused for every partner.
  const n = c.maxPartnerEvents;
  const gatedActivities = c.gatedActivities;
  const stepActivities = c.stepActivities;
  const basisBalance = c.basisBalance;
  const storeCode = c.partners.storeCode;
  const partnerStart = store.partnerStart;
  const tiers = c.tiers;
  const K = tiers.names.length;
  const thresholds = tiers.thresholds;
  const reqCategory = tiers.reqCategory;
  const reqCategoryMin = tiers.reqCategoryMin;
  const reqActivity = tiers.reqActivity;
  const reqActivityMin = tiers.reqActivityMin;
  const grace = tiers.grace;
  const evPre = new Float64Array(n);
  const evPeriod = new Int32Array(n);
  const evAct = new Int32Array(n);
  const room = new Float64Array(A);
  const catRoom = new Float64Array(C);
  const gateOpen = new Uint8Array(A).fill(1);
  const nGated = c.gatedActivities.length;
  const gateIndex = new Int32Array(A).fill(-1);
  c.gatedActivities.forEach((a, g) => (gateIndex[a] = g));
  // Points a closed gate withheld, per period and gated activity: released when the gate opens within the window.
  const withheld = new Float64Array(Math.max(1, T * nGated));
  const nSteps = c.stepActivities.length;
  const stepCredited = new Float64Array(Math.max(1, T * nSteps));
  const groups = c.bestOfGroups;
  const G = groups.length;
  let M = 0;
  const memberOffset = new Int32Array(G);
  groups.forEach((g, gi) => {
    memberOffset[gi] = M;
    M += g.length;
  });
  const groupPre = new Float64Array(Math.max(1, T * M));
  const groupCredited = new Float64Array(Math.max(1, T * G));
  // `distinct` state, per activity and value (activity a's values from distinctOffset[a]):
  // which partner last credited the value, and in which period. Flat arrays rather than
  // one per activity: an array of typed arrays or nulls made the optimised loop deoptimise
  // on a map check in every replay.
  const distinctOffset = new Int32Array(A);
  let distinctTotal = 0;
  for (const act of acts) {
    distinctOffset[act.index] = distinctTotal;
    if (act.distinct !== null) distinctTotal += act.distinctValues;
  }
  const { seen: distinctSeen, stamp: distinctStamp } = distinctSeenFor(store, distinctTotal, P);
  const seen = distinctSeen.cells;
  const cappedActivity = Uint8Array.from(acts, (a) => (Number.isFinite(a.cap) ? 1 : 0));
  const cappedList = Int32Array.from(acts.filter((a) => Number.isFinite(a.cap)), (a) => a.index);
  const cappedCategories = Int32Array.from(
    Array.from(categoryCap.keys()).filter((cat) => Number.isFinite(categoryCap[cat] as number)),
  );
  catRoom.fill(Infinity);
  // Rooms are computed on a period's first credit of the activity or category (stamped
  // with the partner-period), not for every capped one at the start of every busy period:
  // they read only earlier periods, which a period's credits never change.
  const roomAt = new Int32Array(A).fill(-1);
  const catRoomAt = new Int32Array(C).fill(-1);
  const catCapped = Uint8Array.from(categoryCap, (cap) => (Number.isFinite(cap) ? 1 : 0));


  // The per-event rule fields as flat arrays (fewer object loads in the hot loops).
  const roundScale = Float64Array.from(acts, (a) => a.round.scale);
  const roundMode = Int32Array.from(acts, (a) => a.round.mode);
  const categoryOf = Int32Array.from(acts, (a) => a.category);
  const pointsPer = Float64Array.from(acts, (a) => a.points);
  const perAmount = Float64Array.from(acts, (a) => a.perAmount);
  const perQuantity = Float64Array.from(acts, (a) => a.perQuantity);
  const capOf = Float64Array.from(acts, (a) => a.cap);
  const capWindowOf = Uint8Array.from(acts, (a) => (a.capWindow ? 1 : 0));
  // Which rules beyond points × quantity and points_per apply to an activity's events; 0
  // (most events of a typical design) takes walkA's short path, which reads no rule object.
  const actFlags = new Uint8Array(A);
  for (const act of acts) {
    let f = 0;
    if (act.where !== null) f |= FLAG_WHERE;
    if (act.stageShare !== null) f |= FLAG_STAGED;
    if (act.distinct !== null) f |= FLAG_DISTINCT;
    if (act.multipliers.length > 0) f |= FLAG_MULTIPLIED;
    if (promos.some((promo) => promo.activities[act.index] === 1)) f |= FLAG_PROMOTED;
    actFlags[act.index] = f;
  }
  return {
    c, L, redeemer, store, P, T, A, C, cal, firstDay, lastDay, periodOfDay, windowStart, acts, activityOfCode,
    promos, day, activity, quantity, amountCol, categoryCap, order, planPeriod, planActivity, earnMultiplier, annualCost, discountPct,
    periodsPerYear, coveredShare, detail, count, points, capped, basePts, multPts, promoPts, accPts, roundPts,
    releasedPts, catPts, amountPP, catLocal, amountLocal, earnedPP, balancePP, startTier, tierPP, qualifiedPP,
    inGracePP, windowPointsPP, benefitPP, discountPP, n, evPre, evPeriod, evAct, room, catRoom, gateOpen, nGated,
    gateIndex, withheld, nSteps, stepCredited, groups, G, M, memberOffset, groupPre, groupCredited, distinctOffset,
    distinctTotal, distinctSeen, distinctStamp, seen, cappedActivity, cappedList, cappedCategories, roundScale, roundMode,
    categoryOf, pointsPer, perAmount, perQuantity, capOf, capWindowOf, actFlags, roomAt, catRoomAt, catCapped, gatedActivities, stepActivities, basisBalance, storeCode,
    partnerStart, K, thresholds, reqCategory, reqCategoryMin, reqActivity, reqActivityMin, grace,
    ignoredEvents: 0,
    unknownActivityEvents: 0,
    /** The current partner-period (the rooms' stamp), its window's first period and the partner's detail row. */
    stamp: -1,
    windowFrom: 0,
    ap: 0,
    /** Whether only events write the scratch cells (see zeroScratch). */
    zeroByEvents: nSteps === 0 && G === 0 && nGated === 0,
    /**
     * Whether walkAB may score the partners: nothing reads a period's counts before its
     * events (no gates, no steps), and a partner's events come period by period (every
     * calendar day in a period, so periods rise with days; when MAX_PERIODS cut the
     * calendar short, the days past its last period have period 0).
     */
    oneWalk: nSteps === 0 && nGated === 0 && nonDecreasing(periodOfDay),
  };
}

function nonDecreasing(xs: Int32Array): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) < (xs[i - 1] as number)) return false;
  return true;
}

type ScoreFields = ReturnType<typeof scoreFieldsOf>;

function scoreState(c: CompiledProgram, L: LedgerArrays, redeemer: Redeemer | null): ScoreFields {
  const fields = scoreFieldsOf(c, L, redeemer);
  // S is built field by field, not returned as the literal: V8 marks an object literal's
  // fields constant while the literal has run once, optimises the scoring on that, and
  // throws the code away when the literal runs again in the next replay (every second
  // replay recompiled it). Fields added one by one to {} keep their constness.
  const S = {} as ScoreFields;
  S.c = fields.c;
  S.L = fields.L;
  S.redeemer = fields.redeemer;
  S.store = fields.store;
  S.P = fields.P;
  S.T = fields.T;
  S.A = fields.A;
  S.C = fields.C;
  S.cal = fields.cal;
  S.firstDay = fields.firstDay;
  S.lastDay = fields.lastDay;
  S.periodOfDay = fields.periodOfDay;
  S.windowStart = fields.windowStart;
  S.acts = fields.acts;
  S.activityOfCode = fields.activityOfCode;
  S.promos = fields.promos;
  S.day = fields.day;
  S.activity = fields.activity;
  S.quantity = fields.quantity;
  S.amountCol = fields.amountCol;
  S.categoryCap = fields.categoryCap;
  S.order = fields.order;
  S.planPeriod = fields.planPeriod;
  S.planActivity = fields.planActivity;
  S.earnMultiplier = fields.earnMultiplier;
  S.annualCost = fields.annualCost;
  S.discountPct = fields.discountPct;
  S.periodsPerYear = fields.periodsPerYear;
  S.coveredShare = fields.coveredShare;
  S.detail = fields.detail;
  S.count = fields.count;
  S.points = fields.points;
  S.capped = fields.capped;
  S.basePts = fields.basePts;
  S.multPts = fields.multPts;
  S.promoPts = fields.promoPts;
  S.accPts = fields.accPts;
  S.roundPts = fields.roundPts;
  S.releasedPts = fields.releasedPts;
  S.catPts = fields.catPts;
  S.amountPP = fields.amountPP;
  S.catLocal = fields.catLocal;
  S.amountLocal = fields.amountLocal;
  S.earnedPP = fields.earnedPP;
  S.balancePP = fields.balancePP;
  S.startTier = fields.startTier;
  S.tierPP = fields.tierPP;
  S.qualifiedPP = fields.qualifiedPP;
  S.inGracePP = fields.inGracePP;
  S.windowPointsPP = fields.windowPointsPP;
  S.benefitPP = fields.benefitPP;
  S.discountPP = fields.discountPP;
  S.n = fields.n;
  S.evPre = fields.evPre;
  S.evPeriod = fields.evPeriod;
  S.evAct = fields.evAct;
  S.room = fields.room;
  S.catRoom = fields.catRoom;
  S.gateOpen = fields.gateOpen;
  S.nGated = fields.nGated;
  S.gateIndex = fields.gateIndex;
  S.withheld = fields.withheld;
  S.nSteps = fields.nSteps;
  S.stepCredited = fields.stepCredited;
  S.groups = fields.groups;
  S.G = fields.G;
  S.M = fields.M;
  S.memberOffset = fields.memberOffset;
  S.groupPre = fields.groupPre;
  S.groupCredited = fields.groupCredited;
  S.distinctOffset = fields.distinctOffset;
  S.distinctTotal = fields.distinctTotal;
  S.distinctSeen = fields.distinctSeen;
  S.distinctStamp = fields.distinctStamp;
  S.seen = fields.seen;
  S.cappedActivity = fields.cappedActivity;
  S.cappedList = fields.cappedList;
  S.cappedCategories = fields.cappedCategories;
  S.roundScale = fields.roundScale;
  S.roundMode = fields.roundMode;
  S.categoryOf = fields.categoryOf;
  S.pointsPer = fields.pointsPer;
  S.perAmount = fields.perAmount;
  S.perQuantity = fields.perQuantity;
  S.capOf = fields.capOf;
  S.capWindowOf = fields.capWindowOf;
  S.actFlags = fields.actFlags;
  S.roomAt = fields.roomAt;
  S.catRoomAt = fields.catRoomAt;
  S.catCapped = fields.catCapped;
  S.stamp = fields.stamp;
  S.windowFrom = fields.windowFrom;
  S.ap = fields.ap;
  S.zeroByEvents = fields.zeroByEvents;
  S.oneWalk = fields.oneWalk;
  S.gatedActivities = fields.gatedActivities;
  S.stepActivities = fields.stepActivities;
  S.basisBalance = fields.basisBalance;
  S.storeCode = fields.storeCode;
  S.partnerStart = fields.partnerStart;
  S.K = fields.K;
  S.thresholds = fields.thresholds;
  S.reqCategory = fields.reqCategory;
  S.reqCategoryMin = fields.reqCategoryMin;
  S.reqActivity = fields.reqActivity;
  S.reqActivityMin = fields.reqActivityMin;
  S.grace = fields.grace;
  S.ignoredEvents = fields.ignoredEvents;
  S.unknownActivityEvents = fields.unknownActivityEvents;
  return S;
}

type ScoreState = ScoreFields;

/** Credits `pre` pre-accelerator points of activity a in period t (partner-period pt, activity row apt), earning at `acc`. */
function credit(S: ScoreState, a: number, pre: number, t: number, pt: number, apt: number, acc: number): void {
  const { A, detail, capped, accPts, roundPts, gateOpen, nGated, gateIndex, withheld, roundScale, roundMode } = S;
  const i = apt * A + a;
  let v = pre * acc;
  if (detail) accPts[i] = (accPts[i] as number) + v - pre;
  const scale = roundScale[a] as number;
  if (scale !== 0) {
    const r = roundPoints(v, scale, roundMode[a] as number);
    if (detail) roundPts[i] = (roundPts[i] as number) + r - v;
    v = r;
  }
  if (gateOpen[a] === 0) {
    capped[i] = (capped[i] as number) + v;
    const w = t * nGated + (gateIndex[a] as number);
    withheld[w] = (withheld[w] as number) + v;
    return;
  }
  clip(S, a, v, t, apt);
}

/** Credits `v` points of activity a through its cap and its category's cap; the rest is capped (t: the period, for the partner's category scratch). */
function clip(S: ScoreState, a: number, v: number, t: number, apt: number): void {
  const {
    T, A, C, points, capped, catLocal, room, catRoom, cappedActivity, categoryOf, roomAt, catRoomAt, catCapped, capOf,
    capWindowOf, categoryCap, stamp, windowFrom, ap
  } = S;
  const i = apt * A + a;
  let x = v;
  if (cappedActivity[a] === 1) {
    if (roomAt[a] !== stamp) {
      roomAt[a] = stamp;
      room[a] = (capOf[a] as number) - (capWindowOf[a] === 1 && t > windowFrom ? windowSum(points, ap, T, A, a, windowFrom, t - 1) : 0);
    }
    const left = room[a] as number;
    if (x > left) x = left > 0 ? left : 0;
    room[a] = left - x;
  }
  const cat = categoryOf[a] as number;
  if (catCapped[cat] === 1 && catRoomAt[cat] !== stamp) {
    catRoomAt[cat] = stamp;
    const cap = categoryCap[cat] as number;
    catRoom[cat] = t === windowFrom ? cap : cap - windowSum(catLocal, 0, T, C, cat, windowFrom, t - 1);
  }
  const catLeft = catRoom[cat] as number;
  if (x > catLeft) x = catLeft > 0 ? catLeft : 0;
  catRoom[cat] = catLeft - x;
  capped[i] = (capped[i] as number) + v - x;
  points[i] = (points[i] as number) + x;
  const lc = t * C + cat;
  catLocal[lc] = (catLocal[lc] as number) + x;
}

function scorePartner(S: ScoreState, p: number): void {
  const { L, detail, count, points, capped, catLocal, amountLocal, storeCode, partnerStart } = S;
  catLocal.fill(0);
  amountLocal.fill(0);
  const code = storeCode[p] as number;
  const s0 = code >= 0 ? (partnerStart[code] as number) : 0;
  const s1 = code >= 0 ? (partnerStart[code + 1] as number) : 0;
  const m = s1 - s0;
  const ap = detail ? p : 0;
  const cp = L.counts ? p : 0;
  const byEvents = S.zeroByEvents;
  if (!byEvents) {
    if (!detail) {
      points.fill(0);
      capped.fill(0);
    }
    if (!L.counts) count.fill(0);
  }

  if (S.oneWalk) walkAB(S, p, s0, m, ap, cp);
  else {
    walkA(S, p, s0, m, ap, cp);
    walkB(S, p, m, ap, cp);
  }
  if (byEvents && (!detail || !L.counts)) zeroScratch(S, m);
}

/**
 * Puts back to zero the cells of the per-partner scratch (points, capped, counts) that the
 * partner's events wrote, for the next partner: a few dozen cells instead of three
 * periods × activities arrays. Only when events are all that write them (no steps,
 * best_of groups or gates, which credit cells of their own).
 */
function zeroScratch(S: ScoreState, m: number): void {
  const { A, L, detail, count, points, capped, evPeriod, evAct } = S;
  const counts = L.counts;
  for (let k = 0; k < m; k++) {
    const t = evPeriod[k] as number;
    const a = evAct[k] as number;
    if (t < 0 || a < 0) continue;
    const j = t * A + a;
    if (!detail) {
      points[j] = 0;
      capped[j] = 0;
    }
    if (!counts) count[j] = 0;
  }
}

/** Walk A of partner p (events s0 .. s0 + m - 1): fills evPre / evPeriod / evAct, the amounts and the counts. */
function walkA(S: ScoreState, p: number, s0: number, m: number, ap: number, cp: number): void {
  const {
    T, A, windowStart, acts, promos, day, quantity, amountCol, order, planPeriod, planActivity, detail, count, basePts, multPts, promoPts, amountLocal, evPre, evPeriod, evAct, distinctOffset,
    seen, distinctStamp, pointsPer, perAmount, perQuantity, actFlags
  } = S;
  let ignored = 0;
  let unknown = 0;
  for (let k = 0; k < m; k++) {
    const s = s0 + k;
    const t = planPeriod[s] as number;
    evPre[k] = 0;
    evPeriod[k] = t;
    if (t < 0) {
      ignored++;
      continue;
    }
    const a = planActivity[s] as number;
    evAct[k] = a;
    if (a < 0) {
      unknown++;
      continue;
    }
    const i = order !== null ? (order[s] as number) : s;
    const amt = amountCol[i] as number;
    amountLocal[t] = (amountLocal[t] as number) + amt;
    if (actFlags[a] === 0) {
      // The general path below with share = 1, dm = 1, pm = 1 (each product by 1 is exact).
      const q = quantity[i] as number;
      const ic = (cp * T + t) * A + a;
      count[ic] = (count[ic] as number) + q;
      const base = (pointsPer[a] as number) * q + ((perAmount[a] as number) * amt + (perQuantity[a] as number) * q);
      if (base === 0) continue;
      if (detail) {
        const ia = (ap * T + t) * A + a;
        basePts[ia] = (basePts[ia] as number) + base;
        multPts[ia] = (multPts[ia] as number) + base * 0;
        promoPts[ia] = (promoPts[ia] as number) + base * 0;
      }
      evPre[k] = base;
      continue;
    }
    const act = acts[a]!;
    if (act.where !== null && !passes(act.where, i, p, amountCol, quantity)) continue;
    let share = 1;
    if (act.stageShare !== null) {
      share = (act.stageShare[(act.stageCodes as Uint32Array)[i] as number] as number | undefined) ?? 0;
      if (share === 0) continue;
    }
    const q = quantity[i] as number;
    let w: number;
    if (act.distinct !== null) {
      const v = act.distinct[i] as number;
      if (v === 0) continue;
      const sv = 2 * ((distinctOffset[a] as number) + v);
      if (seen[sv] === distinctStamp + p && (seen[sv + 1] as number) >= (windowStart[t] as number)) continue;
      seen[sv] = distinctStamp + p;
      seen[sv + 1] = t;
      w = share;
    } else w = q * share;
    const ia = (ap * T + t) * A + a;
    const ic = (cp * T + t) * A + a;
    count[ic] = (count[ic] as number) + w;
    const base = (pointsPer[a] as number) * w + share * ((perAmount[a] as number) * amt + (perQuantity[a] as number) * q);
    if (base === 0) continue;
    let dm = 1;
    const mults = act.multipliers;
    for (let j = 0; j < mults.length; j++) {
      const col = mults[j]!;
      const v = col.codes !== null ? (col.codes[i] as number) : 0;
      dm *= (v !== 0 ? col.byCode[v] : col.byPartner[p]) as number;
    }
    let pm = 1;
    // The day column is read only for an activity some promotion names (for the others every promotion is skipped).
    if (((actFlags[a] as number) & FLAG_PROMOTED) !== 0) {
      const d = day[i] as number;
      for (let j = 0; j < promos.length; j++) {
        const promo = promos[j]!;
        if (d < promo.from || d > promo.to || promo.activities[a] !== 1) continue;
        if (promo.where !== null && !passes(promo.where, i, p, amountCol, quantity)) continue;
        pm *= promo.factor;
      }
    }
    if (detail) {
      basePts[ia] = (basePts[ia] as number) + base;
      multPts[ia] = (multPts[ia] as number) + base * (dm - 1);
      promoPts[ia] = (promoPts[ia] as number) + base * dm * (pm - 1);
    }
    evPre[k] = base * dm * pm;
  }
  S.ignoredEvents += ignored;
  S.unknownActivityEvents += unknown;
}

/** Walk B of partner p (its m events already through walkA). */
function walkB(S: ScoreState, p: number, m: number, ap: number, cp: number): void {
  const {
    redeemer, T, A, C, windowStart, acts, categoryCap, earnMultiplier, annualCost, discountPct, periodsPerYear,
    coveredShare, detail, count, points, capped, basePts, accPts, roundPts, releasedPts, catPts, amountPP, catLocal,
    amountLocal, earnedPP, balancePP, startTier, tierPP, qualifiedPP, inGracePP, windowPointsPP, benefitPP,
    discountPP, evPre, evPeriod, evAct, room, catRoom, gateOpen, nGated, gateIndex, withheld, nSteps, stepCredited, G,
    groupPre, groupCredited, cappedActivity, roundScale, roundMode, categoryOf, capOf, capWindowOf, roomAt, catRoomAt, catCapped,
    gatedActivities, stepActivities, basisBalance
  } = S;
  let held = qualify(S, p, -1, 0, catLocal, count, cp, T, A);
  if (nSteps > 0) stepCredited.fill(0);
  if (nGated > 0) withheld.fill(0);
  if (G > 0) {
    groupPre.fill(0);
    groupCredited.fill(0);
  }
  redeemer?.begin(p);
  let k = 0;
  for (let t = 0; t < T; t++) {
    const pt = p * T + t;
    const apt = ap * T + t;
    const windowFrom = windowStart[t] as number;
    startTier[pt] = held;
    const acc = held >= 0 ? (earnMultiplier[held] as number) : 1;
    if (held >= 0) {
      benefitPP[pt] = ((annualCost[held] as number) / periodsPerYear) * (coveredShare[t] as number);
      discountPP[pt] = ((discountPct[held] as number) / 100) * (amountLocal[t] as number);
    }

    for (let g = 0; g < nGated; g++) {
      const a = gatedActivities[g] as number;
      const act = acts[a]!;
      let open = 1;
      for (let j = 0; j < act.gateActivity.length; j++) {
        const b = act.gateActivity[j] as number;
        const have = b >= 0 ? windowSum(count, cp, T, A, b, windowFrom, t) : 0;
        if (have < (act.gateCount[j] as number)) open = 0;
      }
      gateOpen[a] = open;
    }
    const stamp = pt;
    S.stamp = stamp;
    S.windowFrom = windowFrom;
    S.ap = ap;

    // A gate open now releases what it withheld in the window's earlier periods (before this period's events: they are older).
    for (let g = 0; g < nGated; g++) {
      const a = gatedActivities[g] as number;
      if (gateOpen[a] === 0) continue;
      let release = 0;
      for (let s = windowFrom; s < t; s++) {
        release += withheld[s * nGated + g] as number;
        withheld[s * nGated + g] = 0;
      }
      if (release > 0) {
        if (detail) releasedPts[apt * A + a] = (releasedPts[apt * A + a] as number) + release;
        clip(S, a, release, t, apt);
      }
    }

    // credit() and clip() written out for the events: called per event, they boxed their
    // fractional arguments (a heap number each, ~12 MB of garbage a replay on the bench
    // history). Same arithmetic, same order; steps and releases still call them.
    while (k < m && (evPeriod[k] as number) <= t) {
      const pre = evPre[k] as number;
      if (pre > 0 && evPeriod[k] === t) {
        const a = evAct[k] as number;
        const i = apt * A + a;
        let v = pre * acc;
        if (detail) accPts[i] = (accPts[i] as number) + v - pre;
        const scale = roundScale[a] as number;
        if (scale !== 0) {
          const r = roundPoints(v, scale, roundMode[a] as number);
          if (detail) roundPts[i] = (roundPts[i] as number) + r - v;
          v = r;
        }
        if (gateOpen[a] === 0) {
          capped[i] = (capped[i] as number) + v;
          const w = t * nGated + (gateIndex[a] as number);
          withheld[w] = (withheld[w] as number) + v;
        } else {
          let x = v;
          if (cappedActivity[a] === 1) {
            if (roomAt[a] !== stamp) {
              roomAt[a] = stamp;
              room[a] = (capOf[a] as number) - (capWindowOf[a] === 1 && t > windowFrom ? windowSum(points, ap, T, A, a, windowFrom, t - 1) : 0);
            }
            const left = room[a] as number;
            if (x > left) x = left > 0 ? left : 0;
            room[a] = left - x;
          }
          const cat = categoryOf[a] as number;
          if (catCapped[cat] === 1 && catRoomAt[cat] !== stamp) {
            catRoomAt[cat] = stamp;
            const cap = categoryCap[cat] as number;
            catRoom[cat] = t === windowFrom ? cap : cap - windowSum(catLocal, 0, T, C, cat, windowFrom, t - 1);
          }
          const catLeft = catRoom[cat] as number;
          if (x > catLeft) x = catLeft > 0 ? catLeft : 0;
          catRoom[cat] = catLeft - x;
          capped[i] = (capped[i] as number) + v - x;
          points[i] = (points[i] as number) + x;
          const lc = t * C + cat;
          catLocal[lc] = (catLocal[lc] as number) + x;
        }
      }
      k++;
    }

    for (let j = 0; j < nSteps; j++) {
      const a = stepActivities[j] as number;
      const act = acts[a]!;
      const have = windowSum(count, cp, T, A, a, windowFrom, t);
      let level = 0;
      for (let s = 0; s < act.stepAt.length; s++) if (have >= (act.stepAt[s] as number)) level = act.stepPoints[s] as number;
      let already = 0;
      for (let s = windowFrom; s < t; s++) already += stepCredited[s * nSteps + j] as number;
      const inc = level - already;
      if (inc > 0) {
        stepCredited[t * nSteps + j] = inc;
        if (detail) basePts[pt * A + a] = (basePts[pt * A + a] as number) + inc;
        credit(S, a, inc, t, pt, apt, acc);
      }
    }

    for (let g = 0; g < G; g++) settleBestOf(S, g, t, apt, windowFrom);

    let earned = 0;
    for (let cat = 0; cat < C; cat++) earned += catLocal[t * C + cat] as number;
    earnedPP[pt] = earned;
    if (redeemer !== null) redeemer.period(p, t);

    let wp: number;
    if (basisBalance) wp = balancePP[pt] as number;
    else {
      wp = 0;
      for (let s = windowFrom; s <= t; s++) wp += earnedPP[p * T + s] as number;
    }
    windowPointsPP[pt] = wp;
    const q = qualify(S, p, t, wp, catLocal, count, cp, T, A);
    qualifiedPP[pt] = q;
    held = heldTier(S, qualifiedPP, p * T, t);
    inGracePP[pt] = held > q ? 1 : 0;
    tierPP[pt] = held;
  }
  if (catPts.length !== 0) catPts.set(catLocal, p * T * C);
  amountPP.set(amountLocal, p * T);
}

/**
 * Walks A and B in one pass over partner p's events, for designs where nothing in a
 * period reads that period's counts before its events are credited (no gates, no steps):
 * each event is filtered, weighed and credited as it is read, without going through the
 * evPre scratch and a second loop. The same operations in the same order as walkA then
 * walkB, so the same numbers; the period's discount, which needs the period's amount, is
 * set after its events instead of before (nothing reads it in between).
 */
function walkAB(S: ScoreState, p: number, s0: number, m: number, ap: number, cp: number): void {
  const {
    redeemer, T, A, C, windowStart, acts, promos, day, quantity, amountCol, order, planPeriod, planActivity,
    categoryCap, earnMultiplier, annualCost, discountPct, periodsPerYear, coveredShare, detail, count, points, capped,
    basePts, multPts, promoPts, accPts, roundPts, catPts, amountPP, catLocal, amountLocal, earnedPP, balancePP,
    startTier, tierPP, qualifiedPP, inGracePP, windowPointsPP, benefitPP, discountPP, evPeriod, evAct, room, catRoom,
    G, groupPre, groupCredited, distinctOffset, seen, distinctStamp, cappedActivity, roundScale,
    roundMode, categoryOf, pointsPer, perAmount, perQuantity, capOf, capWindowOf, actFlags, roomAt, catRoomAt,
    catCapped, basisBalance
  } = S;
  let ignored = 0;
  let unknown = 0;
  let held = qualify(S, p, -1, 0, catLocal, count, cp, T, A);
  if (G > 0) {
    groupPre.fill(0);
    groupCredited.fill(0);
  }
  redeemer?.begin(p);
  let k = 0;
  for (let t = 0; t < T; t++) {
    const pt = p * T + t;
    const apt = ap * T + t;
    const windowFrom = windowStart[t] as number;
    startTier[pt] = held;
    const acc = held >= 0 ? (earnMultiplier[held] as number) : 1;
    if (held >= 0) benefitPP[pt] = ((annualCost[held] as number) / periodsPerYear) * (coveredShare[t] as number);
    const stamp = pt;
    S.stamp = stamp;
    S.windowFrom = windowFrom;
    S.ap = ap;

    // The events up to this period: those outside the calendar (-1) come first or last, by day.
    for (; k < m; k++) {
      const s = s0 + k;
      const et = planPeriod[s] as number;
      if (et > t) break;
      evPeriod[k] = et;
      if (et < 0) {
        ignored++;
        continue;
      }
      // et === t: every earlier period's events were taken by the earlier iterations.
      const a = planActivity[s] as number;
      evAct[k] = a;
      if (a < 0) {
        unknown++;
        continue;
      }
      const i = order !== null ? (order[s] as number) : s;
      const amt = amountCol[i] as number;
      amountLocal[t] = (amountLocal[t] as number) + amt;
      let pre: number;
      if (actFlags[a] === 0) {
        const q = quantity[i] as number;
        const ic = (cp * T + t) * A + a;
        count[ic] = (count[ic] as number) + q;
        const base = (pointsPer[a] as number) * q + ((perAmount[a] as number) * amt + (perQuantity[a] as number) * q);
        if (base === 0) continue;
        if (detail) {
          const ia = (ap * T + t) * A + a;
          basePts[ia] = (basePts[ia] as number) + base;
          multPts[ia] = (multPts[ia] as number) + base * 0;
          promoPts[ia] = (promoPts[ia] as number) + base * 0;
        }
        pre = base;
      } else {
        const act = acts[a]!;
        if (act.where !== null && !passes(act.where, i, p, amountCol, quantity)) continue;
        let share = 1;
        if (act.stageShare !== null) {
          share = (act.stageShare[(act.stageCodes as Uint32Array)[i] as number] as number | undefined) ?? 0;
          if (share === 0) continue;
        }
        const q = quantity[i] as number;
        let w: number;
        if (act.distinct !== null) {
          const v = act.distinct[i] as number;
          if (v === 0) continue;
          const sv = 2 * ((distinctOffset[a] as number) + v);
          if (seen[sv] === distinctStamp + p && (seen[sv + 1] as number) >= (windowStart[t] as number)) continue;
          seen[sv] = distinctStamp + p;
          seen[sv + 1] = t;
          w = share;
        } else w = q * share;
        const ia = (ap * T + t) * A + a;
        const ic = (cp * T + t) * A + a;
        count[ic] = (count[ic] as number) + w;
        const base = (pointsPer[a] as number) * w + share * ((perAmount[a] as number) * amt + (perQuantity[a] as number) * q);
        if (base === 0) continue;
        let dm = 1;
        const mults = act.multipliers;
        for (let j = 0; j < mults.length; j++) {
          const col = mults[j]!;
          const v = col.codes !== null ? (col.codes[i] as number) : 0;
          dm *= (v !== 0 ? col.byCode[v] : col.byPartner[p]) as number;
        }
        let pm = 1;
        if (((actFlags[a] as number) & FLAG_PROMOTED) !== 0) {
          const d = day[i] as number;
          for (let j = 0; j < promos.length; j++) {
            const promo = promos[j]!;
            if (d < promo.from || d > promo.to || promo.activities[a] !== 1) continue;
            if (promo.where !== null && !passes(promo.where, i, p, amountCol, quantity)) continue;
            pm *= promo.factor;
          }
        }
        if (detail) {
          basePts[ia] = (basePts[ia] as number) + base;
          multPts[ia] = (multPts[ia] as number) + base * (dm - 1);
          promoPts[ia] = (promoPts[ia] as number) + base * dm * (pm - 1);
        }
        pre = base * dm * pm;
      }
      // walkB's crediting of the event (no gates here).
      if (!(pre > 0)) continue;
      const ib = apt * A + a;
      let v = pre * acc;
      if (detail) accPts[ib] = (accPts[ib] as number) + v - pre;
      const scale = roundScale[a] as number;
      if (scale !== 0) {
        const r = roundPoints(v, scale, roundMode[a] as number);
        if (detail) roundPts[ib] = (roundPts[ib] as number) + r - v;
        v = r;
      }
      let x = v;
      if (cappedActivity[a] === 1) {
        if (roomAt[a] !== stamp) {
          roomAt[a] = stamp;
          room[a] = (capOf[a] as number) - (capWindowOf[a] === 1 && t > windowFrom ? windowSum(points, ap, T, A, a, windowFrom, t - 1) : 0);
        }
        const left = room[a] as number;
        if (x > left) x = left > 0 ? left : 0;
        room[a] = left - x;
      }
      const cat = categoryOf[a] as number;
      if (catCapped[cat] === 1 && catRoomAt[cat] !== stamp) {
        catRoomAt[cat] = stamp;
        const cap = categoryCap[cat] as number;
        catRoom[cat] = t === windowFrom ? cap : cap - windowSum(catLocal, 0, T, C, cat, windowFrom, t - 1);
      }
      const catLeft = catRoom[cat] as number;
      if (x > catLeft) x = catLeft > 0 ? catLeft : 0;
      catRoom[cat] = catLeft - x;
      capped[ib] = (capped[ib] as number) + v - x;
      points[ib] = (points[ib] as number) + x;
      const lc = t * C + cat;
      catLocal[lc] = (catLocal[lc] as number) + x;
    }
    if (held >= 0) discountPP[pt] = ((discountPct[held] as number) / 100) * (amountLocal[t] as number);

    for (let g = 0; g < G; g++) settleBestOf(S, g, t, apt, windowFrom);

    let earned = 0;
    for (let cat = 0; cat < C; cat++) earned += catLocal[t * C + cat] as number;
    earnedPP[pt] = earned;
    if (redeemer !== null) redeemer.period(p, t);

    let wp: number;
    if (basisBalance) wp = balancePP[pt] as number;
    else {
      wp = 0;
      for (let s = windowFrom; s <= t; s++) wp += earnedPP[p * T + s] as number;
    }
    windowPointsPP[pt] = wp;
    const q = qualify(S, p, t, wp, catLocal, count, cp, T, A);
    qualifiedPP[pt] = q;
    held = heldTier(S, qualifiedPP, p * T, t);
    inGracePP[pt] = held > q ? 1 : 0;
    tierPP[pt] = held;
  }
  // Events after the calendar's last day (T periods take every event of a period < T).
  for (; k < m; k++) {
    evPeriod[k] = -1;
    ignored++;
  }
  if (catPts.length !== 0) catPts.set(catLocal, p * T * C);
  amountPP.set(amountLocal, p * T);
  S.ignoredEvents += ignored;
  S.unknownActivityEvents += unknown;
}

/**
 * best_of: the group may hold, over the window, the largest window total of any one
 * member; the period is credited the increment over what the group already got in the
 * window's earlier periods (at most the winner's points of this period), all to the
 * winner (ties: the first member listed). Everything else is removed as capped.
 */
function settleBestOf(S: ScoreState, g: number, t: number, apt: number, windowFrom: number): void {
  const { A, C, points, capped, catLocal, groups, G, M, memberOffset, groupPre, groupCredited, categoryOf } = S;
  const members = groups[g] as Int32Array;
  const off = memberOffset[g] as number;
  let winner = -1;
  let best = -1;
  for (let j = 0; j < members.length; j++) {
    const a = members[j] as number;
    groupPre[t * M + off + j] = points[apt * A + a] as number;
    let sum = 0;
    for (let s = windowFrom; s <= t; s++) sum += groupPre[s * M + off + j] as number;
    if (sum > best) {
      best = sum;
      winner = j;
    }
  }
  let already = 0;
  for (let s = windowFrom; s < t; s++) already += groupCredited[s * G + g] as number;
  let inc = best - already;
  const own = groupPre[t * M + off + winner] as number;
  if (inc > own) inc = own;
  if (inc < 0) inc = 0;
  groupCredited[t * G + g] = inc;
  for (let j = 0; j < members.length; j++) {
    const a = members[j] as number;
    const i = apt * A + a;
    const removed = (groupPre[t * M + off + j] as number) - (j === winner ? inc : 0);
    if (removed <= 0) continue;
    points[i] = (points[i] as number) - removed;
    capped[i] = (capped[i] as number) + removed;
    const ic = t * C + (categoryOf[a] as number);
    catLocal[ic] = (catLocal[ic] as number) - removed;
  }
}
