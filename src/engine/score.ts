/**
 * The scoring pass, per partner over its day-sorted events:
 *
 *  1. weigh every event, independent of tiers: date filter, activity, `where`, staged
 *     share, `distinct`, counts and amounts; base points × column multipliers ×
 *     promotions (in detail mode, the factors other than 1 are recorded for the ledger's
 *     `appliedFactors`);
 *  then, period by period (the accelerator needs the tier the previous period's
 *  evaluation decided):
 *  2. period rules before crediting (gates open or close on the window's counts, this
 *     period's included, and release what they withheld);
 *  3. credit the period's events in date order: × earn_multiplier of the tier in force,
 *     rounding, gate (withheld when closed), activity cap, then category cap;
 *  4. period rules after crediting (steps, targets, then best_of groups), see rules/;
 *  5. active, earned, redemption when the tier reads the balance, tier evaluation.
 *
 * One copy of each rule: events, step increments, target bonuses and releases all credit
 * through `creditRange`.
 */
import { FactorRecorder } from './applied-factors.js';
import { DayWindow } from './day-window.js';
import type { CompiledProgram } from './compile.js';
import type { Clawback } from './ledger.js';
import type { LedgerArrays } from './ledger-arrays.js';
import type { Redeemer } from './redemption.js';
import { roundPoints } from './rounding.js';
import { PERIOD_RULES, type PeriodCredit, type Walk } from './rules/index.js';
import { TierHolds } from './tier-holds.js';
import { heldTier, qualify, type TierTables } from './tiers.js';
import { passes } from './where.js';
import { WindowRounding } from './window-rounding.js';
import { windowSum } from './window-sum.js';
import { FLAG_PROMOTED, FLAG_REFUNDS, periodTables, rowTables, versionsOf, type PeriodTables, type RowTables } from './version-tables.js';


export interface ScoreCounts {
  ignoredEvents: number;
  unknownActivityEvents: number;
}

export function score(c: CompiledProgram, L: LedgerArrays, redeemer: Redeemer | null): ScoreCounts {
  const scorer = new Scorer(c, L, redeemer);
  for (let p = 0; p < L.P; p++) scorer.scorePartner(p);
  return { ignoredEvents: scorer.ignoredEvents, unknownActivityEvents: scorer.unknownActivityEvents };
}

/**
 * Everything a replay's scoring reads besides the partner, as fields of one object built
 * once per replay: the compiled tables as flat arrays, the ledger arrays and the
 * per-partner scratch. The walk is a method reading them into locals, so V8 optimises it
 * once and keeps the code for every later replay.
 */
class Scorer implements Walk {
  // ---- sizes and the walk's position (read by period rules through Walk) ----
  readonly P: number;
  readonly T: number;
  readonly A: number;
  readonly C: number;
  readonly K: number;
  readonly detail: boolean;
  p = 0;
  cp = 0;
  ap = 0;
  windowFrom = 0;
  /** The accelerator (earn_multiplier) of the tier in force this period. */
  acc = 1;
  /** The current partner-period: rooms computed for another are recomputed. */
  stamp = -1;
  /** The partner's events, and the current period's (Walk). */
  eventCount = 0;
  periodFrom = 0;
  periodTo = 0;
  /** Where the partner's events start in replay order. */
  s0 = 0;
  ignoredEvents = 0;
  unknownActivityEvents = 0;

  // ---- inputs ----
  readonly redeemer: Redeemer | null;
  /** Detail only, when some activity has multipliers: which factors the partner's events met (DetailedLedger.appliedFactors). */
  readonly factors: FactorRecorder | null;
  readonly L: LedgerArrays;
  readonly windowStart: Int32Array;
  /** Per version of the design (version-tables.ts; one without dated changes): how rows are weighed, from the day in rowFrom. */
  readonly rowVersions: readonly RowTables[];
  readonly rowFrom: Int32Array;
  /** Per version: how a period is credited and evaluated; per period, the version in force on its last day (null: one version). */
  readonly periodVersions: readonly PeriodTables[];
  readonly periodVersion: Int32Array | null;
  readonly day: Int32Array;
  readonly quantity: Float64Array;
  readonly amountCol: Float64Array;
  readonly order: Uint32Array | null;
  readonly planPeriod: Int32Array;
  readonly planActivity: Int32Array;
  readonly storeCode: Int32Array;
  readonly partnerStart: Uint32Array;
  readonly rules: readonly PeriodCredit[];
  readonly activityAmounts: boolean;
  readonly basisBalance: boolean;
  readonly periodsPerYear: number;
  readonly coveredShare: Float64Array;

  // ---- per-activity rule fields as flat arrays (fewer object loads in the hot loop) ----
  readonly categoryOf: Int32Array;
  readonly roundScale: Float64Array;
  readonly roundMode: Int32Array;
  // The period's version (usePeriod): caps, accelerators, benefits, tier tables.
  capOf: Float64Array;
  capWindowOf: Uint8Array;
  cappedActivity: Uint8Array;
  categoryCap: Float64Array;
  catCapped: Uint8Array;
  readonly distinctOffset: Int32Array;
  readonly seen: Int32Array;
  readonly distinctStamp: number;

  // ---- tiers: what the evaluation reads, and the tier's effects on the period (the period's version) ----
  tiers: TierTables;
  earnMultiplier: Float64Array;
  annualCost: Float64Array;
  discountPct: Float64Array;
  /** `points.round` at a window total (activity, category or program), else null: events are rounded in creditRange. */
  readonly windowRounding: WindowRounding | null;
  /** Launch grandfathering and tier terms (null without `launch` and `calendar.term`). */
  readonly holds: TierHolds | null;

  // ---- outputs: ledger arrays, or one partner's scratch when the ledger does not keep them ----
  readonly count: Float64Array;
  readonly points: Float64Array;
  readonly capped: Float64Array;
  readonly basePts: Float64Array;
  readonly multPts: Float64Array;
  readonly promoPts: Float64Array;
  readonly accPts: Float64Array;
  readonly roundPts: Float64Array;
  readonly releasedPts: Float64Array;

  // ---- per-partner scratch, reused for every partner ----
  /** The partner's category points and amount (periods × categories, periods): copied into the ledger when it is done. */
  readonly catLocal: Float64Array;
  readonly amountLocal: Float64Array;
  /** The partner's counts added per period (quantities, distinct values, staged shares): above zero, it was active. */
  readonly occurrenceLocal: Float64Array;
  readonly amountByActivity: Float64Array;
  readonly withheld: Float64Array;
  readonly gateOpen: Uint8Array;
  /** Per event of the partner: points before the accelerator, period, activity. */
  readonly evPre: Float64Array;
  readonly evPeriod: Int32Array;
  readonly evAct: Int32Array;
  /** Per event of the partner: points credited (Walk.evCredit). */
  readonly evCredit: Float64Array;
  /** Clawbacks: the partner's points taken back per period and category (t × C + c), and its window points by category net of them (what `requires` reads). */
  readonly clawCat: Float64Array;
  readonly catNet: Float64Array;
  /** The partner's points taken back per period and activity (t × A + a), for rounding at the activity level. */
  readonly clawAct: Float64Array;
  readonly hasClawbacks: boolean;
  readonly clawedBack: Float64Array;
  readonly clawPts: Float64Array;
  /** `tier_window: last_N_days`: the partner's credits by day (day-window.ts); null for a window of whole periods. */
  readonly dayWindow: DayWindow | null;
  /** Detail only: the partner's clawbacks, in order (DetailedLedger.clawbacks). */
  readonly clawList: Clawback[] = [];
  /** One amount for credit() and clip() to pass to creditRange. */
  readonly onePre = new Float64Array(1);
  readonly oneAct = new Int32Array(1);
  /** Room left under each activity's and category's cap, computed on the partner-period's first credit (stamped). */
  readonly room: Float64Array;
  readonly roomAt: Int32Array;
  readonly catRoom: Float64Array;
  readonly catRoomAt: Int32Array;
  /** Whether only events write the scratch cells, so zeroing the cells they wrote resets it. */
  readonly zeroByEvents: boolean;

  constructor(c: CompiledProgram, L: LedgerArrays, redeemer: Redeemer | null) {
    const { P, T, A, C } = L;
    const acts = c.activities;
    const cal = c.calendar;
    this.P = P;
    this.T = T;
    this.A = A;
    this.C = C;
    this.K = c.tiers.names.length;
    this.detail = L.detail;
    this.redeemer = redeemer;
    this.factors = L.detail && acts.some((a) => a.multipliers.length > 0) ? new FactorRecorder(c) : null;
    this.L = L;
    this.windowStart = cal.windowStart;
    const versions = versionsOf(c);
    this.rowVersions = versions.map(rowTables);
    this.rowFrom = Int32Array.from(c.versions, (v) => v.from);
    this.periodVersions = versions.map(periodTables);
    this.periodVersion = c.versions.length > 0 ? c.periodVersion : null;
    this.day = c.store.day;
    this.quantity = c.store.quantity;
    this.amountCol = c.store.amount;
    this.order = c.order;
    this.planPeriod = c.plan.period;
    this.planActivity = c.plan.activity;
    this.storeCode = c.partners.storeCode;
    this.partnerStart = c.store.partnerStart;
    const rules: PeriodCredit[] = [];
    let activityAmounts = false;
    for (const rule of PERIOD_RULES) {
      const made = rule.create(c);
      if (made === null) continue;
      rules.push(made);
      if (rule.activityAmounts === true) activityAmounts = true;
    }
    this.rules = rules;
    this.activityAmounts = activityAmounts;
    this.basisBalance = c.basisBalance;
    this.periodsPerYear = cal.periodsPerYear;
    this.coveredShare = cal.coveredShare;

    this.categoryOf = Int32Array.from(acts, (a) => a.category);
    this.roundScale = Float64Array.from(acts, (a) => a.round.scale);
    this.roundMode = Int32Array.from(acts, (a) => a.round.mode);
    const first = this.periodVersions[0] as PeriodTables;
    this.capOf = first.capOf;
    this.capWindowOf = first.capWindowOf;
    this.cappedActivity = first.cappedActivity;
    this.categoryCap = first.categoryCap;
    this.catCapped = first.catCapped;
    this.tiers = first.tiers;
    this.earnMultiplier = first.earnMultiplier;
    this.annualCost = first.annualCost;
    this.discountPct = first.discountPct;
    // `distinct` cells per activity and value (activity a's values from distinctOffset[a]).
    this.distinctOffset = new Int32Array(A);
    let distinctTotal = 0;
    for (const act of acts) {
      this.distinctOffset[act.index] = distinctTotal;
      if (act.distinct !== null) distinctTotal += act.distinctValues;
    }
    const distinct = c.history.distinctScratch(distinctTotal, P);
    this.seen = distinct.cells;
    this.distinctStamp = distinct.stamp;

    this.windowRounding = c.totalRounding !== null ? new WindowRounding(c.totalRounding, L, this.categoryOf) : null;
    this.holds = TierHolds.create(c, L);

    const detail = L.detail;
    // Without detail, counts, points and capped points per activity live in one
    // partner's scratch (periods × activities), reset per partner.
    this.count = detail ? L.countByActivity : new Float64Array(T * A);
    this.points = detail ? L.pointsByActivity : new Float64Array(T * A);
    this.capped = detail ? L.cappedPointsByActivity : new Float64Array(T * A);
    this.basePts = L.basePointsByActivity;
    this.multPts = L.multiplierPointsByActivity;
    this.promoPts = L.promotionPointsByActivity;
    this.accPts = L.acceleratorPointsByActivity;
    this.roundPts = L.roundingPointsByActivity;
    this.releasedPts = L.releasedPointsByActivity;

    this.catLocal = new Float64Array(T * C);
    this.amountLocal = new Float64Array(T);
    this.occurrenceLocal = new Float64Array(T);
    this.amountByActivity = new Float64Array(activityAmounts ? T * A : 0);
    this.withheld = new Float64Array(T * A);
    this.gateOpen = new Uint8Array(A).fill(1);
    const n = c.maxPartnerEvents;
    this.evPre = new Float64Array(n);
    this.evPeriod = new Int32Array(n);
    this.evAct = new Int32Array(n);
    this.evCredit = new Float64Array(n);
    this.hasClawbacks = acts.some((a) => c.program.activities[a.id]?.clawback !== undefined);
    this.clawCat = new Float64Array(this.hasClawbacks ? T * C : 0);
    this.clawAct = new Float64Array(this.hasClawbacks ? T * A : 0);
    this.catNet = this.hasClawbacks ? new Float64Array(T * C) : this.catLocal;
    this.clawedBack = L.clawedBack;
    this.dayWindow = cal.windowDays > 0 ? new DayWindow(cal.windowDays, Int32Array.from(cal.periods, (x) => x.end), c.maxPartnerEvents) : null;
    this.clawPts = L.clawedBackPointsByActivity;
    this.room = new Float64Array(A);
    this.roomAt = new Int32Array(A).fill(-1);
    this.catRoom = new Float64Array(C).fill(Infinity);
    this.catRoomAt = new Int32Array(C).fill(-1);
    this.zeroByEvents = rules.length === 0;
  }

  /** Reads period t's version of the design (dated changes): its caps, accelerators, benefits and tier tables. */
  usePeriod(t: number): void {
    const v = this.periodVersions[(this.periodVersion as Int32Array)[t] as number] as PeriodTables;
    this.capOf = v.capOf;
    this.capWindowOf = v.capWindowOf;
    this.cappedActivity = v.cappedActivity;
    this.categoryCap = v.categoryCap;
    this.catCapped = v.catCapped;
    this.tiers = v.tiers;
    this.earnMultiplier = v.earnMultiplier;
    this.annualCost = v.annualCost;
    this.discountPct = v.discountPct;
  }

  /** Credits `pre` pre-accelerator points of activity a in period t: accelerator, rounding, then the gate, then the caps. */
  credit(a: number, pre: number, t: number): void {
    this.onePre[0] = pre;
    this.oneAct[0] = a;
    this.creditRange(this.onePre, this.oneAct, 0, 1, t, true, null);
  }

  /** Credits `points` of activity a that belong to no row (a step's increment, a target's bonus): base points, then `credit`. */
  bonus(a: number, points: number, t: number): void {
    if (this.detail) {
      const i = (this.ap * this.T + t) * this.A + a;
      this.basePts[i] = (this.basePts[i] as number) + points;
    }
    this.credit(a, points, t);
  }

  /** Credits `v` points of activity a in period t through its cap and its category's cap only (a gate's release); the rest is capped. */
  clip(a: number, v: number, t: number): void {
    this.onePre[0] = v;
    this.oneAct[0] = a;
    this.creditRange(this.onePre, this.oneAct, 0, 1, t, false, null);
  }

  storeIndex(k: number): number {
    const s = this.s0 + k;
    return this.order !== null ? (this.order[s] as number) : s;
  }

  /** Walk.takeBack: books a clawback in period t against activity a. */
  takeBack(a: number, points: number, t: number, day: number, by: string, value: string): void {
    const pt = this.p * this.T + t;
    this.dayWindow?.add(day, -points);
    this.clawedBack[pt] = (this.clawedBack[pt] as number) + points;
    const lc = t * this.C + (this.categoryOf[a] as number);
    this.clawCat[lc] = (this.clawCat[lc] as number) + points;
    this.clawAct[t * this.A + a] = (this.clawAct[t * this.A + a] as number) + points;
    if (this.detail) {
      const i = (this.ap * this.T + t) * this.A + a;
      this.clawPts[i] = (this.clawPts[i] as number) + points;
      this.clawList.push({ t, activity: a, by, value, points });
    }
  }

  /**
   * The one copy of crediting: points `pre[j]` of activity `act[j]` for j in from .. to − 1,
   * in order, in period t. `earning`: through the accelerator of the tier in force,
   * rounding and the gate first (false for a gate's release, which went through them when
   * withheld); then the activity's cap, then its category's cap; what they clip is capped.
   * Events, step increments, target bonuses and releases all come here (through credit and
   * clip for one amount), so the fields are read into locals once per call, not per amount.
   * `out` (events only): each amount's credited points, at its index (evCredit).
   */
  creditRange(pre: Float64Array, act: Int32Array, from: number, to: number, t: number, earning: boolean, out: Float64Array | null): void {
    const { T, A, C, detail, acc, accPts, roundPts, roundScale, roundMode, gateOpen, capped, withheld, points, catLocal } = this;
    const { cappedActivity, roomAt, room, categoryOf, catCapped, catRoomAt, catRoom, stamp } = this;
    const row = (this.ap * T + t) * A;
    for (let j = from; j < to; j++) {
      const p0 = pre[j] as number;
      if (!(p0 > 0)) continue;
      const a = act[j] as number;
      const i = row + a;
      let v = p0;
      if (earning) {
        v = p0 * acc;
        if (detail) accPts[i] = (accPts[i] as number) + v - p0;
        const scale = roundScale[a] as number;
        if (scale !== 0) {
          const r = roundPoints(v, scale, roundMode[a] as number);
          if (detail) roundPts[i] = (roundPts[i] as number) + r - v;
          v = r;
        }
        if (gateOpen[a] === 0) {
          capped[i] = (capped[i] as number) + v;
          withheld[t * A + a] = (withheld[t * A + a] as number) + v;
          continue;
        }
      }
      let x = v;
      if (cappedActivity[a] === 1) {
        const left = roomAt[a] === stamp ? (room[a] as number) : this.openRoom(a, t);
        if (x > left) x = left > 0 ? left : 0;
        room[a] = left - x;
      }
      const cat = categoryOf[a] as number;
      const catLeft = catCapped[cat] === 1 && catRoomAt[cat] !== stamp ? this.openCategoryRoom(cat, t) : (catRoom[cat] as number);
      if (x > catLeft) x = catLeft > 0 ? catLeft : 0;
      catRoom[cat] = catLeft - x;
      capped[i] = (capped[i] as number) + v - x;
      points[i] = (points[i] as number) + x;
      if (out !== null) out[j] = x;
      const lc = t * C + cat;
      catLocal[lc] = (catLocal[lc] as number) + x;
    }
  }

  /**
   * The room under activity a's cap at the partner-period's first credit of it: rooms are
   * computed then (stamped), not for every capped activity at the start of every period,
   * as they read only earlier periods, which a period's credits never change.
   */
  openRoom(a: number, t: number): number {
    const { T, A, windowFrom, ap } = this;
    this.roomAt[a] = this.stamp;
    const room = (this.capOf[a] as number) - (this.capWindowOf[a] === 1 && t > windowFrom ? windowSum(this.points, ap, T, A, a, windowFrom, t - 1) : 0);
    this.room[a] = room;
    return room;
  }

  /** The room under category cat's cap (per window) at the partner-period's first credit of it. */
  openCategoryRoom(cat: number, t: number): number {
    const { T, C, windowFrom } = this;
    this.catRoomAt[cat] = this.stamp;
    const cap = this.categoryCap[cat] as number;
    const room = t === windowFrom ? cap : cap - windowSum(this.catLocal, 0, T, C, cat, windowFrom, t - 1);
    this.catRoom[cat] = room;
    return room;
  }

  scorePartner(p: number): void {
    const { L, T, A, C, detail, count, points, capped, catLocal, amountLocal, amountByActivity, storeCode, partnerStart, rules, redeemer } = this;
    const { windowStart, periodsPerYear, coveredShare, basisBalance, periodVersion } = this;
    catLocal.fill(0);
    amountLocal.fill(0);
    this.occurrenceLocal.fill(0);
    if (amountByActivity.length !== 0) amountByActivity.fill(0);
    const code = storeCode[p] as number;
    const s0 = code >= 0 ? (partnerStart[code] as number) : 0;
    const m = code >= 0 ? (partnerStart[code + 1] as number) - s0 : 0;
    // The partner's row in the ledger's arrays, or row 0 of the one-partner scratch.
    const ap = detail ? p : 0;
    const cp = ap;
    this.p = p;
    this.ap = ap;
    this.cp = cp;
    this.s0 = s0;
    this.eventCount = m;
    this.dayWindow?.begin();
    if (this.hasClawbacks) {
      this.clawCat.fill(0);
      this.clawAct.fill(0);
    }
    if (!this.zeroByEvents) {
      if (!detail) {
        points.fill(0);
        capped.fill(0);
        count.fill(0);
      }
    }
    redeemer?.begin(p);

    const { active: activePP, earned: earnedPP, balance: balancePP, startTier, tier: tierPP, qualifiedTier: qualifiedPP, inGrace: inGracePP, windowPoints: windowPointsPP, benefitCost: benefitPP, discountCost: discountPP } = L;
    // 1. Every event weighed, counted and dated (independent of tiers), each under the version of the design in force on its day.
    if (periodVersion === null) this.weigh(p, s0, 0, m, this.rowVersions[0] as RowTables);
    else this.weighVersions(p, s0, m);
    // After weighing: a rule's begin may read the partner's events.
    for (let r = 0; r < rules.length; r++) rules[r]!.begin(this);
    const { evPeriod, occurrenceLocal, clawedBack, hasClawbacks, catNet, clawCat } = this;
    if (periodVersion !== null) this.usePeriod(0);
    let held = qualify(this.tiers, p, -1, 0, catLocal, count, cp, T, A);
    if (this.holds !== null) held = this.holds.begin(p, held);
    let k = 0;
    for (let t = 0; t < T; t++) {
      const pt = p * T + t;
      const windowFrom = windowStart[t] as number;
      startTier[pt] = held;
      if (periodVersion !== null) this.usePeriod(t);
      this.acc = held >= 0 ? (this.earnMultiplier[held] as number) : 1;
      if (held >= 0) benefitPP[pt] = ((this.annualCost[held] as number) / periodsPerYear) * (coveredShare[t] as number);
      this.stamp = pt;
      this.windowFrom = windowFrom;

      // The period's events: k .. up to its last (those outside the calendar, -1, come first or last by day; they carry no points).
      const from = k;
      while (k < m && (evPeriod[k] as number) <= t) k++;
      this.periodFrom = from;
      this.periodTo = k;
      if (held >= 0) discountPP[pt] = ((this.discountPct[held] as number) / 100) * (amountLocal[t] as number);
      // 2-4. Period rules around the crediting of the period's events, in date order.
      for (let r = 0; r < rules.length; r++) rules[r]!.beforeCredit(this, t);
      const dayWindow = this.dayWindow;
      dayWindow?.open(t);
      this.creditRange(this.evPre, this.evAct, from, k, t, true, this.evCredit);
      // The rows' credits on their days, before a clawback of this period lowers them (it journals itself).
      let rowCredit = 0;
      if (dayWindow !== null) {
        for (let e = from; e < k; e++) {
          const v = this.evCredit[e] as number;
          if (v === 0) continue;
          rowCredit += v;
          dayWindow.add(this.day[this.storeIndex(e)] as number, v);
        }
      }
      for (let r = 0; r < rules.length; r++) rules[r]!.afterCredit(this, t);

      // 5. Active, earned, redemption under tier_basis: balance, tier.
      if ((occurrenceLocal[t] as number) > 0) activePP[pt] = 1;
      let earned = 0;
      for (let cat = 0; cat < C; cat++) earned += catLocal[t * C + cat] as number;
      earnedPP[pt] = earned;
      // What the period credited beyond its rows (steps, targets, releases, best_of), on its last day.
      if (dayWindow !== null) dayWindow.addPeriodEnd(t, earned - rowCredit);
      if (hasClawbacks) for (let cat = 0; cat < C; cat++) catNet[t * C + cat] = (catLocal[t * C + cat] as number) - (clawCat[t * C + cat] as number);
      if (redeemer !== null) redeemer.period(p, t);
      let wp: number;
      if (basisBalance) wp = balancePP[pt] as number;
      else if (dayWindow !== null) {
        wp = dayWindow.sum(t, windowFrom);
        if (wp < 0) wp = 0;
      } else {
        wp = 0;
        for (let s = windowFrom; s <= t; s++) wp += (earnedPP[p * T + s] as number) - (clawedBack[p * T + s] as number);
        // A clawback of points earned before the window can leave it net negative: it counts as none.
        if (wp < 0) wp = 0;
      }
      if (this.windowRounding !== null) {
        // Rounded over the totals net of clawbacks, as the exact window is.
        wp = this.windowRounding.evaluate(p, t, windowFrom, wp, points, ap, catNet, hasClawbacks ? this.clawAct : null);
        if (wp < 0) wp = 0;
      }
      windowPointsPP[pt] = wp;
      const q = qualify(this.tiers, p, t, wp, catNet, count, cp, T, A, this.windowRounding?.catWindow ?? null);
      qualifiedPP[pt] = q;
      held = heldTier(this.tiers, qualifiedPP, p * T, t);
      inGracePP[pt] = held > q ? 1 : 0;
      if (this.holds !== null) held = this.holds.evaluate(p, t, held);
      tierPP[pt] = held;
    }
    if (L.pointsByCategory.length !== 0) L.pointsByCategory.set(catLocal, p * T * C);
    if (this.factors !== null) L.appliedFactors[p] = this.factors.take(p);
    if (this.clawList.length !== 0) {
      L.clawbacks[p] = this.clawList.slice();
      this.clawList.length = 0;
    }
    L.amount.set(amountLocal, p * T);
    if (this.zeroByEvents && !detail) this.zeroScratch(m);
  }

  /**
   * Weighs partner p's events under the version in force on each one's day: the partner's
   * events are in day order, so each version weighs one run of them.
   */
  weighVersions(p: number, s0: number, m: number): void {
    const { rowFrom, rowVersions, day } = this;
    let k = 0;
    for (let v = 0; v < rowVersions.length; v++) {
      const until = v + 1 < rowFrom.length ? (rowFrom[v + 1] as number) : Infinity;
      const from = k;
      while (k < m && (day[this.storeIndex(k)] as number) < until) k++;
      this.weigh(p, s0, from, k, rowVersions[v] as RowTables);
    }
  }

  /**
   * Weighs partner p's events from .. to − 1 (event k at replay position s0 + k) with the rows' tables `x`, tier-independent:
   * period, filters, counts, amounts and occurrences per period, and each event's points
   * before the accelerator (evPre, 0 when the event does not score). Every period's
   * counts are then known before any period is credited (gates read them).
   */
  weigh(p: number, s0: number, from: number, to: number, x: RowTables): void {
    const { T, A, day, quantity, amountCol, order, planPeriod, planActivity, detail, count, basePts, multPts, promoPts, factors } = this;
    const { amountLocal, amountByActivity, occurrenceLocal, activityAmounts, evPre, evCredit, evPeriod, evAct, distinctOffset, seen, distinctStamp, windowStart, ap, cp } = this;
    const { acts, promos, pointsPer, perAmount, perQuantity, actFlags } = x;
    let ignored = 0;
    let unknown = 0;
    for (let k = from; k < to; k++) {
      const s = s0 + k;
      const t = planPeriod[s] as number;
      evPre[k] = 0;
      evCredit[k] = 0;
      evPeriod[k] = t;
      evAct[k] = -1;
      if (t < 0) {
        ignored++;
        continue;
      }
      const a = planActivity[s] as number;
      evAct[k] = a;
      if (a < 0) {
        if (a === -1) unknown++;
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
        occurrenceLocal[t] = (occurrenceLocal[t] as number) + q;
        if (activityAmounts) amountByActivity[t * A + a] = (amountByActivity[t * A + a] as number) + amt;
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
      if (amt < 0 && ((actFlags[a] as number) & FLAG_REFUNDS) !== 0) continue;
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
      const ic = (cp * T + t) * A + a;
      count[ic] = (count[ic] as number) + w;
      occurrenceLocal[t] = (occurrenceLocal[t] as number) + w;
      if (activityAmounts) amountByActivity[t * A + a] = (amountByActivity[t * A + a] as number) + share * amt;
      const base = (pointsPer[a] as number) * w + share * ((perAmount[a] as number) * amt + (perQuantity[a] as number) * q);
      if (base === 0) continue;
      let dm = 1;
      const mults = act.multipliers;
      for (let j = 0; j < mults.length; j++) {
        const col = mults[j]!;
        const v = col.codes !== null ? (col.codes[i] as number) : 0;
        const f = (v !== 0 ? col.byCode[v] : col.byPartner[p]) as number;
        dm *= f;
        if (factors !== null && f !== 1) factors.note(p, a, j, v);
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
        const ia = (ap * T + t) * A + a;
        basePts[ia] = (basePts[ia] as number) + base;
        multPts[ia] = (multPts[ia] as number) + base * (dm - 1);
        promoPts[ia] = (promoPts[ia] as number) + base * dm * (pm - 1);
      }
      evPre[k] = base * dm * pm;
    }
    this.ignoredEvents += ignored;
    this.unknownActivityEvents += unknown;
  }

  /**
   * Puts back to zero the cells of the per-partner scratch (points, capped, counts) that
   * the partner's events wrote, for the next partner (lean replays): a few dozen cells
   * instead of three periods × activities arrays. Only when events are all that write
   * them (no period rules).
   */
  zeroScratch(m: number): void {
    const { A, count, points, capped, evPeriod, evAct } = this;
    for (let k = 0; k < m; k++) {
      const t = evPeriod[k] as number;
      const a = evAct[k] as number;
      if (t < 0 || a < 0) continue;
      const j = t * A + a;
      points[j] = 0;
      capped[j] = 0;
      count[j] = 0;
    }
  }
}
