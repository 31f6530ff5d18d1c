/**
 * Redemption and FIFO expiry, one partner at a time, one period at a time.
 *
 * At the end of period t, in this order:
 *  1. the points earned in t join the balance as one lot (dated t);
 *  2. the partner spends: expected-value mode spends `rate × earned(t)` split by `mix`
 *     into fractional units (points / cost_points); Monte Carlo mode draws whole units
 *     (see `drawUnits`); spending takes the oldest lots first (FIFO);
 *  3. what is left of the lot earned in period t − k expires, where
 *     k = ceil(expiry_months / months per period): a lot lives through the period it was
 *     earned in plus k more periods (quarterly, 24 months: Q1 2024 points expire at the
 *     end of Q1 2026 when unspent).
 *
 * Redemption reads only `earned` (and writes redeemed/expired/balance/units/reward cost),
 * so it can be run again on a scored ledger (Monte Carlo) without re-scoring; under
 * `tier_basis: balance` the scoring pass calls it period by period instead.
 */
import type { CompiledProgram } from './compile.js';
import type { LedgerArrays } from './ledger-arrays.js';

export type RedemptionMode = { readonly mode: 'expected' } | { readonly mode: 'monte-carlo'; readonly random: () => number };

/** Lots smaller than this are float dust from FIFO subtraction, not points. */
const DUST = 1e-9;

export class Redeemer {
  readonly #random: (() => number) | null;
  readonly #lots: Float64Array;
  /** Monte Carlo: whole units per reward drawn but not yet affordable (see drawUnits). */
  readonly #deferred: Float64Array;
  // The tables and ledger arrays period() reads, copied here once: read through the
  // compiled program and the ledger arrays (object literals made anew by every replay),
  // the optimised period() was thrown away and recompiled in every second replay.
  readonly #T: number;
  readonly #R: number;
  readonly #expiryPeriods: number;
  readonly #earned: Float64Array;
  readonly #behaviourOf: Int32Array;
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
  #head = 0;
  #balance = 0;

  constructor(c: CompiledProgram, L: LedgerArrays, mode: RedemptionMode) {
    this.#random = mode.mode === 'monte-carlo' ? mode.random : null;
    this.#lots = new Float64Array(L.T);
    this.#deferred = new Float64Array(L.R);
    this.#T = L.T;
    this.#R = L.R;
    this.#expiryPeriods = c.expiryPeriods;
    this.#earned = L.earned;
    this.#behaviourOf = c.redemption.behaviourOf;
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

  /** Resets the per-partner state; call before the partner's first period. */
  begin(): void {
    this.#lots.fill(0);
    this.#deferred.fill(0);
    this.#head = 0;
    this.#balance = 0;
  }

  /** Runs steps 1-3 for partner p, period t (earned[p, t] must be final). */
  period(p: number, t: number): void {
    const R = this.#R;
    const pt = p * this.#T + t;
    const e = this.#earned[pt] as number;
    this.#lots[t] = e;
    this.#balance += e;

    const b = this.#behaviourOf[p] as number;
    const rate = this.#rate[b] as number;
    const cost = this.#cost;
    const vendor = this.#vendor;
    const mix = this.#mix;
    const redeemedUnits = this.#redeemedUnits;
    const keepUnits = this.#keepUnits;
    const rewardUnits = this.#rewardUnits;
    let spent = 0;
    let money = 0;
    if (rate > 0 && R > 0) {
      if (this.#random === null) {
        let want = 0;
        for (let r = 0; r < R; r++) want += rate * e * (mix[b * R + r] as number);
        // A mix summing above 1 would spend more than the balance: scale it down.
        const scale = want > this.#balance ? this.#balance / want : 1;
        for (let r = 0; r < R; r++) {
          const points = rate * e * (mix[b * R + r] as number) * scale;
          if (points <= 0) continue;
          const units = points / (cost[r] as number);
          if (keepUnits) redeemedUnits[pt * R + r] = units;
          rewardUnits[t * R + r] = (rewardUnits[t * R + r] as number) + units;
          spent += points;
          money += units * (vendor[r] as number);
        }
      } else {
        for (let r = 0; r < R; r++) {
          const units = this.#drawUnits(r, rate * e * (mix[b * R + r] as number), this.#balance - spent, cost[r] as number);
          if (units === 0) continue;
          if (keepUnits) redeemedUnits[pt * R + r] = units;
          rewardUnits[t * R + r] = (rewardUnits[t * R + r] as number) + units;
          spent += units * (cost[r] as number);
          money += units * (vendor[r] as number);
        }
      }
    }
    this.#take(spent, t);
    this.#redeemed[pt] = spent;
    this.#rewardCost[pt] = money;

    const k = this.#expiryPeriods;
    if (k > 0 && t - k >= 0) {
      const lot = this.#lots[t - k] as number;
      if (lot > 0) {
        this.#expired[pt] = lot;
        this.#balance -= lot;
        this.#lots[t - k] = 0;
      }
    }
    if (this.#balance < DUST) this.#balance = 0;
    this.#balanceOut[pt] = this.#balance;
  }

  /**
   * Monte Carlo: this period's intent to spend on a reward, in units (intent / cost, e.g.
   * 2.4), is rounded at random without bias: 2 units, or 3 with probability 0.4, so the
   * expected draw is the expected-value spend (2.4). Only this period's intent is rounded;
   * a fraction is never carried and rounded again (that would give it a fresh chance to
   * round up every period: a partner wanting 0.0375 units a quarter for 8 quarters, 0.3 in
   * all, would draw one unit with probability 1 − Π(1 − 0.0375·t) = 0.78).
   * A unit drawn must be paid from the balance: the units it cannot cover are deferred,
   * whole, and redeemed in a later period when the balance covers them (the points stay on
   * the balance meanwhile, and may expire). Deferred units never redeemed are the one
   * legitimate gap to the expected-value mode, which spends fractions of a unit the
   * partner could never afford whole.
   */
  #drawUnits(r: number, intent: number, available: number, cost: number): number {
    let units = 0;
    if (intent > 0) {
      const x = intent / cost;
      units = Math.floor(x);
      const fraction = x - units;
      if (fraction > 0 && (this.#random as () => number)() < fraction) units += 1;
    }
    units += this.#deferred[r] as number;
    if (units === 0) return 0;
    const affordable = Math.max(0, Math.floor(available / cost + DUST));
    const taken = units < affordable ? units : affordable;
    this.#deferred[r] = units - taken;
    return taken;
  }

  /** Removes `amount` from the oldest lots first. */
  #take(amount: number, t: number): void {
    if (amount <= 0) return;
    this.#balance -= amount;
    let left = amount;
    const lots = this.#lots;
    while (left > DUST && this.#head <= t) {
      const lot = lots[this.#head] as number;
      if (lot > left) {
        lots[this.#head] = lot - left;
        return;
      }
      left -= lot;
      lots[this.#head] = 0;
      this.#head++;
    }
  }
}

/** The redemption pass over every partner (tier basis `earned`). */
export function redeemAll(c: CompiledProgram, L: LedgerArrays, mode: RedemptionMode): void {
  const redeemer = new Redeemer(c, L, mode);
  for (let p = 0; p < L.P; p++) {
    redeemer.begin();
    for (let t = 0; t < L.T; t++) redeemer.period(p, t);
  }
}

/** Capacity and shortfall per period and reward, once every partner has redeemed. */
export function settleCapacity(c: CompiledProgram, L: LedgerArrays): void {
  for (let t = 0; t < L.T; t++) {
    for (let r = 0; r < L.R; r++) {
      const i = t * L.R + r;
      const perPeriod = c.rewards.capacityPerPeriod[r] as number;
      const capacity = c.rewards.capacityYearly[r] === 1 ? perPeriod * (c.calendar.coveredShare[t] as number) : perPeriod;
      L.rewardCapacity[i] = capacity;
      const over = (L.rewardUnits[i] as number) - capacity;
      L.rewardShortfall[i] = over > 0 ? over : 0;
    }
  }
}
