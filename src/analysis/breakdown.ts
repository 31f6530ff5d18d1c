/**
 * The `--by` breakdowns of a run: partners, points earned, cost and tier distribution
 * per segment, per region, or per period.
 *
 * - segment / region: each partner counts once, in its group; points and cost are summed
 *   over all periods; tiers are those at the last evaluation, shares within the group.
 * - period: `partners` counts the partners with any scored activity in the period; points
 *   and cost are the period's; tiers are that period's evaluation over all partners.
 *
 * With a seller programme (`individuals:`), each seller's cost (seller rewards and level
 * benefits) joins its firm's group, or the period's, so the groups' cost adds up to
 * `cost.total` as it does without sellers; `points_earned` stays the firm's points (seller
 * points are another programme's).
 *
 * Segment and region groups are sorted by key (code-unit order, so the bytes never depend
 * on the machine's locale); a blank value is grouped under `(none)`. Periods keep calendar order.
 */
import type { Ledger } from '../engine/ledger.js';
import type { SellerLedger } from '../engine/people/replay-sellers.js';
import { roundMoney, roundPoints, type BreakdownDimension, type BreakdownGroup, type RunSummary } from './summary-types.js';
import { tierCounts } from './tier-counts.js';

export const BLANK_GROUP = '(none)';

export function breakdown(ledger: Ledger, dimension: BreakdownDimension, sellers?: SellerLedger): NonNullable<RunSummary['by']> {
  const sellerCost = sellerCostByFirm(ledger, sellers);
  const groups = dimension === 'period' ? byPeriod(ledger, sellerCost) : byPartnerField(ledger, dimension, sellerCost);
  return { dimension, groups };
}

/** Per firm partner × period (the firm ledger's layout), its sellers' cost; null without sellers. */
function sellerCostByFirm(ledger: Ledger, sellers: SellerLedger | undefined): Float64Array | null {
  if (sellers === undefined) return null;
  const T = ledger.periods.length;
  const firmIndex = new Map(ledger.partners.map((partner, p) => [partner.id, p]));
  const out = new Float64Array(ledger.partners.length * T);
  const people = sellers.ledger;
  people.partners.forEach((seller, s) => {
    const firm = firmIndex.get(sellers.view.sellers.get(seller.id)?.partner ?? '');
    if (firm === undefined) return;
    for (let t = 0; t < T; t++) out[firm * T + t] = (out[firm * T + t] as number) + costAt(people, s * T + t);
  });
  return out;
}

/** Money spent on partner-period i: rewards at vendor cost (the redemption's own figure) + benefits + discounts. */
function costAt(ledger: Ledger, i: number): number {
  return (ledger.rewardCost[i] ?? 0) + (ledger.benefitCost[i] ?? 0) + (ledger.discountCost[i] ?? 0);
}

function byPartnerField(ledger: Ledger, field: 'segment' | 'region', sellerCost: Float64Array | null): BreakdownGroup[] {
  const T = ledger.periods.length;
  const members = new Map<string, number[]>();
  ledger.partners.forEach((partner, p) => {
    const key = partner[field] === '' ? BLANK_GROUP : partner[field];
    const list = members.get(key);
    if (list) list.push(p);
    else members.set(key, [p]);
  });
  const keys = [...members.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => {
    const partners = members.get(key) ?? [];
    let earned = 0;
    let cost = 0;
    for (const p of partners) {
      for (let t = 0; t < T; t++) {
        const i = p * T + t;
        earned += ledger.earned[i] ?? 0;
        cost += costAt(ledger, i) + (sellerCost?.[i] ?? 0);
      }
    }
    return {
      key,
      partners: partners.length,
      points_earned: roundPoints(earned),
      cost_total: roundMoney(cost),
      tiers: tierCounts(ledger, T - 1, partners),
    };
  });
}

function byPeriod(ledger: Ledger, sellerCost: Float64Array | null): BreakdownGroup[] {
  const T = ledger.periods.length;
  const P = ledger.partners.length;
  const everyone = Array.from({ length: P }, (_, p) => p);
  return ledger.periods.map((period, t) => {
    let active = 0;
    let earned = 0;
    let cost = 0;
    for (let p = 0; p < P; p++) {
      const i = p * T + t;
      earned += ledger.earned[i] ?? 0;
      cost += costAt(ledger, i) + (sellerCost?.[i] ?? 0);
      if (ledger.active[i] === 1) active++;
    }
    return {
      key: period.label,
      partners: active,
      points_earned: roundPoints(earned),
      cost_total: roundMoney(cost),
      tiers: tierCounts(ledger, t, everyone),
    };
  });
}
