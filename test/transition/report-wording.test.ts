/**
 * What a consultant hands over as it is: percentages that add up, "<1%" rather than "0%",
 * Total before Difference, a footnote only under an asterisk, the design's labels instead
 * of ids, a median of points short over the partners who are short.
 */
import { describe, expect, it } from 'vitest';
import { writeExecutiveSummary } from '../../src/analysis/executive-summary.js';
import { buildTransition } from '../../src/analysis/transition.js';
import { designLabels } from '../../src/analysis/transition-labels.js';
import { percentTexts, wholeUnits } from '../../src/analysis/transition-shares.js';
import type { TransitionReport } from '../../src/analysis/transition-types.js';
import { heatMapSvg } from '../../src/report/html/heat-map.js';
import { describeGap } from '../../src/report/transition/describe.js';
import { renderTransitionHtml } from '../../src/report/transition/html.js';
import { renderTransitionMarkdown } from '../../src/report/transition/markdown.js';
import { design } from '../engine/design.js';
import { ledger, partnersTable, store } from './hand-case.js';

const report = (): TransitionReport => buildTransition(ledger(), store, partnersTable);

describe('percentages', () => {
  it('a row of the sample matrix adds up to 100%, and 4 partners of 1,587 read "<1%"', () => {
    // 1,158 / 1,587 = 72.97%, 425 / 1,587 = 26.78%, 4 / 1,587 = 0.25%, 0.
    // Floors 72 + 26 + 0 + 0 = 98; the two points left go to the largest remainders, .97 and .78.
    expect(percentTexts([1158, 425, 4, 0])).toEqual(['73%', '27%', '<1%', '0%']);
  });

  it('thirds read 34 + 33 + 33, never 33 + 33 + 33 = 99', () => {
    // 33.33 each: floors 99, one point left, the tie goes to the first.
    expect(percentTexts([1, 1, 1])).toEqual(['34%', '33%', '33%']);
  });

  it('the sample movement shares read 67 + 32 + 1 = 100, not 68 + 32 + 1 = 101', () => {
    // same 1,350 / 2,000 = 67.5%, up 632 → 31.6%, down 18 → 0.9%: floors 67 + 31 + 0 = 98;
    // the largest remainders are .9 (down) and .6 (up).
    expect(percentTexts([1350, 632, 18, 0])).toEqual(['67%', '32%', '1%', '0%']);
  });

  it('the heat map prints "<1%" (escaped) for a non-zero cell whose share rounds to 0', () => {
    // 1 / 300 = 0.33% → "<1%"; 299 / 300 = 99.67% takes the point left → 100%.
    const svg = heatMapSvg({ title: 't', rowTitle: 'r', columnTitle: 'c', rows: ['Silver'], columns: ['A', 'B'], counts: [[1, 299]], shares: [[1 / 300, 299 / 300]] });
    expect(svg).toContain('>&lt;1%</text>');
    expect(svg).toContain('>100%</text>');
    expect(svg).not.toContain('>0%</text>');
  });
});

describe('money of a breakdown', () => {
  it('adds up to its total in whole units', () => {
    // 10.5 + 20.5 + 30.4 = 61.4 → 61. Rounded one by one: 11 + 21 + 30 = 62. Floors 10 + 20 + 30 = 60
    // leave one unit for the largest remainder, .5 twice: the tie goes to the first → 11 + 20 + 30.
    expect(wholeUnits([10.5, 20.5, 30.4], 61.4)).toEqual([11, 20, 30]);
    // 0.6 + 0.6 + 0.8 = 2: floors 0, two units to the remainders .8 and then the first .6.
    expect(wholeUnits([0.6, 0.6, 0.8], 2)).toEqual([1, 0, 1]);
  });

  it('the lines of the cost table add up to its Total row', () => {
    // New: rewards 0.6 + benefits 0.6 + discounts 0.8 = 2. One by one they would read 1 + 1 + 1 = 3;
    // largest remainder gives 1 + 0 + 1 = 2 (the .8, then the first .6).
    const r = report();
    r.cost = { ...r.cost, new: { rewards: 0.6, benefits: 0.6, discounts: 0.8, total: 2 } };
    const text = renderTransitionMarkdown(r);
    expect(text).toContain('| Rewards at vendor cost | – | USD 1 |');
    // Legacy (hand case): benefits A 5,000 + B 5,000 + C 1,000 = 11,000; discounts 10% × 200,000
    // + 10% × 70,000 + 5% × 150,000 = 34,500; whole already, unchanged.
    expect(text).toContain('| Benefits | USD 11,000 | USD 0 |');
    expect(text).toContain('| Discounts | USD 34,500 | USD 1 |');
    expect(text).toContain('| **Total** | **USD 45,500** | **USD 2** |');
  });

  it('the segment and region tables end with a Total row equal to the cost table', () => {
    // Hand case costs: legacy 45,500, new 3,200 (test/transition/transition.test.ts).
    const r = report();
    const html = renderTransitionHtml(r);
    const totals = html.match(/<tr class="total"><td>Total<\/td><td class="num">4<\/td>.*?<\/tr>/g) ?? [];
    expect(totals).toHaveLength(2);
    for (const row of totals) expect(row).toContain('<td class="num">USD 45,500</td><td class="num">USD 3,200</td>');
    expect(renderTransitionMarkdown(r)).toContain('| **Total** | 4 | 1 | 1 | 1 | 1 | 1 | USD 45,500 | USD 3,200 |');
  });
});

describe('HTML layout', () => {
  it('puts the Total row of the cost table before the Difference row, and draws it as the total', () => {
    const html = renderTransitionHtml(report());
    const total = html.indexOf('<tr class="total"><td>Total</td>');
    const difference = html.indexOf('<td>Difference (new − legacy)</td>');
    expect(total).toBeGreaterThan(0);
    expect(difference).toBeGreaterThan(total);
  });

  it('footnotes the asterisk only when a listed partner has a computed level', () => {
    // C and D (computed levels) move: their levels carry the asterisk, and the footnote follows.
    const withComputed = renderTransitionHtml(report());
    expect(withComputed).toContain('<td>Silver *</td>');
    expect(withComputed).toContain('* legacy level computed from revenue and certified people');
    // Every level from the partners file: no asterisk, no footnote.
    const r = report();
    r.partner_rows = r.partner_rows.map((p) => ({ ...p, legacy_source: 'partners_file' as const }));
    const fromFile = renderTransitionHtml(r);
    expect(fromFile).not.toContain(' *</td>');
    expect(fromFile).not.toContain('legacy level computed from revenue');
  });
});

describe('labels instead of ids', () => {
  const labelled = design({
    categories: { main: { label: 'Selling' } },
    activities: { cert: { category: 'main', points: 1, label: 'Technical certification passed' } },
    tiers: [
      { name: 'Base', min_points: 0 },
      { name: 'Gold', min_points: 10, label: 'Gold Partner' },
    ],
    rewards: [{ id: 'mdf_1000', label: '1,000 USD of market development funds', cost_points: 10, vendor_cost: 1 }],
  });

  it('collects the labels of activities, categories, tiers and rewards (only those that have one)', () => {
    expect(designLabels(labelled)).toEqual({
      activities: { cert: 'Technical certification passed' },
      categories: { main: 'Selling' },
      tiers: { Gold: 'Gold Partner' },
      rewards: { mdf_1000: '1,000 USD of market development funds' },
    });
  });

  it('names an unmet requirement by its labels', () => {
    const labels = designLabels(labelled);
    expect(describeGap({ kind: 'points', id: 'Gold', required: 10, actual: 4, short: 6 }, labels)).toBe('Points for Gold Partner: 4 of 10 (6 short)');
    expect(describeGap({ kind: 'category', id: 'main', required: 10, actual: 4, short: 6 }, labels)).toBe('Points in Selling: 4 of 10 (6 short)');
    expect(describeGap({ kind: 'activity', id: 'cert', required: 2, actual: 1, short: 1 }, labels)).toBe('Technical certification passed: 1 of 2 (1 short)');
  });

  it('shows a tier label in the matrix, the distribution and the lists (HTML and Markdown)', () => {
    const r = report();
    r.labels = { ...r.labels, tiers: { Gold: 'Gold Partner' } };
    const html = renderTransitionHtml(r);
    expect(html).toContain('<th class="num">Gold Partner</th>');
    expect(html).not.toContain('<th class="num">Gold</th>');
    const text = renderTransitionMarkdown(r);
    expect(text).toContain('| Legacy level | Registered | Silver | Gold Partner | Total |');
    // B: legacy Gold needs the Gold tier, whose label differs from the level's name.
    expect(text).toContain('| B | Beta | reseller | emea | Gold (needs Gold Partner) | Silver | 1,700 |');
  });
});

describe('executive summary: points short', () => {
  it('takes the median over the partners who lack points, not over those who lack none', () => {
    // Four at risk: 0, 0, 100, 300 points short. Over all four the median would be
    // (0 + 100) / 2 = 50; over the two who are short it is (100 + 300) / 2 = 200.
    const r = report();
    const b = r.at_risk[0];
    if (b === undefined) throw new Error('B is at risk in the hand case');
    r.at_risk = [0, 0, 100, 300].map((short, i) => ({ ...b, partner: `R${i}`, points_short: short }));
    const sentence = writeExecutiveSummary(r).find((s) => s.includes('at risk'));
    expect(sentence).toContain('4 partners are at risk of a tier below the one equivalent to their legacy level; the 2 partners short of points lack a median of 200 points');
  });

  it('says they have the points when every one of them only misses a requirement', () => {
    const r = report();
    const b = r.at_risk[0];
    if (b === undefined) throw new Error('B is at risk in the hand case');
    r.at_risk = [{ ...b, points_short: 0 }, { ...b, partner: 'R1', points_short: 0 }];
    const sentence = writeExecutiveSummary(r).find((s) => s.includes('at risk'));
    expect(sentence).toContain('2 partners are at risk of a tier below the one equivalent to their legacy level; they have the points, and the requirement missed most often');
  });
});
