/**
 * The `sellers` section of the run summary: the person ledger's figures, summarized by
 * the same summarize() as the firm's (passed in, so the two can never count differently),
 * with who the sellers are and the top sellers beside their firm's tier.
 */
import type { Ledger } from '../engine/ledger.js';
import type { SellerLedger } from '../engine/people/replay-sellers.js';
import { BELOW_LOWEST_TIER } from './tier-counts.js';
import { roundPoints, type RunSummary, type SellerSummary, type TopSeller } from './summary-types.js';

export function sellerSummary(firm: Ledger, sellers: SellerLedger, own: RunSummary, top: number): SellerSummary {
  const { ledger, view } = sellers;
  const program = firm.program;
  const scored = new Set(Object.keys(program.individuals?.activities ?? {}));
  let unattributed = 0;
  for (const [activity, count] of view.blankByActivity) if (scored.has(activity)) unattributed += count;
  const firms = new Set([...view.sellers.values()].map((s) => s.partner));
  return {
    person_column: view.column,
    sellers: view.sellers.size,
    partners: firms.size,
    events: ledger.events,
    unattributed_events: unattributed,
    points: own.points,
    cost: { rewards: own.cost.rewards, benefits: own.cost.benefits, discounts: own.cost.discounts, total: own.cost.total, liability: own.cost.liability },
    levels: own.tiers.map((t) => ({ level: t.tier, sellers: t.partners, share: t.share })),
    rewards: own.rewards,
    top: topSellers(firm, sellers, top),
  };
}

/** The `count` sellers with the most points earned, high to low; ties by seller key. */
export function topSellers(firm: Ledger, sellers: SellerLedger, count: number): TopSeller[] {
  const { ledger, view } = sellers;
  const T = ledger.periods.length;
  const firmIndex = new Map(firm.partners.map((p, i) => [p.id, i]));
  const rows = ledger.partners.map((p, i) => {
    let earned = 0;
    let redeemed = 0;
    for (let t = 0; t < T; t++) {
      earned += ledger.earned[i * T + t] ?? 0;
      redeemed += ledger.redeemed[i * T + t] ?? 0;
    }
    return { i, key: p.id, earned, redeemed };
  });
  rows.sort((a, b) => b.earned - a.earned || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.slice(0, count).map(({ i, key, earned, redeemed }) => {
    const seller = view.sellers.get(key);
    const partner = seller?.partner ?? '';
    const f = firmIndex.get(partner) ?? -1;
    const FT = firm.periods.length;
    return {
      seller: key,
      partner,
      person: seller?.person ?? '',
      earned: roundPoints(earned),
      redeemed: roundPoints(redeemed),
      balance: roundPoints(T > 0 ? (ledger.balance[i * T + T - 1] ?? 0) : 0),
      level: tierName(ledger, T > 0 ? (ledger.tier[i * T + T - 1] ?? -1) : -1),
      partner_tier: f < 0 || FT === 0 ? BELOW_LOWEST_TIER : tierName(firm, firm.tier[f * FT + FT - 1] ?? -1),
    };
  });
}

function tierName(ledger: Ledger, tier: number): string {
  return ledger.tierNames[tier] ?? BELOW_LOWEST_TIER;
}
