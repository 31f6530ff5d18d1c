/**
 * Ledger → RunSummary: the totals, tier distribution, reward demand, cost and budget use
 * that `run` reports and that `check` (guardrails) and `compare` read. Pure: no I/O.
 *
 * Sums are taken over unrounded ledger values and rounded once, at the end, to the
 * contract's precision (points 2 decimals, money cents, shares 4 decimals).
 */
import type { Ledger } from '../engine/ledger.js';
import { breakdown } from './breakdown.js';
import { budgetUse } from './budget.js';
import { liabilityByPartner } from './liability.js';
import { tierCounts } from './tier-counts.js';
import {
  roundMoney,
  roundPoints,
  roundShare,
  roundUnits,
  wholeUnits,
  type BreakdownDimension,
  type RunSummary,
} from './summary-types.js';

import { warmUp } from './warm-up.js';
import { designChanges } from './design-versions.js';
import { programAt } from './program-at.js';
import type { SellerLedger } from '../engine/people/replay-sellers.js';
import { sellerSummary } from './sellers.js';

export interface SummarizeOptions {
  by?: BreakdownDimension;
  /** The person ledger of the design's `individuals:` (src/engine/people/): its cost joins cost.total and the budget. */
  sellers?: SellerLedger | undefined;
}

export function summarize(ledger: Ledger, options: SummarizeOptions = {}): RunSummary {
  const P = ledger.partners.length;
  const T = ledger.periods.length;
  const program = ledger.program;

  // Each sum in a small function called five times a summary: it is optimised after a
  // few summaries and stays so, where one loop inside summarize (called once a replay)
  // ran mostly unoptimised, boxing every partial sum (~5 MB of garbage a summary on the
  // 1M-row bench history). Same order of additions, so the same sums.
  const earned = sumFirst(ledger.earned, P * T);
  const redeemed = sumFirst(ledger.redeemed, P * T);
  const expired = sumFirst(ledger.expired, P * T);
  const opening = sumFirst(ledger.openingPoints, P);
  const benefits = sumFirst(ledger.benefitCost, P * T);
  const discounts = sumFirst(ledger.discountCost, P * T);
  const outstanding = T > 0 ? sumEvery(ledger.balance, T - 1, T, P) : 0;
  const clawedBack = sumFirst(ledger.clawedBack, P * T);
  const debt = T > 0 ? debtAt(ledger.balance, T - 1, T, P) : 0;

  const rewards = rewardDemand(ledger);
  const rewardCost = rewards.reduce((sum, r) => sum + r.rawVendorCost, 0);
  const liability = liabilityByPartner(ledger).reduce((sum, v) => sum + v, 0);
  // The seller programme is summarized by this same function, so its cost is counted as the firm's is.
  const sellers = options.sellers === undefined ? undefined : summarize(options.sellers.ledger);
  const sellerCost = sellers === undefined ? 0 : sellers.cost.total;
  const total = rewardCost + benefits + discounts + sellerCost;
  const budget = budgetUse(ledger, total, options.sellers?.ledger);
  // One list for every period's tier count (it was built once per period plus once: ~17 ms a summary on 20,000 partners).
  const everyone = allPartners(P);

  const summary: RunSummary = {
    format_version: 2,
    program: { name: program.program.name, currency: program.program.currency },
    partners: P,
    events: ledger.events,
    periods: ledger.periods.map((p) => ({ label: p.label, start: p.startDate, end: p.endDate })),
    points: {
      ...(program.launch?.opening_points !== undefined ? { opening: roundPoints(opening) } : {}),
      earned: roundPoints(earned),
      redeemed: roundPoints(redeemed),
      expired: roundPoints(expired),
      clawed_back: roundPoints(clawedBack),
      outstanding: roundPoints(outstanding),
      debt: roundPoints(debt),
      // Of the points partners kept (opening balances and earned, less what was taken back), the share that expired.
      breakage: earned + opening - clawedBack > 0 ? roundShare(expired / (earned + opening - clawedBack)) : 0,
    },
    cost: {
      rewards: roundMoney(rewardCost),
      benefits: roundMoney(benefits),
      discounts: roundMoney(discounts),
      ...(sellers !== undefined ? { sellers: sellers.cost.total } : {}),
      total: roundMoney(total),
      liability: roundMoney(liability),
    },
    budget,
    tiers: T > 0 ? tierCounts(ledger, T - 1, everyone) : tierCounts(ledger, -1, []),
    tier_history: ledger.periods.map((period, t) => ({ period: period.label, tiers: tierCounts(ledger, t, everyone) })),
    rewards: rewards.map(({ rawVendorCost: _raw, ...demand }) => demand),
    warm_up: warmUp(ledger),
  };
  const changes = designChanges(ledger);
  if (changes !== null) summary.changes = changes;
  if (options.by !== undefined) summary.by = breakdown(ledger, options.by, options.sellers);
  if (options.sellers !== undefined && sellers !== undefined) summary.sellers = sellerSummary(ledger, options.sellers, sellers, program.individuals?.top ?? 10);
  return summary;
}

/** The partners' debts at period t: the sum of −balance over the negative balances (clawbacks the balance could not cover). */
function debtAt(balance: Float64Array, t: number, T: number, P: number): number {
  let sum = 0;
  for (let p = 0; p < P; p++) {
    const b = balance[p * T + t] as number;
    if (b < 0) sum -= b;
  }
  return sum;
}

/** a[0] + a[1] + ... + a[n-1], left to right. */
function sumFirst(a: ArrayLike<number>, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] ?? 0;
  return sum;
}

/** a[from] + a[from + step] + ... (`count` terms), left to right. */
function sumEvery(a: ArrayLike<number>, from: number, step: number, count: number): number {
  let sum = 0;
  for (let k = 0; k < count; k++) sum += a[from + k * step] ?? 0;
  return sum;
}

/** 0..count-1; a plain loop, as `Array.from` with a mapper is slow on 20,000 partners. */
function allPartners(count: number): number[] {
  const out = new Array<number>(count);
  for (let p = 0; p < count; p++) out[p] = p;
  return out;
}

function rewardDemand(ledger: Ledger): (RunSummary['rewards'][number] & { rawVendorCost: number })[] {
  const R = ledger.rewardIds.length;
  return ledger.rewardIds.map((id, r) => {
    const reward = ledger.program.rewards.find((x) => x.id === id);
    // Each period's units at the price and vendor cost in force then (dated changes; one price without them).
    let units = 0;
    let points = 0;
    let money = 0;
    const byPeriod = ledger.periods.map((period, t) => {
      const u = ledger.rewardUnits[t * R + r] ?? 0;
      const priced = programAt(ledger, t).rewards.find((x) => x.id === id);
      units += u;
      points += u * (priced?.cost_points ?? 0);
      money += u * (priced?.vendor_cost ?? 0);
      return { period: period.label, units: wholeUnits(u), expected_units: roundUnits(u) };
    });
    const windows = ledger.capacity.filter((w) => w.reward === r);
    let capacity = 0;
    let shortfall = 0;
    const byWindow = windows.map((w) => {
      capacity += w.capacity;
      shortfall += w.shortfall;
      return {
        window: w.label,
        start: ledger.periods[w.firstPeriod]?.startDate ?? '',
        end: ledger.periods[w.lastPeriod]?.endDate ?? '',
        capacity: roundUnits(w.capacity),
        units: wholeUnits(w.units),
        expected_units: roundUnits(w.units),
        shortfall: wholeUnits(w.shortfall),
        expected_shortfall: roundUnits(w.shortfall),
        exceeded_share: roundShare(w.exceeded),
      };
    });
    const limited = windows.length > 0;
    return {
      reward: id,
      units: wholeUnits(units),
      expected_units: roundUnits(units),
      points: roundPoints(points),
      vendor_cost: roundMoney(money),
      capacity_per: limited ? (reward?.capacity?.per ?? null) : null,
      capacity: limited ? roundUnits(capacity) : null,
      shortfall: wholeUnits(shortfall),
      expected_shortfall: roundUnits(shortfall),
      by_period: byPeriod,
      by_window: byWindow,
      rawVendorCost: money,
    };
  });
}
