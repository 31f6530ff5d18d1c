/**
 * The transition report as GitHub-flavoured Markdown: headings, an executive summary,
 * pipe tables. Every piece of text that comes from a design or a partners file goes
 * through `escapeMarkdownCell`, so a partner name can neither break a table nor inject
 * HTML into the rendered page.
 */
import type { GroupTransition, TransitionReport } from '../../analysis/transition-types.js';
import { escapeMarkdownCell as md } from '../markdown-escape.js';
import { describeGap, describePlan, methodNotes } from './describe.js';
import { formatChange, formatCount, formatMoney, formatPoints, formatShare } from './format.js';

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string[] {
  const align = header.map((_, i) => (numeric[i] === true ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function groupTable(title: string, groups: readonly GroupTransition[], currency: string): string[] {
  return table(
    [title, 'Partners', 'Up', 'Same', 'Down', 'No equivalent', 'At risk', 'Legacy cost', 'New cost'],
    groups.map((g) => [
      md(g.key),
      formatCount(g.partners),
      formatCount(g.up),
      formatCount(g.same),
      formatCount(g.down),
      formatCount(g.unmapped),
      formatCount(g.at_risk),
      formatMoney(g.legacy_cost, currency),
      formatMoney(g.new_cost, currency),
    ]),
    [false, true, true, true, true, true, true, true, true],
  );
}

export function renderTransitionMarkdown(report: TransitionReport): string {
  const currency = report.program.currency;
  const out: string[] = [];
  out.push(`# Transition to ${md(report.program.name)}`, '');
  out.push(
    `${formatCount(report.partners)} partners · new tiers at the evaluation of ${md(report.evaluated_at)} · legacy levels: ${report.legacy.source === 'partners_file' ? 'partners file' : report.legacy.source === 'computed' ? 'computed from revenue and certified people' : 'partners file, else computed'}`,
    '',
  );

  out.push('## Executive summary', '');
  for (const s of report.executive_summary) out.push(`- ${md(s)}`);
  out.push('');

  if (report.warnings.length > 0) {
    out.push('> **Warnings**', '>');
    for (const w of report.warnings) out.push(`> - ${md(w)}`);
    out.push('');
  }

  const m = report.movement;
  out.push('## At a glance', '');
  out.push(
    ...table(
      ['', 'Partners', 'Share'],
      [
        ['Keep their level', formatCount(m.same.partners), formatShare(m.same.share)],
        ['Move up', formatCount(m.up.partners), formatShare(m.up.share)],
        ['Move down', formatCount(m.down.partners), formatShare(m.down.share)],
        ['No equivalent tier', formatCount(m.unmapped.partners), formatShare(m.unmapped.share)],
        ['At risk', formatCount(report.at_risk.length), formatShare(report.partners > 0 ? report.at_risk.length / report.partners : 0)],
      ],
      [false, true, true],
    ),
    '',
  );

  out.push('## Migration matrix', '');
  out.push(`Rows: legacy level. Columns: new tier at ${md(report.evaluated_at)}. Each cell: partners (share of the legacy level's partners).`, '');
  const matrix = report.matrix;
  out.push(
    ...table(
      ['Legacy level', ...matrix.tiers.map(md), 'Total'],
      matrix.legacy_levels.map((level, r) => {
        const counts = matrix.counts[r] ?? [];
        return [
          md(level),
          ...matrix.tiers.map((_, c) => `${formatCount(counts[c] ?? 0)} (${formatShare(matrix.row_shares[r]?.[c] ?? 0)})`),
          formatCount(counts.reduce((a, b) => a + b, 0)),
        ];
      }),
      [false, ...matrix.tiers.map(() => true), true],
    ),
    '',
  );

  out.push('## Tier distribution before and after', '');
  out.push('Before: partners whose legacy level is equivalent to the tier. After: partners holding the tier.', '');
  out.push(
    ...table(
      ['Tier', 'Before', 'After', 'Change'],
      report.tier_distribution.map((d) => [md(d.tier), formatCount(d.before), formatCount(d.after), `${d.after - d.before > 0 ? '+' : ''}${formatCount(d.after - d.before)}`]),
      [false, true, true, true],
    ),
    '',
  );

  const cost = report.cost;
  out.push(`## Cost: legacy levels against the new program`, '');
  out.push(`From ${cost.from} to ${cost.to} (${cost.periods.map(md).join(', ')}).`, '');
  out.push(
    ...table(
      ['', 'Legacy levels', 'New program'],
      [
        ['Rewards at vendor cost', '–', formatMoney(cost.new.rewards, currency)],
        ['Benefits', formatMoney(cost.legacy.benefits, currency), formatMoney(cost.new.benefits, currency)],
        ['Discounts', formatMoney(cost.legacy.discounts, currency), formatMoney(cost.new.discounts, currency)],
        ['**Total**', `**${formatMoney(cost.legacy.total, currency)}**`, `**${formatMoney(cost.new.total, currency)}**`],
        [
          'Difference',
          '',
          `${cost.difference > 0 ? '+' : ''}${formatMoney(cost.difference, currency)}${cost.difference_share !== null ? ` (${formatChange(cost.difference_share)})` : ''}`,
        ],
      ],
      [false, true, true],
    ),
    '',
  );

  out.push('## By segment', '', ...groupTable('Segment', report.by_segment, currency), '');
  out.push('## By region', '', ...groupTable('Region', report.by_region, currency), '');

  out.push('## Movement over time', '');
  out.push('Each evaluation\'s tier against the legacy equivalent.', '');
  out.push(
    ...table(
      ['Period', 'Up', 'Same', 'Down', 'No equivalent'],
      report.by_period.map((p) => [md(p.period), formatCount(p.up), formatCount(p.same), formatCount(p.down), formatCount(p.unmapped)]),
      [false, true, true, true, true],
    ),
    '',
  );

  out.push(`## Partners at risk (${formatCount(report.at_risk.length)})`, '');
  if (report.at_risk.length === 0) out.push('None.', '');
  else {
    out.push(
      ...table(
        ['Partner', 'Name', 'Segment', 'Region', 'Legacy', 'Now', 'Points short', 'Unmet requirements', 'What would close the gap'],
        report.at_risk.map((a) => [
          md(a.partner),
          md(a.name),
          md(a.segment),
          md(a.region),
          `${md(a.legacy_level)} → ${md(a.target_tier)}`,
          md(a.in_grace ? `${a.new_tier} (grace)` : a.new_tier),
          formatPoints(a.points_short),
          md(a.gaps.map(describeGap).join('; ')),
          md(describePlan(a)),
        ]),
        [false, false, false, false, false, false, true, false, false],
      ),
      '',
    );
  }

  out.push('## All partners', '');
  out.push(
    ...table(
      ['Partner', 'Name', 'Segment', 'Region', 'Legacy level', 'Source', 'New tier', 'Movement', 'Points in window', 'Legacy cost', 'New cost'],
      report.partner_rows.map((r) => [
        md(r.partner),
        md(r.name),
        md(r.segment),
        md(r.region),
        md(r.legacy_level),
        r.legacy_source === 'partners_file' ? 'file' : 'computed',
        md(r.new_tier),
        r.movement === 'unmapped' ? 'no equivalent' : r.movement,
        formatPoints(r.points_in_window),
        formatMoney(r.legacy_cost, currency),
        formatMoney(r.new_cost, currency),
      ]),
      [false, false, false, false, false, false, false, false, true, true, true],
    ),
    '',
  );

  out.push('## How to read this report', '');
  for (const note of methodNotes(report)) out.push(`- ${md(note)}`);
  out.push('');
  return out.join('\n');
}
