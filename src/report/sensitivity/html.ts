/**
 * `sensitivity --format html` (and what `sensitivity --pdf` prints): the tornado, or the
 * sweep, as ONE self-contained page in the transition report's page style: the base and
 * the weight that moves the metric most as headline figures, the tornado chart (each
 * weight's low and high side around the base), then the table of every weight. A sweep
 * draws its metric at each grid point and tables every metric. Inline SVG, no script;
 * every path (which may hold a tier's or reward's name) is escaped. The bars' `data-value`
 * are the JSON's `low` / `high` (or the sweep's values).
 */
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';
import { warmUpLine } from '../../analysis/warm-up.js';
import { formatPercent, formatPoints } from '../../format/number.js';
import { formatMetric, formatSpread } from '../compare/metric-value.js';
import { barChartSvg } from '../html/bar-chart.js';
import { keyFigure } from '../html/key-figure.js';
import { htmlPage } from '../html/page.js';
import { pageFooter, warmUpNote } from '../html/page-notes.js';
import { num, tableHtml, txt } from '../html/table.js';
import { tornadoChartSvg } from '../html/tornado-chart.js';
import { htmlText as h } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';
import type { SensitivityModel } from './model.js';
import { sweepCell } from './sweep-cell.js';

function tornadoBody(report: TornadoReport, currency: string): string[] {
  const value = (v: number | null): string => formatMetric(report.kind, v, currency);
  const pct = formatPercent(report.by);
  const top = report.rows[0];
  const parts = [
    `<header class="report"><h1>${h(`Sensitivity of ${report.metric}`)}</h1>`,
    `<p>${h(`Each weight moved by ±${pct}, one at a time, and replayed; ranked by how far it moves ${report.metric}.`)}</p></header>`,
    '<section id="summary"><div class="figures">',
    keyFigure(`${report.metric} as written`, value(report.base), '', 'base'),
    keyFigure('weights moved', String(report.rows.length), '', 'weights'),
    ...(top === undefined ? [] : [keyFigure(`moves it most: ${top.path}`, formatSpread(report.kind, top.impact, currency), '', 'impact')]),
    '</div></section>',
  ];
  if (report.rows.length === 0 || report.base === null) {
    parts.push('<p class="note">No numeric weight matched, or the design as written cannot measure the metric.</p>');
    return parts;
  }
  parts.push(
    '<section id="tornado"><h2>Tornado</h2><figure>',
    tornadoChartSvg({
      title: `${report.metric} with each weight at −${pct} and +${pct}`,
      base: report.base,
      rows: report.rows.map((r) => ({ label: r.path, low: r.low, high: r.high })),
      lowName: `weight −${pct}`,
      highName: `weight +${pct}`,
      format: value,
    }),
    `<figcaption>${h(`${report.metric} with each weight lowered (light) and raised (dark) by ${pct}, against the design as written (the centre line); largest impact at the top.`)}</figcaption></figure>`,
    tableHtml(
      [txt('Weight'), num('Value'), num(`Low (−${pct})`), num(`High (+${pct})`), num('Impact'), num('Elasticity')],
      report.rows.map((r) => [
        txt(r.path),
        num(formatPoints(r.weight)),
        num(value(r.low)),
        num(value(r.high)),
        num(formatSpread(report.kind, r.impact, currency)),
        num(r.elasticity === null ? '—' : r.elasticity.toFixed(2)),
      ]),
    ),
    '</section>',
  );
  return parts;
}

function sweepBody(report: SweepReport, currency: string): string[] {
  const first = report.metrics[0];
  const label = (coords: SweepReport['rows'][number]['coords']): string => coords.map(sweepCell).join(' × ');
  const parts = [
    `<header class="report"><h1>${h(`Sweep of ${report.paths.join(' × ')}`)}</h1>`,
    `<p>${h(`${report.rows.length} replays, one per grid point.`)}</p></header>`,
  ];
  if (first !== undefined) {
    const drawn = report.rows.filter((r) => r.values[0] !== null && r.values[0] !== undefined);
    parts.push(
      '<section id="sweep"><h2>' + h(first.name) + ' at each value</h2><figure>',
      barChartSvg({
        title: `${first.name} at each value of ${report.paths.join(' × ')}`,
        categories: drawn.map((r) => label(r.coords)),
        series: [{ name: first.name, color: '#0b3d7a', values: drawn.map((r) => r.values[0] ?? 0) }],
        format: (v) => formatMetric(first.kind, v, currency),
      }),
      `<figcaption>${h(`${first.name} replayed at each value of ${report.paths.join(' × ')}.`)}</figcaption></figure></section>`,
    );
  }
  parts.push(
    '<section id="grid"><h2>Every metric</h2>',
    tableHtml(
      [...report.paths.map((p) => txt(p)), ...report.metrics.map((m) => num(m.name))],
      report.rows.map((r) => [...r.coords.map((c) => txt(sweepCell(c))), ...report.metrics.map((m, i) => num(formatMetric(m.kind, r.values[i] ?? null, currency)))]),
    ),
    '</section>',
  );
  return parts;
}

export function renderSensitivityHtml(model: SensitivityModel): string {
  const body = model.kind === 'tornado' ? tornadoBody(model.report, model.currency) : sweepBody(model.report, model.currency);
  const warm = warmUpLine(model.warmUp ?? null);
  // The warm-up note goes right under the header, before any figure it qualifies.
  if (warm !== null) body.splice(2, 0, warmUpNote(warm));
  const title = model.kind === 'tornado' ? `Sensitivity of ${model.report.metric}` : `Sweep of ${model.report.paths.join(' × ')}`;
  body.push(pageFooter());
  return htmlPage({ title, body: body.join('\n') });
}

export const sensitivityHtmlFormat: Formatter<SensitivityModel> = {
  description: 'one self-contained page with the tornado or sweep chart (what --pdf prints)',
  mediaType: 'text/html',
  terminal: false,
  render: (model) => renderSensitivityHtml(model),
};
