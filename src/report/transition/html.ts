/**
 * The transition report as ONE self-contained HTML page for a consultant to hand over:
 * inline CSS (with an A4 print stylesheet), inline SVG charts (the migration matrix as a
 * heat map, tier distribution before and after, cost before and after), tables for every
 * number, no script and no external resource. Every text from the design or the
 * partners file is escaped.
 */
import { labelOf } from '../../analysis/transition-labels.js';
import { percentTexts, wholeUnits } from '../../analysis/transition-shares.js';
import type { GroupTransition, TransitionReport } from '../../analysis/transition-types.js';
import { groupRows } from './group-rows.js';
import { barChartSvg } from '../html/bar-chart.js';
import { htmlText as h } from '../sanitize/index.js';
import { heatMapSvg } from '../html/heat-map.js';
import { htmlPage } from '../html/page.js';
import { pageFooter, warmUpNote } from '../html/page-notes.js';
import { keyFigure as figure } from '../html/key-figure.js';
import { num, tableHtml, txt } from '../html/table.js';
import { describeGap, describeStep, methodNotes } from './describe.js';
import { formatChange, formatCompact, formatCount, formatMoney, formatPoints } from '../../format/whole-figures.js';
import { listedAtRisk, listedMovers, type RenderOptions } from './selection.js';
import { wholeText } from './chunked.js';

const BEFORE = '#9aa7b8';
const AFTER = '#0b3d7a';

function groupTable(title: string, groups: readonly GroupTransition[], cost: TransitionReport['cost'], currency: string): string {
  const { rows: shown, unmapped } = groupRows(groups, cost);
  return tableHtml(
    [txt(title), num('Partners'), num('Up'), num('Same'), num('Down'), ...(unmapped ? [num('No equivalent')] : []), num('At risk'), num('Legacy cost'), num('New cost')],
    shown.map((g) => [
      txt(g.key),
      num(formatCount(g.partners)),
      num(formatCount(g.up)),
      num(formatCount(g.same)),
      num(formatCount(g.down)),
      ...(unmapped ? [num(formatCount(g.unmapped))] : []),
      num(formatCount(g.at_risk)),
      num(formatMoney(g.legacy_cost, currency)),
      num(formatMoney(g.new_cost, currency)),
    ]),
    { totalRow: shown.length - 1 },
  );
}

/** "Showing the first 50 of 632 (…); the CSV and JSON formats list every partner." when the list is cut. */
function shownNote(shown: number, total: number, order: string): string {
  return shown < total
    ? `<p class="note">${h(`Showing the first ${formatCount(shown)} of ${formatCount(total)} (${order}); --top sets how many, and the CSV and JSON formats list every partner.`)}</p>`
    : '';
}

export function renderTransitionHtml(report: TransitionReport, options: RenderOptions = {}): string {
  const currency = report.program.currency;
  const tier = (name: string): string => labelOf(report.labels.tiers, name);
  const m = report.movement;
  const cost = report.cost;
  // The lines of the cost table in whole units that add up to its Total row.
  const legacyParts = wholeUnits([cost.legacy.benefits, cost.legacy.discounts], cost.legacy.total);
  const newParts = wholeUnits([cost.new.rewards, cost.new.benefits, cost.new.discounts], cost.new.total);
  const parts: string[] = [];
  const sourceText =
    report.legacy.source === 'partners_file'
      ? 'legacy levels from the partners file'
      : report.legacy.source === 'computed'
        ? 'legacy levels computed from revenue and certified people'
        : 'legacy levels from the partners file, else computed';

  parts.push(
    `<header class="report"><h1>Transition to ${h(report.program.name)}</h1>`,
    `<p>${h(`${formatCount(report.partners)} partners · new tiers at the evaluation of ${report.evaluated_at} · ${sourceText}`)}</p></header>`,
  );

  parts.push('<section id="summary"><h2>Executive summary</h2><ul class="summary">');
  for (const s of report.executive_summary) parts.push(`<li>${h(s)}</li>`);
  parts.push('</ul>');
  if (report.warnings.length > 0) {
    parts.push(`<div class="warning"><strong>Warnings</strong><ul>${report.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></div>`);
  }
  // Rounded together, so the figures a reader adds in their head come to 100%.
  const [samePct = '', upPct = '', downPct = '', unmappedPct = ''] = percentTexts([m.same.partners, m.up.partners, m.down.partners, m.unmapped.partners]);
  parts.push(
    '<div class="figures">',
    figure(`keep their level (${formatCount(m.same.partners)})`, samePct, 'same'),
    figure(`move up (${formatCount(m.up.partners)})`, upPct, 'up'),
    figure(`move down (${formatCount(m.down.partners)})`, downPct, 'down'),
    ...(m.unmapped.partners > 0 ? [figure(`no equivalent tier (${formatCount(m.unmapped.partners)})`, unmappedPct, 'same')] : []),
    figure('partners at risk', formatCount(report.at_risk.length), 'down'),
    figure(
      'change in cost against the legacy levels',
      cost.difference_share !== null ? formatChange(cost.difference_share) : formatMoney(cost.difference, currency),
      cost.difference > 0 ? 'down' : 'up',
    ),
    '</div></section>',
  );

  // ---- migration matrix ----
  const matrix = report.matrix;
  const equivalent = new Map(report.legacy.levels.map((l) => [l.name, l.equivalent]));
  parts.push('<section id="matrix"><h2>Migration matrix</h2>');
  parts.push(
    '<figure>',
    heatMapSvg({
      title: `Migration matrix: legacy level by new tier at ${report.evaluated_at}`,
      rowTitle: 'Legacy level',
      columnTitle: `New tier (${report.evaluated_at})`,
      rows: matrix.legacy_levels,
      columns: matrix.tiers.map(tier),
      counts: matrix.counts,
      shares: matrix.row_shares,
      format: formatCount,
      highlight: (r, c) => {
        const level = matrix.legacy_levels[r];
        return level !== undefined && equivalent.get(level) === matrix.tiers[c];
      },
    }),
    `<figcaption>${h('Each cell: partners, and their share of the legacy level (the shade). Outlined: the tier equivalent to the level; right of it is up, left is down.')}</figcaption>`,
    '</figure>',
  );
  parts.push(
    tableHtml(
      [txt('Legacy level'), ...matrix.tiers.map((t) => num(tier(t))), num('Total')],
      matrix.legacy_levels.map((level, r) => {
        const counts = matrix.tiers.map((_, c) => matrix.counts[r]?.[c] ?? 0);
        const percents = percentTexts(counts);
        return [
          txt(level),
          ...counts.map((n, c) => num(`${formatCount(n)} (${percents[c] ?? ''})`)),
          num(formatCount(counts.reduce((a, b) => a + b, 0))),
        ];
      }),
      { cls: 'matrix' },
    ),
    '</section>',
  );

  // ---- before / after charts ----
  const dist = report.tier_distribution;
  // A cost neither program has (no discounts in either) is left out of the chart; the table keeps it.
  const costBars = [
    { name: 'Rewards', legacy: 0, new: cost.new.rewards },
    { name: 'Benefits', legacy: cost.legacy.benefits, new: cost.new.benefits },
    { name: 'Discounts', legacy: cost.legacy.discounts, new: cost.new.discounts },
    { name: 'Total', legacy: cost.legacy.total, new: cost.new.total },
  ].filter((b) => b.name === 'Total' || b.legacy !== 0 || b.new !== 0);
  parts.push('<section id="before-after"><h2>Before and after</h2><div class="charts">');
  parts.push(
    '<figure>',
    barChartSvg({
      title: 'Partners per tier: legacy equivalent before, new tier after',
      categories: dist.map((d) => tier(d.tier)),
      series: [
        { name: 'Before (legacy equivalent)', color: BEFORE, values: dist.map((d) => d.before) },
        { name: `After (${report.evaluated_at})`, color: AFTER, values: dist.map((d) => d.after) },
      ],
      format: (v) => formatCount(v),
    }),
    `<figcaption>${h('Partners per tier. Before: partners whose legacy level is equivalent to the tier. After: partners holding it at the last evaluation.')}</figcaption>`,
    '</figure>',
  );
  parts.push(
    '<figure>',
    barChartSvg({
      title: `Cost from ${cost.from} to ${cost.to}: legacy levels against the new program`,
      categories: costBars.map((b) => b.name),
      series: [
        { name: 'Legacy levels', color: BEFORE, values: costBars.map((b) => b.legacy) },
        { name: 'New program', color: AFTER, values: costBars.map((b) => b.new) },
      ],
      format: (v) => formatCompact(v),
    }),
    `<figcaption>${h(`Cost in ${currency} from ${cost.from} to ${cost.to}.`)}</figcaption>`,
    '</figure></div>',
  );
  parts.push(
    '<h3>Partners per tier</h3>',
    tableHtml(
      [txt('Tier'), num('Before'), num('After'), num('Change')],
      dist.map((d) => [txt(tier(d.tier)), num(formatCount(d.before)), num(formatCount(d.after)), num(`${d.after - d.before > 0 ? '+' : ''}${formatCount(d.after - d.before)}`)]),
    ),
    `<h3>${h(`Cost from ${cost.from} to ${cost.to}`)}</h3>`,
    tableHtml(
      [txt(''), num('Legacy levels'), num('New program')],
      [
        [txt('Rewards at vendor cost'), num('–'), num(formatMoney(newParts[0] ?? 0, currency))],
        [txt('Benefits'), num(formatMoney(legacyParts[0] ?? 0, currency)), num(formatMoney(newParts[1] ?? 0, currency))],
        [txt('Discounts'), num(formatMoney(legacyParts[1] ?? 0, currency)), num(formatMoney(newParts[2] ?? 0, currency))],
        [txt('Total'), num(formatMoney(cost.legacy.total, currency)), num(formatMoney(cost.new.total, currency))],
        [
          txt('Difference (new − legacy)'),
          num(''),
          num(`${cost.difference > 0 ? '+' : ''}${formatMoney(cost.difference, currency)}${cost.difference_share !== null ? ` (${formatChange(cost.difference_share)})` : ''}`),
        ],
      ],
      { totalRow: 3 },
    ),
    '</section>',
  );

  parts.push('<section id="groups"><h2>By segment</h2>', groupTable('Segment', report.by_segment, report.cost, currency));
  parts.push('<h2>By region</h2>', groupTable('Region', report.by_region, report.cost, currency));
  const unmappedEver = report.by_period.some((p) => p.unmapped > 0);
  parts.push(
    '<h2>Movement over time</h2>',
    tableHtml(
      [txt('Period'), num('Up'), num('Same'), num('Down'), ...(unmappedEver ? [num('No equivalent')] : [])],
      report.by_period.map((p) => [
        txt(p.period),
        num(formatCount(p.up)),
        num(formatCount(p.same)),
        num(formatCount(p.down)),
        ...(unmappedEver ? [num(formatCount(p.unmapped))] : []),
      ]),
    ),
    '</section>',
  );

  // ---- at risk ----
  const atRisk = listedAtRisk(report, options);
  parts.push(`<section id="at-risk" class="page"><h2>${h(`Partners at risk (${formatCount(atRisk.total)})`)}</h2>`);
  if (atRisk.total === 0) parts.push('<p>None.</p>');
  else {
    parts.push(
      shownNote(atRisk.shown.length, atRisk.total, 'most points short first'),
      tableHtml(
        [txt('Partner'), txt('Segment · region'), txt('Legacy level'), txt('Now'), num('Points short'), txt('Unmet requirements'), txt('What would close the gap')],
        atRisk.shown.map((a) => [
          { text: `<strong>${h(a.name || a.partner)}</strong><br><span class="note">${h(a.partner)}</span>`, html: true },
          txt(`${a.segment} · ${a.region}`),
          txt(a.legacy_level === tier(a.target_tier) ? a.legacy_level : `${a.legacy_level} (needs ${tier(a.target_tier)})`),
          txt(a.in_grace ? `${tier(a.new_tier)} (grace)` : a.grandfathered ? `${tier(a.new_tier)} (grandfathered)` : tier(a.new_tier)),
          num(formatPoints(a.points_short)),
          { text: `<ul class="plan">${a.gaps.map((g) => `<li>${h(describeGap(g, report.labels))}</li>`).join('')}</ul>`, html: true },
          {
            text:
              `<ul class="plan">${a.plan.steps.map((s) => `<li>${h(describeStep(s))}</li>`).join('')}</ul>` +
              (a.plan.closes_gap ? '' : `<span class="note">${h('The caps leave the gap open.')}</span>`),
            html: true,
          },
        ]),
      ),
    );
  }
  parts.push('</section>');

  // ---- partners who change level ----
  const movers = listedMovers(report, options);
  parts.push(`<section id="partners" class="page"><h2>${h(`Partners who change level (${formatCount(movers.total)})`)}</h2>`);
  if (movers.total === 0) parts.push('<p>None: every partner keeps the tier equivalent to its legacy level.</p>');
  else {
    const computed = movers.shown.some((r) => r.legacy_source === 'computed');
    parts.push(
      shownNote(movers.shown.length, movers.total, 'the largest falls first, then the largest rises'),
      tableHtml(
        [txt('Partner'), txt('Name'), txt('Segment'), txt('Region'), txt('Legacy level'), txt('New tier'), txt('Movement'), num('Points'), num('Legacy cost'), num('New cost')],
        movers.shown.map((r) => [
          txt(r.partner),
          txt(r.name),
          txt(r.segment),
          txt(r.region),
          txt(`${r.legacy_level}${computed && r.legacy_source === 'computed' ? ' *' : ''}`),
          txt(tier(r.new_tier)),
          { text: r.movement === 'unmapped' ? 'no equivalent' : r.movement, cls: `move-${r.movement}` },
          num(formatPoints(r.points_in_window)),
          num(formatMoney(r.legacy_cost, currency)),
          num(formatMoney(r.new_cost, currency)),
        ]),
      ),
      // The footnote only explains an asterisk the table shows.
      computed ? `<p class="note">${h('* legacy level computed from revenue and certified people (no level in the partners file).')}</p>` : '',
    );
  }
  parts.push('</section>');

  parts.push('<section id="method"><h2>How to read this report</h2><ul>');
  for (const note of methodNotes(report)) parts.push(`<li class="note">${h(note)}</li>`);
  parts.push('</ul></section>');
  parts.push(pageFooter(report.program.name));

  return htmlPage({ title: `Transition to ${report.program.name}`, body: parts.join('\n') });
}

export const transitionHtmlFormat = wholeText('one self-contained page to hand over (what --pdf prints), naming the first --top partners per list', 'text/html', (report, options) => renderTransitionHtml(report, options));
