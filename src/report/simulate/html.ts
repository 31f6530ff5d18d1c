/**
 * `simulate --format html` (and what `simulate --pdf` prints): the Monte Carlo as ONE
 * self-contained page in the transition report's page style: the P10/P50/P90 of cost and
 * liability as headline figures, a histogram of each over the runs with the three
 * percentiles marked, then the tables of every measure and every limit's risk. Inline
 * SVG, no script; every name is escaped. The markers' `data-value` are the JSON's
 * percentiles.
 */
import type { SimulationReport } from '../../analysis/monte-carlo.js';
import { warmUpLine } from '../../analysis/warm-up.js';
import { formatCount, formatPercent } from '../../format/number.js';
import { formatMetric } from '../compare/metric-value.js';
import { histogramSvg } from '../html/histogram.js';
import { keyFigure } from '../html/key-figure.js';
import { htmlPage } from '../html/page.js';
import { pageFooter, warmUpNote } from '../html/page-notes.js';
import { num, tableHtml, txt } from '../html/table.js';
import { htmlText as h } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';
import { expectedRiskText, outsideNote, riskLabel } from './labels.js';

const TITLE: Readonly<Record<string, string>> = { 'cost.total': 'Total cost', liability: 'Liability (outstanding points)' };

function distributionSection(report: SimulationReport): string {
  const parts = ['<section id="distribution"><h2>Spread over the runs</h2><div class="charts">'];
  for (const d of report.distributions) {
    const m = report.measures.find((x) => x.name === d.name);
    if (m === undefined) continue;
    const title = TITLE[d.name] ?? d.name;
    parts.push(
      `<figure data-measure="${h(d.name)}">`,
      histogramSvg({
        title: `${title}: runs per bin, P10, P50 and P90 marked`,
        values: d.values,
        markers: [
          { label: 'P10', value: m.p10 },
          { label: 'P50', value: m.p50 },
          { label: 'P90', value: m.p90 },
        ],
        format: (x) => formatMetric(m.kind, x, report.currency),
      }),
      `<figcaption>${h(`${title} in ${report.currency} over ${formatCount(report.runs)} runs: how many runs fell in each band; dashed lines at P10 and P90, solid at P50. run's expected figure is ${formatMetric(m.kind, m.expected, report.currency)}.`)}</figcaption></figure>`,
    );
  }
  parts.push('</div></section>');
  return parts.join('');
}

export function renderSimulationHtml(report: SimulationReport): string {
  const v = (m: SimulationReport['measures'][number], x: number): string => formatMetric(m.kind, x, report.currency);
  // One row per measure: its P10, P50 and P90 side by side.
  const figures = report.measures
    .filter((m) => m.name === 'cost.total' || m.name === 'liability')
    .map((m) => `<div class="figures">${(['p10', 'p50', 'p90'] as const).map((p) => keyFigure(`${TITLE[m.name] ?? m.name}, ${p.toUpperCase()}`, v(m, m[p]), '', `${m.name}.${p}`)).join('')}</div>`);
  const note = outsideNote(report);
  const warm = warmUpLine(report.warmUp);
  const body = [
    `<header class="report"><h1>${h(report.program)}: Monte Carlo of redemption</h1>`,
    `<p>${h(`${formatCount(report.runs)} runs, seed ${report.seed}. Each partner redeems whole reward units per period from its segment's rate and mix, only from points it holds; run reports the mean of 16 draws of seed 1 of the same model.`)}</p></header>`,
    '<section id="summary">',
    warm === null ? '' : warmUpNote(warm),
    ...figures,
    note === undefined ? '' : `<p class="note">${h(note)}</p>`,
    '</section>',
    distributionSection(report),
    '<section id="measures"><h2>Every measure</h2>',
    tableHtml(
      [txt('Measure'), num('run (expected)'), num('Mean'), num('P10'), num('P50'), num('P90')],
      report.measures.map((m) => [txt(m.name), num(v(m, m.expected)), num(v(m, m.mean)), num(v(m, m.p10)), num(v(m, m.p50)), num(v(m, m.p90))]),
    ),
    '</section>',
    report.risks.length === 0
      ? ''
      : [
          '<section id="risks"><h2>Chance of exceeding a limit</h2>',
          '<p class="note">In at least one window: a capacity in its fiscal year or period, the budget in a fiscal year.</p>',
          tableHtml(
            [txt('Limit'), num('Probability'), txt('run')],
            report.risks.map((r) => [txt(riskLabel(r.name)), { text: formatPercent(r.probability), num: true, cls: r.probability > 0 ? 'move-down' : '' }, txt(expectedRiskText(r.expected))]),
          ),
          '</section>',
        ].join(''),
    pageFooter(report.program),
  ];
  return htmlPage({ title: `${report.program}: Monte Carlo of redemption`, body: body.join('\n') });
}

export const simulationHtmlFormat: Formatter<SimulationReport> = {
  description: 'one self-contained page with charts (what --pdf prints)',
  mediaType: 'text/html',
  terminal: false,
  render: (report) => renderSimulationHtml(report),
};
