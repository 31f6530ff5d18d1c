/** One reward's demand as cells of the run page's tables: the firm's rewards and the sellers' share the columns. */
import { wholeUnits, type RewardDemand } from '../../analysis/summary-types.js';
import { formatCount, formatPoints } from '../../format/number.js';
import { num, txt, type Cell } from '../html/table.js';

export const REWARD_HEAD: Cell[] = [txt('Reward'), num('Units'), num('Points'), num('Vendor cost'), num('Capacity'), num('Shortfall')];

export function rewardCells(r: RewardDemand, money: (n: number) => string): Cell[] {
  return [
    txt(r.reward),
    num(formatCount(r.units)),
    num(formatPoints(r.points)),
    num(money(r.vendor_cost)),
    num(r.capacity === null ? 'unlimited' : formatCount(wholeUnits(r.capacity))),
    { text: formatCount(r.shortfall), num: true, cls: r.shortfall > 0 ? 'move-down' : '' },
  ];
}
