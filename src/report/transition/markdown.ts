/**
 * The transition report as GitHub-flavoured Markdown: headings, an executive summary,
 * pipe tables. Every piece of text that comes from a design or a partners file goes
 * through `escapeMarkdownCell`, so a partner name can neither break a table nor inject
 * HTML into the rendered page.
 */
import type { GroupTransition, TransitionReport } from '../../analysis/transition-types.js';
import { groupRows } from './group-rows.js';
import { labelOf } from '../../analysis/transition-labels.js';
import { percentTexts, wholeUnits } from '../../analysis/transition-shares.js';
import { markdownText as md } from '../sanitize/index.js';
import { describeGap, describePlan, methodNotes } from './describe.js';
import { formatChange, formatCount, formatMoney, formatPoints, formatShare } from '../../format/whole-figures.js';
import { listedAtRisk, listedMovers, type RenderOptions } from './selection.js';
import { wholeText } from './chunked.js';

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string[] {
  const align = header.map((_, i) => (numeric[i] === true ? '---:' : '---'));
  return [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** A line saying the list is cut, when it is. */
function shownNote(shown: number, total: number, order: string): string[] {
  return shown < total
    ? [`Showing the first ${formatCount(shown)} of ${formatCount(total)} (${order}); \`--top\` sets how many, and the CSV and JSON formats list every partner.`, '']
    : [];
}

function groupTable(title: string, groups: readonly GroupTransition[], cost: TransitionReport['cost'], currency: string): string[] {
  const { rows: shown, unmapped } = groupRows(groups, cost);
  return table(
    [title, 'Partners', 'Up', 'Same', 'Down', ...(unmapped ? ['No equivalent'] : []), 'At risk', 'Legacy cost', 'New cost'],
    shown.map((g, i) => [
      i === groups.length ? '**Total**' : md(g.key),
      formatCount(g.partners),
      formatCount(g.up),
      formatCount(g.same),
      formatCount(g.down),
      ...(unmapped ? [formatCount(g.unmapped)] : []),
      formatCount(g.at_risk),
      formatMoney(g.legacy_cost, currency),
      formatMoney(g.new_cost, currency),
    ]),
    [false, true, true, true, true, ...(unmapped ? [true] : []), true, true, true],
  );
}

export function renderTransitionMarkdown(report: TransitionReport, options: RenderOptions = {}): string {
  const currency = report.program.currency;
  const tier = (name: string): string => md(labelOf(report.labels.tiers, name));
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
  // Rounded together, so the four shares add up to 100%; at risk is a subset, shown apart.
  const [samePct = '', upPct = '', downPct = '', unmappedPct = ''] = percentTexts([m.same.partners, m.up.partners, m.down.partners, m.unmapped.partners]);
  out.push('## At a glance', '');
  out.push(
    ...table(
      ['', 'Partners', 'Share'],
      [
        ['Keep their level', formatCount(m.same.partners), samePct],
        ['Move up', formatCount(m.up.partners), upPct],
        ['Move down', formatCount(m.down.partners), downPct],
        ...(m.unmapped.partners > 0 ? [['No equivalent tier', formatCount(m.unmapped.partners), unmappedPct]] : []),
        ['**Total**', `**${formatCount(report.partners)}**`, report.partners > 0 ? '**100%**' : '**0%**'],
        ['At risk (of the above)', formatCount(report.at_risk.length), formatShare(report.partners > 0 ? report.at_risk.length / report.partners : 0)],
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
      ['Legacy level', ...matrix.tiers.map(tier), 'Total'],
      matrix.legacy_levels.map((level, r) => {
        const counts = matrix.tiers.map((_, c) => matrix.counts[r]?.[c] ?? 0);
        const percents = percentTexts(counts);
        return [
          md(level),
          ...counts.map((n, c) => `${formatCount(n)} (${percents[c] ?? ''})`),
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
      report.tier_distribution.map((d) => [tier(d.tier), formatCount(d.before), formatCount(d.after), `${d.after - d.before > 0 ? '+' : ''}${formatCount(d.after - d.before)}`]),
      [false, true, true, true],
    ),
    '',
  );

  const cost = report.cost;
  // The lines of the cost table in whole units that add up to its Total row.
  const legacyParts = wholeUnits([cost.legacy.benefits, cost.legacy.discounts], cost.legacy.total);
  const newParts = wholeUnits([cost.new.rewards, cost.new.benefits, cost.new.discounts], cost.new.total);
  out.push(`## Cost: legacy levels against the new program`, '');
  out.push(`From ${cost.from} to ${cost.to} (${cost.periods.map(md).join(', ')}).`, '');
  out.push(
    ...table(
      ['', 'Legacy levels', 'New program'],
      [
        ['Rewards at vendor cost', '–', formatMoney(newParts[0] ?? 0, currency)],
        ['Benefits', formatMoney(legacyParts[0] ?? 0, currency), formatMoney(newParts[1] ?? 0, currency)],
        ['Discounts', formatMoney(legacyParts[1] ?? 0, currency), formatMoney(newParts[2] ?? 0, currency)],
        ['**Total**', `**${formatMoney(cost.legacy.total, currency)}**`, `**${formatMoney(cost.new.total, currency)}**`],
        [
          'Difference (new − legacy)',
          '',
          `${cost.difference > 0 ? '+' : ''}${formatMoney(cost.difference, currency)}${cost.difference_share !== null ? ` (${formatChange(cost.difference_share)})` : ''}`,
        ],
      ],
      [false, true, true],
    ),
    '',
  );

  out.push('## By segment', '', ...groupTable('Segment', report.by_segment, report.cost, currency), '');
  out.push('## By region', '', ...groupTable('Region', report.by_region, report.cost, currency), '');

  out.push('## Movement over time', '');
  out.push('Each evaluation\'s tier against the legacy equivalent.', '');
  const unmappedEver = report.by_period.some((p) => p.unmapped > 0);
  out.push(
    ...table(
      ['Period', 'Up', 'Same', 'Down', ...(unmappedEver ? ['No equivalent'] : [])],
      report.by_period.map((p) => [md(p.period), formatCount(p.up), formatCount(p.same), formatCount(p.down), ...(unmappedEver ? [formatCount(p.unmapped)] : [])]),
      [false, true, true, true, true],
    ),
    '',
  );

  const atRisk = listedAtRisk(report, options);
  out.push(`## Partners at risk (${formatCount(atRisk.total)})`, '');
  if (atRisk.total === 0) out.push('None.', '');
  else {
    out.push(...shownNote(atRisk.shown.length, atRisk.total, 'most points short first'));
    out.push(
      ...table(
        ['Partner', 'Name', 'Segment', 'Region', 'Legacy level', 'Now', 'Points short', 'Unmet requirements', 'What would close the gap'],
        atRisk.shown.map((a) => [
          md(a.partner),
          md(a.name),
          md(a.segment),
          md(a.region),
          a.legacy_level === labelOf(report.labels.tiers, a.target_tier) ? md(a.legacy_level) : `${md(a.legacy_level)} (needs ${tier(a.target_tier)})`,
          a.in_grace ? `${tier(a.new_tier)} (grace)` : a.grandfathered ? `${tier(a.new_tier)} (grandfathered)` : tier(a.new_tier),
          formatPoints(a.points_short),
          md(a.gaps.map((g) => describeGap(g, report.labels)).join('; ')),
          md(describePlan(a)),
        ]),
        [false, false, false, false, false, false, true, false, false],
      ),
      '',
    );
  }

  const movers = listedMovers(report, options);
  out.push(`## Partners who change level (${formatCount(movers.total)})`, '');
  if (movers.total === 0) out.push('None: every partner keeps the tier equivalent to its legacy level.', '');
  else {
    out.push(...shownNote(movers.shown.length, movers.total, 'the largest falls first, then the largest rises'));
    out.push(
      ...table(
        ['Partner', 'Name', 'Segment', 'Region', 'Legacy level', 'Source', 'New tier', 'Movement', 'Points in window', 'Legacy cost', 'New cost'],
        movers.shown.map((r) => [
          md(r.partner),
          md(r.name),
          md(r.segment),
          md(r.region),
          md(r.legacy_level),
          r.legacy_source === 'partners_file' ? 'file' : 'computed',
          tier(r.new_tier),
          r.movement === 'unmapped' ? 'no equivalent' : r.movement,
          formatPoints(r.points_in_window),
          formatMoney(r.legacy_cost, currency),
          formatMoney(r.new_cost, currency),
        ]),
        [false, false, false, false, false, false, false, false, true, true, true],
      ),
      '',
    );
  }

  out.push('## How to read this report', '');
  for (const note of methodNotes(report)) out.push(`- ${md(note)}`);
  out.push('');
  return out.join('\n');
}

export const transitionMarkdownFormat = wholeText('the report for a wiki or a pull request, naming the first --top partners per list', 'text/markdown', (report, options) => renderTransitionMarkdown(report, options));
