/**
 * Redemption and FIFO expiry, one partner at a time, one period at a time: the one
 * redemption model behind every figure (`run`, `check`, `compare`, `sensitivity`,
 * `explain`, `transition` and each `simulate` run).
 *
 * At the end of period t, in this order:
 *  1. the points earned in t join the balance as one lot (dated t);
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
 * A replay averages `draws.count` independent draws of this model (see RedemptionDraws):
 * every per-partner array (redeemed, expired, balance, reward cost, units) is the mean over
 * the draws, so conservation (earned = redeemed + expired + balance) holds per partner as
 * it does in each draw. Capacity is settled per draw (a shortfall is the expected units
 * above capacity, not the units above capacity of the expected demand).
 *
 * Redemption reads only `earned` (and writes redeemed/expired/balance/units/reward cost),
 * and its random numbers are a function of (seed, partner, draw, period, reward), so it
 * can be run again on a scored ledger with other draws (Monte Carlo) or the same ones (the
 * lazy per-partner units) without re-scoring; under `tier_basis: balance` the scoring pass
 * calls it period by period instead and the tier reads the mean balance.
 */
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
 * The draws every deterministic figure averages: 16 draws of seed 1 (simulate's default
 * seed). Why 16, in docs/engine.md: on the sample the mean of 16 draws is within 0.3 % of
 * the mean of 500 for cost and liability, and each draw costs a redemption pass (~5 ms on
 * the 1M-row bench history), not a scoring pass.
 */
export const EXPECTED_DRAWS: RedemptionDraws = Object.freeze({ seed: 1, first: 0, count: 16, family: 16 });

/** Lots smaller than this are float dust from FIFO subtraction, not points. */
const DUST = 1e-9;

export class Redeemer {
  /** How many draws are averaged. */
  readonly draws: number;
  readonly #K: number;
  readonly #seed: number;
  /** Per draw: the partner's lots (K × T), units asked for and not yet paid (R × K), oldest non-empty lot, balance. */
  readonly #lots: Float64Array;
  readonly #deferred: Float64Array;
  readonly #head: Int32Array;
  readonly #balance: Float64Array;
  /** Each draw's shift of the base uniform numbers: (first + k) / family. */
  readonly #shift: Float64Array;
  /** Stream key of the current partner. */
  #key = 0;
  /** This period's ask per reward, shared by the draws: whole units, the fraction, its base uniform number (scratch). */
  readonly #whole: Float64Array;
  readonly #fraction: Float64Array;
  readonly #base: Float64Array;
  /** Units of this period summed over the draws, per reward (scratch). */
  readonly #unitSums: Float64Array;
  /** Points each draw spent so far this period (scratch). */
  readonly #spent: Float64Array;
  /** Per reward, units waiting in any draw (0: skip the reward when nothing is asked). */
  readonly #deferredAny: Float64Array;
  /** Units per draw, period and reward over every partner so far (K × T × R): capacity is settled per draw. */
  readonly drawUnits: Float64Array;
  // The tables and ledger arrays period() reads, copied here once: read through the
  // compiled program and the ledger arrays (object literals made anew by every replay),
  // the optimised period() was thrown away and recompiled in every second replay.
  readonly #T: number;
  readonly #R: number;
  readonly #expiryPeriods: number;
  readonly #earned: Float64Array;
  readonly #behaviourOf: Int32Array;
  readonly #partnerKey: Uint32Array;
  readonly #rate: Float64Array;
  readonly #mix: Float64Array;
  readonly #cost: Float64Array;
  readonly #vendor: Float64Array;
  readonly #redeemedUnits: Float64Array;
  /** False when the ledger's redeemedUnits is left empty, to be computed on first access (see replay.ts). */
  readonly #keepUnits: boolean;
  readonly #rewardUnits: Float64Array;
  readonly #redeemed: Float64Array;
  readonly #rewardCost: Float64Array;
  readonly #expired: Float64Array;
  readonly #balanceOut: Float64Array;

  constructor(c: CompiledProgram, L: LedgerArrays, draws: RedemptionDraws) {
    if (!Number.isInteger(draws.count) || draws.count < 1) throw new RangeError('redemption draws: count must be a positive integer');
    if (!Number.isInteger(draws.first) || draws.first < 0 || draws.first + draws.count > draws.family) {
      throw new RangeError('redemption draws: first .. first + count - 1 must lie inside the family');
    }
    const K = draws.count;
    this.#K = K;
    this.draws = K;
    this.#seed = draws.seed;
    this.#lots = new Float64Array(K * L.T);
    this.#deferred = new Float64Array(K * L.R);
    this.#head = new Int32Array(K);
    this.#balance = new Float64Array(K);
    this.#shift = Float64Array.from({ length: K }, (_, k) => (draws.first + k) / draws.family);
    this.#whole = new Float64Array(L.R);
    this.#fraction = new Float64Array(L.R);
    this.#base = new Float64Array(L.R);
    this.#unitSums = new Float64Array(L.R);
    this.#spent = new Float64Array(K);
    this.#deferredAny = new Float64Array(L.R);
    this.drawUnits = new Float64Array(K * L.T * L.R);
    this.#T = L.T;
    this.#R = L.R;
    this.#expiryPeriods = c.expiryPeriods;
    this.#earned = L.earned;
    this.#behaviourOf = c.redemption.behaviourOf;
    this.#partnerKey = c.redemption.partnerKey;
    this.#rate = c.redemption.rate;
    this.#mix = c.redemption.mix;
    this.#cost = c.rewards.costPoints;
    this.#vendor = c.rewards.vendorCost;
    this.#redeemedUnits = L.redeemedUnits;
    this.#keepUnits = L.redeemedUnits.length !== 0;
    this.#rewardUnits = L.rewardUnits;
    this.#redeemed = L.redeemed;
    this.#rewardCost = L.rewardCost;
    this.#expired = L.expired;
    this.#balanceOut = L.balance;
  }

  /** Resets the per-partner state; call before partner p's first period. */
  begin(p: number): void {
    this.#lots.fill(0);
    this.#deferred.fill(0);
    this.#deferredAny.fill(0);
    this.#head.fill(0);
    this.#balance.fill(0);
    this.#key = streamKey(this.#seed, this.#partnerKey[p] as number);
  }

  /** Runs steps 1-3 for partner p, period t, in every draw (earned[p, t] must be final), and writes the means. */
  period(p: number, t: number): void {
    const K = this.#K;
    const T = this.#T;
    const R = this.#R;
    const pt = p * T + t;
    const e = this.#earned[pt] as number;
    const b = this.#behaviourOf[p] as number;
    const rate = this.#rate[b] as number;
    const spends = rate > 0 && R > 0;
    const cost = this.#cost;
    const vendor = this.#vendor;
    const lots = this.#lots;
    const deferred = this.#deferred;
    const drawUnits = this.drawUnits;
    const unitSums = this.#unitSums;
    const whole = this.#whole;
    const fraction = this.#fraction;
    const base = this.#base;
    const shift = this.#shift;
    const k0 = this.#expiryPeriods;
    if (spends) {
      // The ask is the same in every draw; only the draw's shifted uniform number decides the fraction.
      unitSums.fill(0);
      const mix = this.#mix;
      for (let r = 0; r < R; r++) {
        const x = (rate * e * (mix[b * R + r] as number)) / (cost[r] as number);
        const w = x > 0 ? Math.floor(x) : 0;
        whole[r] = w;
        fraction[r] = x > 0 ? x - w : 0;
        base[r] = x > w ? drawUniform(this.#key, t, r) : 0;
      }
    }
    let spentSum = 0;
    let moneySum = 0;
    let expiredSum = 0;
    let balanceSum = 0;
    const balances = this.#balance;
    const spentBy = this.#spent;
    for (let k = 0; k < K; k++) {
      lots[k * T + t] = e;
      balances[k] = (balances[k] as number) + e;
    }
    if (spends) {
      // Reward by reward, every draw in a tight inner loop: a draw's spending on reward r
      // sees what it spent on rewards before r (spentBy), as the model's order requires.
      spentBy.fill(0);
      for (let r = 0; r < R; r++) {
        const w = whole[r] as number;
        const f = fraction[r] as number;
        if (w === 0 && f === 0 && this.#deferredAny[r] === 0) continue;
        const b0 = base[r] as number;
        const price = cost[r] as number;
        const money = vendor[r] as number;
        let unitSum = 0;
        let waiting = 0;
        for (let k = 0; k < K; k++) {
          let units = (deferred[r * K + k] as number) + w;
          if (f > 0) {
            let u = b0 + (shift[k] as number);
            if (u >= 1) u -= 1;
            if (u < f) units += 1;
          }
          if (units === 0) continue;
          const available = (balances[k] as number) - (spentBy[k] as number);
          // Mostly the balance covers the ask: one multiplication, the division only when it does not.
          const taken = units * price <= available + DUST ? units : Math.max(0, Math.floor(available / price + DUST));
          deferred[r * K + k] = units - taken;
          waiting += units - taken;
          if (taken === 0) continue;
          spentBy[k] = (spentBy[k] as number) + taken * price;
          unitSum += taken;
          const i = (k * T + t) * R + r;
          drawUnits[i] = (drawUnits[i] as number) + taken;
        }
        this.#deferredAny[r] = waiting;
        unitSums[r] = unitSum;
        moneySum += unitSum * money;
      }
    }
    for (let k = 0; k < K; k++) {
      let balance = balances[k] as number;
      if (spends) {
        const spent = spentBy[k] as number;
        if (spent > 0) {
          this.#take(k, spent, t);
          balance -= spent;
          spentSum += spent;
        }
      }
      if (k0 > 0 && t - k0 >= 0) {
        const at = k * T + t - k0;
        const lot = lots[at] as number;
        if (lot > 0) {
          expiredSum += lot;
          balance -= lot;
          lots[at] = 0;
        }
      }
      if (balance < DUST) balance = 0;
      balances[k] = balance;
      balanceSum += balance;
    }
    this.#redeemed[pt] = spentSum / K;
    this.#rewardCost[pt] = moneySum / K;
    this.#expired[pt] = expiredSum / K;
    this.#balanceOut[pt] = balanceSum / K;
    if (spends) {
      const rewardUnits = this.#rewardUnits;
      for (let r = 0; r < R; r++) {
        const units = (unitSums[r] as number) / K;
        if (units === 0) continue;
        if (this.#keepUnits) this.#redeemedUnits[pt * R + r] = units;
        rewardUnits[t * R + r] = (rewardUnits[t * R + r] as number) + units;
      }
    }
  }

  /** Removes `amount` from draw k's oldest lots first. */
  #take(k: number, amount: number, t: number): void {
    let left = amount;
    const lots = this.#lots;
    const base = k * this.#T;
    let head = this.#head[k] as number;
    while (left > DUST && head <= t) {
      const lot = lots[base + head] as number;
      if (lot > left) {
        lots[base + head] = lot - left;
        break;
      }
      left -= lot;
      lots[base + head] = 0;
      head++;
    }
    this.#head[k] = head;
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
        for (let t = span.first; t <= span.last; t++) demand += drawUnits[(k * T + t) * R + r] as number;
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
