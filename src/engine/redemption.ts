/**
 * Redemption and FIFO expiry, one partner at a time, one period at a time: the one
 * redemption model behind every figure (`run`, `check`, `compare`, `sensitivity`,
 * `explain`, `transition` and each `simulate` run).
 *
 * At the end of period t, in this order:
 *  1. the points earned in t join the balance as one lot (dated t); the points clawed
 *     back in t (`clawback:`, see docs/engine.md) leave it, the oldest lots first, as
 *     spending does; what the balance cannot cover stays as a debt (a negative balance)
 *     that later earnings repay before they can be spent or expire;
 *  2. the partner spends: its intent for reward r is `rate × earned(t) × mix[r]` points,
 *     i.e. x = intent / cost_points units (2.4, say). It asks for whole units: ⌊x⌋, plus
 *     one more with probability frac(x) (2, or 3 with p = 0.4), so the expected ask is x.
 *     Units it asked for in an earlier period and could not pay are asked for again. It
 *     takes only the units its balance covers (the oldest lots first, FIFO); the rest
 *     wait, whole, for a period whose balance covers them (and may never be taken);
 *  3. what is left of the lot earned in period t − k expires, where
 *     k = ceil(expiry_months / months per period): a lot lives through the period it was
 *     earned in plus k more periods (quarterly, 24 months: Q1 2024 points expire at the
 *     end of Q1 2026 when unspent).
 *
 * A replay averages `draws.count` draws of this model, stratified across the draws (see
 * RedemptionDraws and draw-uniform.ts), each a valid draw on its own: every per-partner array (redeemed, expired, balance, reward cost, units) is the mean over
 * the draws, so conservation (earned − clawed back = redeemed + expired + balance) holds per partner as
 * it does in each draw. Capacity is settled per draw (a shortfall is the expected units
 * above capacity, not the units above capacity of the expected demand).
 *
 * For a DetailedLedger it also reports, after each partner's last period, the lot that
 * expires next and what it holds on average over the draws (nextExpiryPoints/Day), so
 * that a statement need not replay the lots on the mean spend (which is not the mean of
 * the draws' lots: FIFO is not linear in the spend).
 *
 * Redemption reads only `earned` (and writes redeemed/expired/balance/units/reward cost),
 * and its random numbers are a function of (seed, partner, period, reward, draw), so it
 * can be run again on a scored ledger with other draws (Monte Carlo) or the same ones (the
 * lazy per-partner units) without re-scoring; under `tier_basis: balance` the scoring pass
 * calls it period by period instead and the tier reads the mean balance.
 */
import { versionsOf } from './version-tables.js';
import { periodStartDay } from './calendar.js';
import type { CompiledProgram } from './compile.js';
import { drawUniform, streamKey } from './draw-uniform.js';
import type { CapacityWindow } from './ledger.js';
import type { LedgerArrays } from './ledger-arrays.js';

/**
 * Which draws a replay averages: draws `first` .. `first + count − 1` of a family of
 * `family` stratified draws of `seed` (see draw-uniform.ts). Draw i of a family is the
 * same whoever asks, so `simulate --seed s --runs N`'s run i is draw i of the family of N
 * of seed s, and a replay averaging the whole family of 16 of seed 1 (EXPECTED_DRAWS)
 * equals the mean of `simulate --seed 1 --runs 16`.
 */
export interface RedemptionDraws {
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly family: number;
}

/**
 * The draws every deterministic figure averages: the family of 16 stratified draws of
 * seed 1 (simulate's default seed). Why 16, in docs/engine.md ("Redemption: one model"):
 * on the sample their mean is within 0.1-0.4 % of the mean of 2,000 draws for cost and
 * liability, and each draw costs a redemption pass (~4 ms on the 1M-row bench history),
 * not a scoring pass.
 */
export const EXPECTED_DRAWS: RedemptionDraws = Object.freeze({ seed: 1, first: 0, count: 16, family: 16 });

/** Balances smaller than this are float dust from subtraction, not points. */
const DUST = 1e-9;

/** Draws a bit mask holds (30 keeps every mask a positive small integer). */
const WORD = 30;

/** Whether any of the `count` masks from `at` has a bit set (some draw has units waiting). */
function anyBit(masks: Int32Array, at: number, count: number): boolean {
  for (let w = 0; w < count; w++) if (masks[at + w] !== 0) return true;
  return false;
}

/** A mask of the bits from..to − 1, clipped to 0..WORD. */
function bits(from: number, to: number): number {
  const a = from < 0 ? 0 : from > WORD ? WORD : from;
  const b = to < 0 ? 0 : to > WORD ? WORD : to;
  return b > a ? ((1 << b) - 1) & ~((1 << a) - 1) : 0;
}

/**
 * FIFO lots without lots: spending takes the oldest points first, and expiry takes the
 * oldest lot still holding points (every older one expired before it), so what a draw has
 * consumed (spent or expired) is always a prefix of the partner's earnings in date order.
 * One number per draw, the points consumed so far (C), says everything: lot j still holds
 * clamp(E(j) − C, 0, earned(j)), with E(j) the earnings up to and including period j, and
 * the balance is E(t) − C. So a draw's period costs O(rewards), with no lot array to walk
 * (16 draws × 9 periods × 20,000 partners a replay on the bench history).
 */
export class Redeemer {
  /** How many draws are averaged. */
  readonly draws: number;
  readonly #K: number;
  readonly #seed: number;
  /** Per draw, points consumed so far (spent or expired). */
  readonly #consumed: Float64Array;
  /** Per reward and draw (R × K): units asked for and not yet paid. */
  readonly #deferred: Float64Array;
  /** The current partner's earnings up to and including each period (shared by the draws). */
  readonly #cumulative: Float64Array;
  /** Each draw's shift of the base uniform numbers: (first + k) / family. */
  readonly #shift: Float64Array;
  /** True when the draws are a whole family (shifts k / K): fractional asks then visit only the draws that ask. */
  readonly #stratified: boolean;
  /** Stream key of the current partner. */
  #key = 0;
  /** Points each draw spent so far this period (scratch). */
  readonly #spent: Float64Array;
  /** Units waiting in any draw for any reward. */
  #waiting = 0;
  /** Whether any draw spent this period (scratch), and the points consumed summed over the draws. */
  #spentAny = false;
  #consumedSum = 0;
  /** Per reward, bit masks of the draws with units waiting, WORD draws a mask (R × words). */
  readonly #waitingMask: Int32Array;
  readonly #words: number;
  /** Units per period, reward and draw over every partner so far (T × R × K): capacity is settled per draw. */
  readonly drawUnits: Float64Array;
  // The tables and ledger arrays period() reads, copied here once: read through the
  // compiled program and the ledger arrays (object literals made anew by every replay),
  // the optimised period() was thrown away and recompiled in every second replay.
  readonly #T: number;
  readonly #R: number;
  readonly #expiryPeriods: number;
  readonly #earned: Float64Array;
  readonly #clawedBack: Float64Array;
  /** Per partner, `launch.opening_points` (empty without): they arrive with period 0's lot. */
  readonly #opening: Float64Array;
  readonly #behaviourOf: Int32Array;
  readonly #partnerKey: Uint32Array;
  readonly #rate: Float64Array;
  readonly #mix: Float64Array;
  /** Per version of the design: each reward's price in points and vendor cost; #periodVersion picks one per period. */
  readonly #costs: readonly Float64Array[];
  readonly #vendors: readonly Float64Array[];
  readonly #periodVersion: Int32Array;
  readonly #redeemedUnits: Float64Array;
  /** False for a lean ledger (its redeemedUnits is empty). */
  readonly #keepUnits: boolean;
  readonly #rewardUnits: Float64Array;
  readonly #redeemed: Float64Array;
  readonly #rewardCost: Float64Array;
  readonly #expired: Float64Array;
  readonly #balanceOut: Float64Array;
  /** Detail only (DetailedLedger.nextExpiryPoints/Day): the lot that expires next after the last period, else empty. */
  readonly #nextExpiryPoints: Float64Array;
  readonly #nextExpiryDay: Int32Array;
  /** Per period j, the last day its lot is held (the end of period j + expiryPeriods); empty when nothing is reported. */
  readonly #lotHeldUntil: Int32Array;

  constructor(c: CompiledProgram, L: LedgerArrays, draws: RedemptionDraws) {
    if (!Number.isInteger(draws.count) || draws.count < 1) throw new RangeError('redemption draws: count must be a positive integer');
    if (!Number.isInteger(draws.first) || draws.first < 0 || draws.first + draws.count > draws.family) {
      throw new RangeError('redemption draws: first .. first + count - 1 must lie inside the family');
    }
    const K = draws.count;
    this.#K = K;
    this.draws = K;
    this.#seed = draws.seed;
    this.#consumed = new Float64Array(K);
    this.#deferred = new Float64Array(L.R * K);
    this.#cumulative = new Float64Array(L.T);
    this.#shift = Float64Array.from({ length: K }, (_, k) => (draws.first + k) / draws.family);
    this.#stratified = draws.first === 0 && draws.family === K;
    this.#spent = new Float64Array(K);
    this.#words = Math.ceil(K / WORD);
    this.#waitingMask = new Int32Array(L.R * this.#words);
    this.drawUnits = new Float64Array(L.T * L.R * K);
    this.#T = L.T;
    this.#R = L.R;
    this.#expiryPeriods = c.expiryPeriods;
    this.#earned = L.earned;
    this.#clawedBack = L.clawedBack;
    this.#opening = c.launch?.opening ?? new Float64Array(0);
    this.#behaviourOf = c.redemption.behaviourOf;
    this.#partnerKey = c.redemption.partnerKey;
    this.#rate = c.redemption.rate;
    this.#mix = c.redemption.mix;
    // Per version of the design (dated changes), the one in force on the period's last day prices the period's redemptions.
    const versions = versionsOf(c);
    this.#costs = versions.map((v) => v.rewards.costPoints);
    this.#vendors = versions.map((v) => v.rewards.vendorCost);
    this.#periodVersion = c.periodVersion;
    this.#redeemedUnits = L.redeemedUnits;
    this.#keepUnits = L.redeemedUnits.length !== 0;
    this.#rewardUnits = L.rewardUnits;
    this.#redeemed = L.redeemed;
    this.#rewardCost = L.rewardCost;
    this.#expired = L.expired;
    this.#balanceOut = L.balance;
    this.#nextExpiryPoints = L.nextExpiryPoints;
    this.#nextExpiryDay = L.nextExpiryDay;
    const report = L.nextExpiryPoints.length !== 0 && c.expiryPeriods > 0;
    this.#lotHeldUntil = new Int32Array(report ? L.T : 0);
    for (let j = 0; j < this.#lotHeldUntil.length; j++) this.#lotHeldUntil[j] = periodStartDay(c.calendar, j + c.expiryPeriods + 1) - 1;
  }

  /** Resets the per-partner state; call before partner p's first period. */
  begin(p: number): void {
    this.#consumed.fill(0);
    this.#deferred.fill(0);
    this.#waitingMask.fill(0);
    this.#waiting = 0;
    this.#spentAny = false;
    this.#consumedSum = 0;
    this.#key = streamKey(this.#seed, this.#partnerKey[p] as number);
  }

  /** Runs steps 1-3 for partner p, period t, in every draw (earned[p, t] must be final), and writes the means. */
  period(p: number, t: number): void {
    const K = this.#K;
    const R = this.#R;
    const pt = p * this.#T + t;
    const e = this.#lot(p, t);
    const cumulative = this.#cumulative;
    const total = (t > 0 ? (cumulative[t - 1] as number) : 0) + e;
    cumulative[t] = total;
    const b = this.#behaviourOf[p] as number;
    const rate = this.#rate[b] as number;
    const consumed = this.#consumed;
    // A clawback consumes the oldest points first, in every draw, before anything is spent:
    // in FIFO terms it is consumption like spending, so a draw's C may pass E(t) (a debt).
    const claw = this.#clawedBack[pt] as number;
    if (claw > 0) {
      for (let k = 0; k < K; k++) consumed[k] = (consumed[k] as number) + claw;
      this.#consumedSum += K * claw;
    }
    const spentBy = this.#spent;
    let spentSum = 0;
    let moneySum = 0;
    // Nothing earned and nothing waiting: no draw asks for anything this period.
    if (rate > 0 && R > 0 && (e > 0 || this.#waiting > 0)) {
      // Reward by reward, every draw in a tight inner loop: a draw's spending on reward r
      // sees what it spent on the rewards before r (spentBy, zero between periods), as the
      // model's order requires.
      let waitingAll = 0;
      const version = this.#periodVersion[t] as number;
      const cost = this.#costs[version] as Float64Array;
      const vendor = this.#vendors[version] as Float64Array;
      const mix = this.#mix;
      const deferred = this.#deferred;
      const drawUnits = this.drawUnits;
      const shift = this.#shift;
      const rewardUnits = this.#rewardUnits;
      const waitingMask = this.#waitingMask;
      const words = this.#words;
      for (let r = 0; r < R; r++) {
        // The ask is the same in every draw; only the draw's shifted uniform number decides the fraction.
        const price = cost[r] as number;
        const x = (rate * e * (mix[b * R + r] as number)) / price;
        const whole = x > 0 ? Math.floor(x) : 0;
        const f = x > whole ? x - whole : 0;
        if (whole === 0 && f === 0 && !anyBit(waitingMask, r * words, words)) continue;
        const u0 = f > 0 ? drawUniform(this.#key, t, r) : 0;
        const row = r * K;
        const out = (t * R + r) * K;
        let unitSum = 0;
        let waiting = 0;
        // Nearly every ask is a fraction of a unit (on the bench history, 460,000 asks below
        // one unit against 300 above), and then only two kinds of draw can take anything: those
        // whose shifted number falls below f (with shifts k / K, one or two runs of k), and
        // those with units waiting. Draws are visited through bit masks of WORD draws each:
        // those runs (a draw either side for float rounding; the same test decides) and the
        // waiting mask, not all K. A whole ask, or a family not made of K shifts, visits all.
        const sparse = whole === 0 && this.#stratified;
        const endA = Math.max(0, Math.min(K, Math.ceil(K * (f - u0)) + 1));
        const startB = Math.max(endA, Math.floor(K * (1 - u0)) - 1);
        const endB = Math.min(K, Math.ceil(K * (1 + f - u0)) + 1);
        for (let w = 0; w * WORD < K; w++) {
          const base = w * WORD;
          const size = Math.min(WORD, K - base);
          let candidates = !sparse ? bits(0, size) : f > 0 ? bits(0, endA - base) | bits(startB - base, endB - base) : 0;
          candidates |= waitingMask[r * words + w] as number;
          let stillWaiting = 0;
          while (candidates !== 0) {
            const bit = candidates & -candidates;
            candidates ^= bit;
            const k = base + 31 - Math.clz32(bit);
            let units = (deferred[row + k] as number) + whole;
            if (f > 0) {
              let u = u0 + (shift[k] as number);
              if (u >= 1) u -= 1;
              if (u < f) units += 1;
            }
            if (units === 0) continue;
            const available = total - (consumed[k] as number) - (spentBy[k] as number);
            // Mostly the balance covers the ask: one multiplication, the division only when it does not.
            const taken = units * price <= available + DUST ? units : Math.max(0, Math.floor(available / price + DUST));
            deferred[row + k] = units - taken;
            if (units > taken) {
              waiting += units - taken;
              stillWaiting |= bit;
            }
            if (taken === 0) continue;
            spentBy[k] = (spentBy[k] as number) + taken * price;
            this.#spentAny = true;
            unitSum += taken;
            drawUnits[out + k] = (drawUnits[out + k] as number) + taken;
          }
          waitingMask[r * words + w] = stillWaiting;
        }
        waitingAll += waiting;
        moneySum += unitSum * (vendor[r] as number);
        if (unitSum > 0) {
          const units = unitSum / K;
          if (this.#keepUnits) this.#redeemedUnits[pt * R + r] = units;
          rewardUnits[t * R + r] = (rewardUnits[t * R + r] as number) + units;
        }
      }
      this.#waiting = waitingAll;
    }
    // Spending joins what each draw consumed; then expiry, and the balance: lot t − k0
    // holds clamp(E(t − k0) − C, 0, earned(t − k0)). When no draw spent and no lot expires,
    // nothing any draw consumed moves: the balances are E(t) − C, summed without a loop.
    const k0 = this.#expiryPeriods;
    const lotEnd = k0 > 0 && t - k0 >= 0 ? (cumulative[t - k0] as number) : -1;
    const lotSize = lotEnd >= 0 ? this.#lot(p, t - k0) : 0;
    let expiredSum = 0;
    let balanceSum = 0;
    if (!this.#spentAny && lotSize <= 0) {
      // The same dust rule as draw by draw: a sum that rounds below zero is no points.
      const sum = K * total - this.#consumedSum;
      balanceSum = sum > K * DUST || sum < -K * DUST ? sum : 0;
    }
    else {
      let consumedSum = 0;
      for (let k = 0; k < K; k++) {
        const spent = spentBy[k] as number;
        spentSum += spent;
        spentBy[k] = 0;
        let c = (consumed[k] as number) + spent;
        if (lotSize > 0) {
          const left = lotEnd - c;
          if (left > DUST) {
            const lot = left < lotSize ? left : lotSize;
            expiredSum += lot;
            c += lot;
          }
        }
        // Float dust left by the subtractions is not points: the balance reads 0. (A debt,
        // from a clawback the balance could not cover, is below −DUST and stays.)
        if (total - c < DUST && total - c > -DUST) c = total;
        consumed[k] = c;
        consumedSum += c;
        balanceSum += total - c;
      }
      this.#consumedSum = consumedSum;
      this.#spentAny = false;
    }
    this.#redeemed[pt] = spentSum / K;
    this.#rewardCost[pt] = moneySum / K;
    this.#expired[pt] = expiredSum / K;
    this.#balanceOut[pt] = balanceSum / K;
    if (t === this.#T - 1 && this.#lotHeldUntil.length !== 0) this.#noteNextExpiry(p);
  }

  /**
   * The points that arrive in partner p's balance in period t, as one lot: those earned,
   * and in period 0 its opening balance (spent and expired as if earned then).
   */
  #lot(p: number, t: number): number {
    const e = this.#earned[p * this.#T + t] as number;
    return t === 0 && this.#opening.length !== 0 ? e + (this.#opening[p] as number) : e;
  }

  /**
   * After partner p's last period, the lot that expires next: lots up to period
   * T − 1 − expiryPeriods have expired, and of the later ones the oldest holding points in
   * any draw goes first. What it holds is the mean over the draws of each draw's remainder
   * of it, clamp(E(j) − C, 0, earned(j)) for a draw that consumed C (see the class comment).
   */
  #noteNextExpiry(p: number): void {
    const T = this.#T;
    const K = this.#K;
    const cumulative = this.#cumulative;
    const consumed = this.#consumed;
    for (let j = Math.max(0, T - this.#expiryPeriods); j < T; j++) {
      const lot = this.#lot(p, j);
      if (lot <= 0) continue;
      const end = cumulative[j] as number;
      let sum = 0;
      for (let k = 0; k < K; k++) {
        const left = end - (consumed[k] as number);
        if (left > DUST) sum += left < lot ? left : lot;
      }
      if (sum / K > DUST) {
        this.#nextExpiryPoints[p] = sum / K;
        this.#nextExpiryDay[p] = this.#lotHeldUntil[j] as number;
        return;
      }
    }
  }
}

/** The redemption pass over every partner (tier basis `earned`); returns the redeemer for settleCapacity. */
export function redeemAll(c: CompiledProgram, L: LedgerArrays, draws: RedemptionDraws): Redeemer {
  const redeemer = new Redeemer(c, L, draws);
  for (let p = 0; p < L.P; p++) {
    redeemer.begin(p);
    for (let t = 0; t < L.T; t++) redeemer.period(p, t);
  }
  return redeemer;
}

/**
 * Capacity against demand, once every partner has redeemed, in capacity windows: a yearly
 * capacity is pooled over each fiscal year (prorated by the share of the year inside the
 * program), a per-period capacity stands per period. Demand and shortfall are taken per
 * draw, then averaged: the expected shortfall, and the share of draws over capacity.
 */
export function settleCapacity(c: CompiledProgram, redeemer: Redeemer): CapacityWindow[] {
  const K = redeemer.draws;
  const windows: CapacityWindow[] = [];
  const T = c.calendar.periods.length;
  const R = c.rewards.ids.length;
  const drawUnits = redeemer.drawUnits;
  for (let r = 0; r < R; r++) {
    const perPeriod = c.rewards.capacityPerPeriod[r] as number;
    if (!Number.isFinite(perPeriod)) continue;
    const yearly = c.rewards.capacityYearly[r] === 1;
    const spans = yearly
      ? c.calendar.years.map((y) => ({ label: y.label, first: y.firstPeriod, last: y.lastPeriod }))
      : c.calendar.periods.map((p) => ({ label: p.label, first: p.index, last: p.index }));
    for (const span of spans) {
      let capacity = 0;
      for (let t = span.first; t <= span.last; t++) capacity += yearly ? perPeriod * (c.calendar.coveredShare[t] as number) : perPeriod;
      let units = 0;
      let shortfall = 0;
      let over = 0;
      for (let k = 0; k < K; k++) {
        let demand = 0;
        for (let t = span.first; t <= span.last; t++) demand += drawUnits[(t * R + r) * K + k] as number;
        units += demand;
        // A hair of tolerance: a prorated capacity equal to the demand must not read as exceeded.
        if (demand > capacity + 1e-9) {
          shortfall += demand - capacity;
          over++;
        }
      }
      windows.push({ reward: r, label: span.label, firstPeriod: span.first, lastPeriod: span.last, capacity, units: units / K, shortfall: shortfall / K, exceeded: over / K });
    }
  }
  return windows;
}
