/**
 * The run page's seller programme section (`individuals:`): the figures, levels, seller
 * rewards and top sellers the table report shows, as tables. Every name (the person column,
 * levels, rewards, people, partners, tiers) is escaped by `tableHtml` or `htmlText`.
 */
import type { SellerSummary } from '../../analysis/summary-types.js';
import { formatCount, formatPercent, formatPoints } from '../../format/number.js';
import { num, tableHtml, txt } from '../html/table.js';
import { htmlText as h } from '../sanitize/index.js';
import { sellerFigures, sellerHeadline } from './labels.js';
import { rewardCells, REWARD_HEAD } from './html-reward-cells.js';

/** Sentence case for a label shared with the terminal and Markdown reports. */
const sentence = (label: string): string => `${label.charAt(0).toUpperCase()}${label.slice(1)}`;

export function sellerSection(s: SellerSummary | undefined, money: (n: number) => string): string {
  if (s === undefined) return '';
  const figures = sellerFigures(s, money);
  const total = figures.findIndex((f) => f.total === true);
  const parts = [
    '<section id="sellers"><h2>Sellers</h2>',
    `<p>${h(`Sellers ${sellerHeadline(s)}; their cost is part of the total cost.`)}</p>`,
    tableHtml(
      [txt('Seller programme'), num('Value')],
      figures.map((f) => [txt(sentence(f.label)), { text: f.value, num: true, cls: f.warn === true ? 'move-down' : '' }]),
      { totalRow: total },
    ),
  ];
  if (s.levels.length > 1) {
    parts.push('<h3>Seller levels at the last evaluation</h3>', tableHtml([txt('Level'), num('Sellers'), num('Share')], s.levels.map((l) => [txt(l.level), num(formatCount(l.sellers)), num(formatPercent(l.share))])));
  }
  if (s.rewards.length > 0) {
    parts.push(
      '<h3>Seller reward demand</h3>',
      tableHtml(REWARD_HEAD, s.rewards.map((r) => rewardCells(r, money))),
    );
  }
  if (s.top.length > 0) {
    parts.push(
      `<h3>${h(`Top ${s.top.length} sellers`)}</h3>`,
      tableHtml(
        [txt('Seller'), txt('Partner'), num('Earned'), num('Balance'), txt('Level'), txt('Partner tier')],
        s.top.map((t) => [txt(t.person), txt(t.partner), num(formatPoints(t.earned)), num(formatPoints(t.balance)), txt(t.level), txt(t.partner_tier)]),
      ),
    );
  }
  parts.push('</section>');
  return parts.join('');
}
