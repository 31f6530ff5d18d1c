/**
 * `transition --format xlsx`: the transition report (the JSON's keys) as a workbook:
 *
 *   Summary            program, partners, evaluated_at, legacy's source and revenue
 *                      span, movement (partners and share each way), cost before/after
 *   Executive summary  executive_summary[], one line a row
 *   Legacy levels      legacy.levels[]
 *   Matrix             legacy level × new tier counts; Matrix shares the row shares
 *   Tier distribution, By period, By segment, By region
 *   At risk            at_risk[] (one row a partner); At-risk gaps their gaps[];
 *                      At-risk plan their plan's steps
 *   Partners           partner_rows[], every partner, the tier after each evaluation in
 *                      one column per period (as the CSV)
 *   Warm-up            warm_up (only when there are warm-up periods)
 *
 * Like the CSV and JSON it lists every partner (`--top` is for the HTML and Markdown).
 */
import { MOVEMENTS, type GroupTransition, type TransitionReport } from '../../analysis/transition-types.js';
import { warmUpSheets, xlsxFormat, type Cell, type Sheet, type WorkbookModel } from '../xlsx-workbook.js';
import type { TransitionFormatOptions } from './selection.js';

function summarySheet(r: TransitionReport): Sheet {
  const text = (value: string | null): Cell => ({ value, kind: 'text' });
  const money = (value: number): Cell => ({ value, kind: 'money' });
  return {
    name: 'Summary',
    columns: [
      { header: 'section', kind: 'text' },
      { header: 'metric', kind: 'text' },
      { header: 'value', kind: 'number' },
    ],
    rows: [
      ['program', 'name', text(r.program.name)],
      ['program', 'currency', text(r.program.currency)],
      ['summary', 'partners', { value: r.partners, kind: 'count' }],
      ['summary', 'evaluated_at', text(r.evaluated_at)],
      ['legacy', 'source', text(r.legacy.source)],
      ['legacy', 'revenue_from', { value: r.legacy.revenue_from, kind: 'date' }],
      ['legacy', 'revenue_to', { value: r.legacy.revenue_to, kind: 'date' }],
      ['legacy', 'certified_activity', text(r.legacy.certified_activity)],
      ...MOVEMENTS.flatMap((m): [string, string, Cell][] => [
        ['movement', `${m}.partners`, { value: r.movement[m].partners, kind: 'count' }],
        ['movement', `${m}.share`, { value: r.movement[m].share, kind: 'share' }],
      ]),
      ['cost', 'from', text(r.cost.from)],
      ['cost', 'to', text(r.cost.to)],
      ['cost', 'legacy.benefits', money(r.cost.legacy.benefits)],
      ['cost', 'legacy.discounts', money(r.cost.legacy.discounts)],
      ['cost', 'legacy.total', money(r.cost.legacy.total)],
      ['cost', 'new.rewards', money(r.cost.new.rewards)],
      ['cost', 'new.benefits', money(r.cost.new.benefits)],
      ['cost', 'new.discounts', money(r.cost.new.discounts)],
      ['cost', 'new.total', money(r.cost.new.total)],
      ['cost', 'difference', money(r.cost.difference)],
      ['cost', 'difference_share', { value: r.cost.difference_share, kind: 'share' }],
    ],
  };
}

function groupSheet(name: string, header: string, groups: readonly GroupTransition[]): Sheet {
  return {
    name,
    columns: [
      { header, kind: 'text' },
      ...['partners', 'up', 'same', 'down', 'unmapped', 'at_risk'].map((h) => ({ header: h, kind: 'count' as const })),
      { header: 'legacy_cost', kind: 'money' },
      { header: 'new_cost', kind: 'money' },
    ],
    rows: groups.map((g) => [g.key, g.partners, g.up, g.same, g.down, g.unmapped, g.at_risk, g.legacy_cost, g.new_cost]),
  };
}

function matrixSheet(name: string, r: TransitionReport, cells: readonly (readonly number[])[], kind: 'count' | 'share'): Sheet {
  return {
    name,
    columns: [{ header: 'legacy_level', kind: 'text' }, ...r.matrix.tiers.map((header) => ({ header, kind }))],
    rows: r.matrix.legacy_levels.map((level, i) => [level, ...r.matrix.tiers.map((_, j) => cells[i]?.[j] ?? null)]),
  };
}

export function transitionWorkbook(r: TransitionReport): WorkbookModel {
  const periods = r.by_period.map((p) => p.period);
  const sheets: Sheet[] = [
    summarySheet(r),
    { name: 'Executive summary', columns: [{ header: 'line', kind: 'text' }], rows: r.executive_summary.map((line) => [line]) },
    {
      name: 'Legacy levels',
      columns: [
        { header: 'name', kind: 'text' },
        { header: 'revenue', kind: 'money' },
        { header: 'certified', kind: 'count' },
        { header: 'annual_cost', kind: 'money' },
        { header: 'discount_pct', kind: 'number' },
        { header: 'equivalent', kind: 'text' },
      ],
      rows: r.legacy.levels.map((l) => [l.name, l.revenue, l.certified, l.annual_cost, l.discount_pct, l.equivalent]),
    },
    matrixSheet('Matrix', r, r.matrix.counts, 'count'),
    matrixSheet('Matrix shares', r, r.matrix.row_shares, 'share'),
    {
      name: 'Tier distribution',
      columns: [
        { header: 'tier', kind: 'text' },
        { header: 'before', kind: 'count' },
        { header: 'after', kind: 'count' },
      ],
      rows: r.tier_distribution.map((t) => [t.tier, t.before, t.after]),
    },
    {
      name: 'By period',
      columns: [{ header: 'period', kind: 'text' }, ...MOVEMENTS.map((header) => ({ header, kind: 'count' as const }))],
      rows: r.by_period.map((p) => [p.period, p.up, p.same, p.down, p.unmapped]),
    },
    groupSheet('By segment', 'segment', r.by_segment),
    groupSheet('By region', 'region', r.by_region),
    {
      name: 'At risk',
      columns: [
        ...['partner', 'name', 'segment', 'region', 'legacy_level', 'target_tier', 'new_tier'].map((header) => ({ header, kind: 'text' as const })),
        { header: 'in_grace', kind: 'boolean' },
        { header: 'grandfathered', kind: 'boolean' },
        { header: 'points_in_window', kind: 'points' },
        { header: 'threshold', kind: 'points' },
        { header: 'points_short', kind: 'points' },
        { header: 'plan_closes_gap', kind: 'boolean' },
      ],
      rows: r.at_risk.map((a) => [a.partner, a.name, a.segment, a.region, a.legacy_level, a.target_tier, a.new_tier, a.in_grace, a.grandfathered, a.points_in_window, a.threshold, a.points_short, a.plan.closes_gap]),
    },
    {
      name: 'At-risk gaps',
      columns: [
        { header: 'partner', kind: 'text' },
        { header: 'kind', kind: 'text' },
        { header: 'id', kind: 'text' },
        { header: 'required', kind: 'points' },
        { header: 'actual', kind: 'points' },
        { header: 'short', kind: 'points' },
      ],
      rows: r.at_risk.flatMap((a) => a.gaps.map((g) => [a.partner, g.kind, g.id, g.required, g.actual, g.short])),
    },
    {
      name: 'At-risk plan',
      columns: [
        ...['partner', 'activity', 'label', 'category'].map((header) => ({ header, kind: 'text' as const })),
        { header: 'occurrences', kind: 'count' },
        { header: 'points_per_occurrence', kind: 'points' },
        { header: 'points', kind: 'points' },
        { header: 'basis', kind: 'text' },
      ],
      rows: r.at_risk.flatMap((a) => a.plan.steps.map((s) => [a.partner, s.activity, s.label, s.category, s.occurrences, s.points_per_occurrence, s.points, s.basis])),
    },
    {
      name: 'Partners',
      columns: [
        ...['partner', 'name', 'segment', 'region', 'legacy_level', 'legacy_source'].map((header) => ({ header, kind: 'text' as const })),
        { header: 'legacy_revenue', kind: 'money' },
        { header: 'legacy_certified', kind: 'count' },
        ...['equivalent_tier', 'new_tier', 'movement'].map((header) => ({ header, kind: 'text' as const })),
        { header: 'points_in_window', kind: 'points' },
        ...periods.map((p) => ({ header: `tier_${p}`, kind: 'text' as const })),
        { header: 'legacy_cost', kind: 'money' },
        { header: 'new_cost', kind: 'money' },
        { header: 'at_risk', kind: 'boolean' },
      ],
      rows: r.partner_rows.map((p) => [
        p.partner,
        p.name,
        p.segment,
        p.region,
        p.legacy_level,
        p.legacy_source,
        p.legacy_revenue,
        p.legacy_certified,
        p.equivalent_tier,
        p.new_tier,
        p.movement,
        p.points_in_window,
        ...periods.map((_, i) => p.tiers_by_period[i] ?? null),
        p.legacy_cost,
        p.new_cost,
        p.at_risk,
      ]),
    },
    ...warmUpSheets(r.warm_up),
  ];
  return { currency: r.program.currency, sheets };
}

export const transitionXlsxFormat = xlsxFormat<TransitionReport, TransitionFormatOptions>(
  'for Excel: one sheet per table, every partner, typed numbers and formats (needs --out or a redirect)',
  transitionWorkbook,
);
