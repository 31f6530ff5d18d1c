/**
 * Partners per tier at one evaluation, for the whole run or a group of partners.
 */
import type { Ledger } from '../engine/ledger.js';
import { roundShare, type TierCount } from './summary-types.js';

/** Name of the row counting partners below the lowest tier (tier index -1); listed only when some are. */
export const BELOW_LOWEST_TIER = '(below lowest tier)';

/**
 * Partners per tier at period `t`'s evaluation, among `partners` (indexes); every tier
 * listed low to high, shares over `partners.length`. `t = -1` (no periods) lists zeros.
 */
export function tierCounts(ledger: Ledger, t: number, partners: readonly number[]): TierCount[] {
  const T = ledger.periods.length;
  const counts = new Array<number>(ledger.tierNames.length).fill(0);
  let below = 0;
  if (t >= 0) {
    for (const p of partners) {
      const tier = ledger.tier[p * T + t] ?? -1;
      if (tier >= 0 && tier < counts.length) counts[tier] = (counts[tier] ?? 0) + 1;
      else below++;
    }
  }
  const n = partners.length;
  const share = (k: number): number => (n > 0 ? roundShare(k / n) : 0);
  const rows = ledger.tierNames.map((tier, i) => ({ tier, partners: counts[i] ?? 0, share: share(counts[i] ?? 0) }));
  return below > 0 ? [{ tier: BELOW_LOWEST_TIER, partners: below, share: share(below) }, ...rows] : rows;
}
