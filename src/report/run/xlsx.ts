/**
 * `run --format xlsx`: the run summary (the JSON's keys) as a workbook, one sheet per table:
 *
 *   Summary          section, metric, value: program, partners, events, points.*, cost.*,
 *                    budget's figures
 *   Periods          label, start, end
 *   Budget by year   budget.by_year[]
 *   Tiers            tiers[] (at the last evaluation)
 *   Tier history     one row per period and tier
 *   Rewards          rewards[] totals
 *   Rewards by period, Capacity   each reward's by_period[] and by_window[]
 *   Warm-up          warm_up.periods[] and its reason (only when there are some)
 *   By <dimension>   with --by: each group, then each tier's partners and share
 */
import type { MetricKind } from '../../analysis/metrics.js';
import type { RunSummary } from '../../analysis/summary-types.js';
import { warmUpSheets, xlsxFormat, type Cell, type CellValue, type Sheet, type WorkbookModel } from '../xlsx-workbook.js';

const POINTS_KIND: Readonly<Record<string, MetricKind>> = { breakage: 'share' };

function summarySheet(s: RunSummary): Sheet {
  const rows: [string, string, Cell][] = [
    ['program', 'name', { value: s.program.name, kind: 'text' }],
    ['program', 'currency', { value: s.program.currency, kind: 'text' }],
    ['summary', 'partners', { value: s.partners, kind: 'count' }],
    ['summary', 'events', { value: s.events, kind: 'count' }],
  ];
  for (const [metric, value] of Object.entries(s.points)) rows.push(['points', metric, { value, kind: POINTS_KIND[metric] ?? 'points' }]);
  for (const [metric, value] of Object.entries(s.cost)) rows.push(['cost', metric, { value, kind: 'money' }]);
  const b = s.budget;
  rows.push(
    ['budget', 'amount', { value: b.amount, kind: 'money' }],
    ['budget', 'per', { value: b.per, kind: 'text' }],
    ['budget', 'used_share', { value: b.used_share, kind: 'share' }],
    ['budget', 'worst_year', { value: b.worst_year, kind: 'text' }],
    ['budget', 'worst_year_share', { value: b.worst_year_share, kind: 'share' }],
  );
  return {
    name: 'Summary',
    columns: [
      { header: 'section', kind: 'text' },
      { header: 'metric', kind: 'text' },
      { header: 'value', kind: 'number' },
    ],
    rows,
  };
}

function breakdownSheet(s: RunSummary): Sheet[] {
  if (s.by === undefined) return [];
  const tiers = s.tiers.map((t) => t.tier);
  return [
    {
      name: `By ${s.by.dimension}`,
      columns: [
        { header: s.by.dimension, kind: 'text' },
        { header: 'partners', kind: 'count' },
        { header: 'points_earned', kind: 'points' },
        { header: 'cost_total', kind: 'money' },
        ...tiers.flatMap((t) => [
          { header: `${t} partners`, kind: 'count' as const },
          { header: `${t} share`, kind: 'share' as const },
        ]),
      ],
      rows: s.by.groups.map((g) => [
        g.key,
        g.partners,
        g.points_earned,
        g.cost_total,
        ...tiers.flatMap((t): CellValue[] => {
          const found = g.tiers.find((x) => x.tier === t);
          return [found?.partners ?? null, found?.share ?? null];
        }),
      ]),
    },
  ];
}

export function runWorkbook(s: RunSummary): WorkbookModel {
  const sheets: Sheet[] = [
    summarySheet(s),
    {
      name: 'Periods',
      columns: [
        { header: 'period', kind: 'text' },
        { header: 'start', kind: 'date' },
        { header: 'end', kind: 'date' },
      ],
      rows: s.periods.map((p) => [p.label, p.start, p.end]),
    },
    {
      name: 'Budget by year',
      columns: [
        { header: 'year', kind: 'text' },
        { header: 'start', kind: 'date' },
        { header: 'end', kind: 'date' },
        { header: 'covered', kind: 'share' },
        { header: 'cost', kind: 'money' },
        { header: 'amount', kind: 'money' },
        { header: 'used_share', kind: 'share' },
      ],
      rows: s.budget.by_year.map((y) => [y.year, y.start, y.end, y.covered, y.cost, y.amount, y.used_share]),
    },
    {
      name: 'Tiers',
      columns: [
        { header: 'tier', kind: 'text' },
        { header: 'partners', kind: 'count' },
        { header: 'share', kind: 'share' },
      ],
      rows: s.tiers.map((t) => [t.tier, t.partners, t.share]),
    },
    {
      name: 'Tier history',
      columns: [
        { header: 'period', kind: 'text' },
        { header: 'tier', kind: 'text' },
        { header: 'partners', kind: 'count' },
        { header: 'share', kind: 'share' },
      ],
      rows: s.tier_history.flatMap((h) => h.tiers.map((t) => [h.period, t.tier, t.partners, t.share])),
    },
    {
      name: 'Rewards',
      columns: [
        { header: 'reward', kind: 'text' },
        { header: 'units', kind: 'count' },
        { header: 'expected_units', kind: 'units' },
        { header: 'points', kind: 'points' },
        { header: 'vendor_cost', kind: 'money' },
        { header: 'capacity_per', kind: 'text' },
        { header: 'capacity', kind: 'count' },
        { header: 'shortfall', kind: 'count' },
        { header: 'expected_shortfall', kind: 'units' },
      ],
      rows: s.rewards.map((r) => [r.reward, r.units, r.expected_units, r.points, r.vendor_cost, r.capacity_per, r.capacity, r.shortfall, r.expected_shortfall]),
    },
    {
      name: 'Rewards by period',
      columns: [
        { header: 'reward', kind: 'text' },
        { header: 'period', kind: 'text' },
        { header: 'units', kind: 'count' },
        { header: 'expected_units', kind: 'units' },
      ],
      rows: s.rewards.flatMap((r) => r.by_period.map((p) => [r.reward, p.period, p.units, p.expected_units])),
    },
    {
      name: 'Capacity',
      columns: [
        { header: 'reward', kind: 'text' },
        { header: 'window', kind: 'text' },
        { header: 'start', kind: 'date' },
        { header: 'end', kind: 'date' },
        { header: 'capacity', kind: 'count' },
        { header: 'units', kind: 'count' },
        { header: 'expected_units', kind: 'units' },
        { header: 'shortfall', kind: 'count' },
        { header: 'expected_shortfall', kind: 'units' },
        { header: 'exceeded_share', kind: 'share' },
      ],
      rows: s.rewards.flatMap((r) =>
        r.by_window.map((w) => [r.reward, w.window, w.start, w.end, w.capacity, w.units, w.expected_units, w.shortfall, w.expected_shortfall, w.exceeded_share]),
      ),
    },
  ];
  sheets.push(...warmUpSheets(s.warm_up), ...breakdownSheet(s));
  return { currency: s.program.currency, sheets };
}

export const runXlsxFormat = xlsxFormat<RunSummary>('for Excel: one sheet per table, typed numbers and formats (needs --out or a redirect)', runWorkbook);
