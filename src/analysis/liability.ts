/**
 * Outstanding-points liability (DESIGN §5): what the vendor should expect to pay for
 * points earned but not yet spent, net of expected breakage:
 *
 *   liability = Σ partners  outstanding × rate × Σ rewards mix[r] × vendor_cost[r] / cost_points[r]
 *
 * `rate` and `mix` come from the partner's segment behaviour (`redemption.by_segment`),
 * else `redemption.default`. A design without `redemption:` expects no redemption, so
 * its liability is 0 (the points will all expire).
 */
import type { Ledger } from '../engine/ledger.js';
import type { Program } from '../program/program.js';
import { programAt } from './program-at.js';

/** Expected money per outstanding point for a partner of this segment. */
export function expectedCostPerPoint(program: Program, segment: string): number {
  const redemption = program.redemption;
  if (redemption === undefined) return 0;
  const behaviour = redemption.by_segment?.[segment] ?? redemption.default;
  let perPoint = 0;
  for (const [rewardId, share] of Object.entries(behaviour.mix)) {
    const reward = program.rewards.find((r) => r.id === rewardId);
    // The semantic rules reject a mix naming an unknown reward; skip it rather than guess a price.
    if (reward === undefined) continue;
    perPoint += share * (reward.vendor_cost / reward.cost_points);
  }
  return behaviour.rate * perPoint;
}

/** Each partner's liability at the end of the last period (money, unrounded). */
export function liabilityByPartner(ledger: Ledger): Float64Array {
  const periods = ledger.periods.length;
  const result = new Float64Array(ledger.partners.length);
  if (periods === 0) return result;
  const perSegment = new Map<string, number>();
  ledger.partners.forEach((partner, p) => {
    let perPoint = perSegment.get(partner.segment);
    if (perPoint === undefined) {
      // Outstanding points are valued at the prices in force at the end (dated changes).
      perPoint = expectedCostPerPoint(programAt(ledger, periods - 1), partner.segment);
      perSegment.set(partner.segment, perPoint);
    }
    // A debt (a negative balance, from a clawback) is no liability, and no asset either: it is repaid only if the partner earns again.
    result[p] = Math.max(0, ledger.balance[p * periods + periods - 1] ?? 0) * perPoint;
  });
  return result;
}
