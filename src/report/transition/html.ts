/**
 * The transition report as ONE self-contained HTML page for a consultant to hand over:
 * inline CSS (with an A4 print stylesheet), inline SVG charts (the migration matrix as a
 * heat map, tier distribution before and after, cost before and after), tables for every
 * number, no script and no external resource. Every text from the design or the
 * partners file is escaped.
 */
import type { GroupTransition, TransitionReport } from '../../analysis/transition-types.js';
import { VERSION } from '../../version.js';
import { barChartSvg } from '../html/bar-chart.js';
import { escapeHtml as h } from '../html/escape.js';
import { heatMapSvg } from '../html/heat-map.js';
import { htmlPage } from '../html/page.js';
import { describeGap, describeStep, methodNotes } from './describe.js';
import { formatChange, formatCompact, formatCount, formatMoney, formatPoints, formatShare } from './format.js';

const BEFORE = '#9aa7b8';
const AFTER = '#0b3d7a';

type Cell = { text: string; num?: boolean; html?: boolean; cls?: string };

function tableHtml(header: readonly Cell[], rows: readonly (readonly Cell[])[], options: { cls?: string; total?: boolean } = {}): string {
  const cell = (tag: 'th' | 'td', c: Cell): string => {
    const classes = [c.num === true ? 'num' : '', c.cls ?? ''].filter((x) => x !== '').join(' ');
    return `<${tag}${classes ? ` class="${classes}"` : ''}>${c.html === true ? c.text : h(c.text)}</${tag}>`;
  };
  const body = rows.map((r, i) => {
    const total = options.total === true && i === rows.length - 1;
    return `<tr${total ? ' class="total"' : ''}>${r.map((c) => cell('td', c)).join('')}</tr>`;
  });
  return `<table${options.cls ? ` class="${options.cls}"` : ''}><thead><tr>${header.map((c) => cell('th', c)).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

const num = (text: string): Cell => ({ text, num: true });
const txt = (text: string): Cell => ({ text });

function groupTable(title: string, groups: readonly GroupTransition[], currency: string): string {
  return tableHtml(
    [txt(title), num('Partners'), num('Up'), num('Same'), num('Down'), num('No equivalent'), num('At risk'), num('Legacy cost'), num('New cost')],
    groups.map((g) => [
      txt(g.key),
      num(formatCount(g.partners)),
      num(formatCount(g.up)),
      num(formatCount(g.same)),
      num(formatCount(g.down)),
      num(formatCount(g.unmapped)),
      num(formatCount(g.at_risk)),
      num(formatMoney(g.legacy_cost, currency)),
      num(formatMoney(g.new_cost, currency)),
    ]),
  );
}

function figure(label: string, value: string, cls = ''): string {
  return `<div class="figure${cls ? ` ${cls}` : ''}"><span class="value">${h(value)}</span><span class="label">${h(label)}</span></div>`;
}

export function renderTransitionHtml(report: TransitionReport): string {
  const currency = report.program.currency;
  const m = report.movement;
  const cost = report.cost;
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
  parts.push(
    '<div class="figures">',
    figure(`keep their level (${formatCount(m.same.partners)})`, formatShare(m.same.share), 'same'),
    figure(`move up (${formatCount(m.up.partners)})`, formatShare(m.up.share), 'up'),
    figure(`move down (${formatCount(m.down.partners)})`, formatShare(m.down.share), 'down'),
    figure('partners at risk', formatCount(report.at_risk.length), 'down'),
    figure(
      `cost change against the legacy levels`,
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
      columns: matrix.tiers,
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
      [txt('Legacy level'), ...matrix.tiers.map(num), num('Total')],
      matrix.legacy_levels.map((level, r) => {
        const counts = matrix.counts[r] ?? [];
        return [
          txt(level),
          ...matrix.tiers.map((_, c) => num(`${formatCount(counts[c] ?? 0)} (${formatShare(matrix.row_shares[r]?.[c] ?? 0)})`)),
          num(formatCount(counts.reduce((a, b) => a + b, 0))),
        ];
      }),
      { cls: 'matrix' },
    ),
    '</section>',
  );

  // ---- before / after charts ----
  const dist = report.tier_distribution;
  parts.push('<section id="before-after"><h2>Before and after</h2><div class="charts">');
  parts.push(
    '<figure>',
    barChartSvg({
      title: 'Partners per tier: legacy equivalent before, new tier after',
      categories: dist.map((d) => d.tier),
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
      categories: ['Benefits', 'Discounts', 'Rewards', 'Total'],
      series: [
        { name: 'Legacy levels', color: BEFORE, values: [cost.legacy.benefits, cost.legacy.discounts, 0, cost.legacy.total] },
        { name: 'New program', color: AFTER, values: [cost.new.benefits, cost.new.discounts, cost.new.rewards, cost.new.total] },
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
      dist.map((d) => [txt(d.tier), num(formatCount(d.before)), num(formatCount(d.after)), num(`${d.after - d.before > 0 ? '+' : ''}${formatCount(d.after - d.before)}`)]),
    ),
    `<h3>${h(`Cost from ${cost.from} to ${cost.to}`)}</h3>`,
    tableHtml(
      [txt(''), num('Legacy levels'), num('New program')],
      [
        [txt('Rewards at vendor cost'), num('–'), num(formatMoney(cost.new.rewards, currency))],
        [txt('Benefits'), num(formatMoney(cost.legacy.benefits, currency)), num(formatMoney(cost.new.benefits, currency))],
        [txt('Discounts'), num(formatMoney(cost.legacy.discounts, currency)), num(formatMoney(cost.new.discounts, currency))],
        [
          txt('Difference'),
          num(''),
          num(`${cost.difference > 0 ? '+' : ''}${formatMoney(cost.difference, currency)}${cost.difference_share !== null ? ` (${formatChange(cost.difference_share)})` : ''}`),
        ],
        [txt('Total'), num(formatMoney(cost.legacy.total, currency)), num(formatMoney(cost.new.total, currency))],
      ],
      { total: true },
    ),
    '</section>',
  );

  parts.push('<section id="groups"><h2>By segment</h2>', groupTable('Segment', report.by_segment, currency));
  parts.push('<h2>By region</h2>', groupTable('Region', report.by_region, currency));
  parts.push(
    '<h2>Movement over time</h2>',
    tableHtml(
      [txt('Period'), num('Up'), num('Same'), num('Down'), num('No equivalent')],
      report.by_period.map((p) => [txt(p.period), num(formatCount(p.up)), num(formatCount(p.same)), num(formatCount(p.down)), num(formatCount(p.unmapped))]),
    ),
    '</section>',
  );

  // ---- at risk ----
  parts.push(`<section id="at-risk" class="page"><h2>${h(`Partners at risk (${formatCount(report.at_risk.length)})`)}</h2>`);
  if (report.at_risk.length === 0) parts.push('<p>None.</p>');
  else {
    parts.push(
      tableHtml(
        [txt('Partner'), txt('Segment · region'), txt('Legacy → needs'), txt('Now'), num('Points short'), txt('Unmet requirements'), txt('What would close the gap')],
        report.at_risk.map((a) => [
          { text: `<strong>${h(a.name || a.partner)}</strong><br><span class="note">${h(a.partner)}</span>`, html: true },
          txt(`${a.segment} · ${a.region}`),
          txt(`${a.legacy_level} → ${a.target_tier}`),
          txt(a.in_grace ? `${a.new_tier} (grace)` : a.new_tier),
          num(formatPoints(a.points_short)),
          { text: `<ul class="plan">${a.gaps.map((g) => `<li>${h(describeGap(g))}</li>`).join('')}</ul>`, html: true },
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

  // ---- all partners ----
  parts.push(`<section id="partners" class="page"><h2>${h(`All partners (${formatCount(report.partners)})`)}</h2>`);
  parts.push(
    tableHtml(
      [txt('Partner'), txt('Name'), txt('Segment'), txt('Region'), txt('Legacy level'), txt('New tier'), txt('Movement'), num('Points'), num('Legacy cost'), num('New cost')],
      report.partner_rows.map((r) => [
        txt(r.partner),
        txt(r.name),
        txt(r.segment),
        txt(r.region),
        txt(`${r.legacy_level}${r.legacy_source === 'computed' ? ' *' : ''}`),
        txt(r.new_tier),
        { text: r.movement === 'unmapped' ? 'no equivalent' : r.movement, cls: `move-${r.movement}` },
        num(formatPoints(r.points_in_window)),
        num(formatMoney(r.legacy_cost, currency)),
        num(formatMoney(r.new_cost, currency)),
      ]),
    ),
    `<p class="note">${h('* legacy level computed from revenue and certified people (no level in the partners file).')}</p>`,
    '</section>',
  );

  parts.push('<section id="method"><h2>How to read this report</h2><ul>');
  for (const note of methodNotes(report)) parts.push(`<li class="note">${h(note)}</li>`);
  parts.push('</ul></section>');
  parts.push(`<footer>${h(`Written by pointsmith ${VERSION} from ${report.program.name}.`)}</footer>`);

  return htmlPage({ title: `Transition to ${report.program.name}`, body: parts.join('\n') });
}
