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
 *   Dated changes    changes[] (only with `changes:`): one row per path a change sets, with
 *                    its version, effective, announced, notice_days, short_notice,
 *                    description and periods (joined by `, `)
 *   Sellers          with `individuals:`: section, metric, value: sellers.* counts, points.*,
 *                    cost.* of the seller programme (cost.sellers is in Summary's cost)
 *   Seller levels, Top sellers (rank, then top[]'s keys), Seller rewards, Seller rewards
 *                    by period, Seller capacity   sellers.levels, .top and .rewards as above
 *   By <dimension>   with --by: each group, then each tier's partners and share
 */
import type { MetricKind } from '../../analysis/metrics.js';
import type { DesignChange } from '../../analysis/design-versions.js';
import type { RunSummary, SellerSummary } from '../../analysis/summary-types.js';
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

/** A rewards list (the firm's or the sellers'): its totals, each reward's units per period and its capacity windows. */
function rewardSheets(rewards: RunSummary['rewards'], totals: string, byPeriod: string, capacity: string): Sheet[] {
  return [
    {
      name: totals,
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
      rows: rewards.map((r) => [r.reward, r.units, r.expected_units, r.points, r.vendor_cost, r.capacity_per, r.capacity, r.shortfall, r.expected_shortfall]),
    },
    {
      name: byPeriod,
      columns: [
        { header: 'reward', kind: 'text' },
        { header: 'period', kind: 'text' },
        { header: 'units', kind: 'count' },
        { header: 'expected_units', kind: 'units' },
      ],
      rows: rewards.flatMap((r) => r.by_period.map((p) => [r.reward, p.period, p.units, p.expected_units])),
    },
    {
      name: capacity,
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
      rows: rewards.flatMap((r) =>
        r.by_window.map((w) => [r.reward, w.window, w.start, w.end, w.capacity, w.units, w.expected_units, w.shortfall, w.expected_shortfall, w.exceeded_share]),
      ),
    },
  ];
}

/** A value a dated change sets, typed as it is in the JSON. */
function setCell(value: DesignChange['set'][string]): Cell {
  if (typeof value === 'number') return { value, kind: 'number' };
  if (typeof value === 'boolean') return { value, kind: 'boolean' };
  return { value, kind: 'text' };
}

/** The design's dated changes: one row per path a change sets, the change's own columns repeated. */
function changesSheet(changes: RunSummary['changes']): Sheet[] {
  if (changes === undefined || changes.length === 0) return [];
  return [
    {
      name: 'Dated changes',
      columns: [
        { header: 'version', kind: 'count' },
        { header: 'effective', kind: 'date' },
        { header: 'announced', kind: 'date' },
        { header: 'notice_days', kind: 'count' },
        { header: 'short_notice', kind: 'boolean' },
        { header: 'description', kind: 'text' },
        { header: 'path', kind: 'text' },
        { header: 'value', kind: 'text' },
        { header: 'periods', kind: 'text' },
      ],
      rows: changes.flatMap((c) =>
        Object.entries(c.set).map(([path, value]) => [c.version, c.effective, c.announced, c.notice_days, c.short_notice, c.description, path, setCell(value), c.periods.join(', ')]),
      ),
    },
  ];
}

/** The seller programme (`individuals:`): its figures, levels, top sellers and rewards; nothing without one. */
function sellerSheets(sellers: SellerSummary | undefined): Sheet[] {
  if (sellers === undefined) return [];
  const rows: [string, string, Cell][] = [
    ['sellers', 'person_column', { value: sellers.person_column, kind: 'text' }],
    ['sellers', 'sellers', { value: sellers.sellers, kind: 'count' }],
    ['sellers', 'partners', { value: sellers.partners, kind: 'count' }],
    ['sellers', 'events', { value: sellers.events, kind: 'count' }],
    ['sellers', 'unattributed_events', { value: sellers.unattributed_events, kind: 'count' }],
  ];
  for (const [metric, value] of Object.entries(sellers.points)) rows.push(['points', metric, { value, kind: POINTS_KIND[metric] ?? 'points' }]);
  for (const [metric, value] of Object.entries(sellers.cost)) rows.push(['cost', metric, { value, kind: 'money' }]);
  return [
    {
      name: 'Sellers',
      columns: [
        { header: 'section', kind: 'text' },
        { header: 'metric', kind: 'text' },
        { header: 'value', kind: 'number' },
      ],
      rows,
    },
    {
      name: 'Seller levels',
      columns: [
        { header: 'level', kind: 'text' },
        { header: 'sellers', kind: 'count' },
        { header: 'share', kind: 'share' },
      ],
      rows: sellers.levels.map((l) => [l.level, l.sellers, l.share]),
    },
    {
      name: 'Top sellers',
      columns: [
        { header: 'rank', kind: 'count' },
        { header: 'seller', kind: 'text' },
        { header: 'partner', kind: 'text' },
        { header: 'person', kind: 'text' },
        { header: 'earned', kind: 'points' },
        { header: 'redeemed', kind: 'points' },
        { header: 'balance', kind: 'points' },
        { header: 'level', kind: 'text' },
        { header: 'partner_tier', kind: 'text' },
      ],
      rows: sellers.top.map((t, i) => [i + 1, t.seller, t.partner, t.person, t.earned, t.redeemed, t.balance, t.level, t.partner_tier]),
    },
    ...rewardSheets(sellers.rewards, 'Seller rewards', 'Seller rewards by period', 'Seller capacity'),
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
    ...rewardSheets(s.rewards, 'Rewards', 'Rewards by period', 'Capacity'),
  ];
  sheets.push(...warmUpSheets(s.warm_up), ...changesSheet(s.changes), ...sellerSheets(s.sellers), ...breakdownSheet(s));
  return { currency: s.program.currency, sheets };
}

export const runXlsxFormat = xlsxFormat<RunSummary>('for Excel: one sheet per table, typed numbers and formats (needs --out or a redirect)', runWorkbook);
