/**
 * Row labels and cells of the compare report, shared by its table and Markdown forms.
 */
import type { CompareReport, CompareRow } from '../../analysis/compare.js';
import { formatChange, formatDelta, formatMetric } from './metric-value.js';

const FIXED: Readonly<Record<string, string>> = {
  'points.earned': 'earned',
  'points.redeemed': 'redeemed',
  'points.expired': 'expired',
  'points.clawed_back': 'clawed back',
  'points.outstanding': 'outstanding',
  'points.debt': 'debt (clawed back, not covered)',
  'points.breakage': 'breakage (expired / earned)',
  'cost.rewards': 'rewards',
  'cost.benefits': 'tier benefits',
  'cost.discounts': 'discounts',
  'cost.total': 'total',
  'cost.liability': 'liability (outstanding)',
  'budget.amount': 'budget',
  'budget.used_share': 'budget used',
  'budget.worst_year_share': 'budget used, worst year',
};

export const SECTION_TITLE: Readonly<Record<string, string>> = {
  points: 'Points',
  cost: 'Cost',
  budget: 'Budget',
  tiers: 'Tiers at the last evaluation',
  rewards: 'Reward demand',
};

/** `tiers.Gold.share` → `Gold share`; `rewards.mdf_1000.shortfall` → `mdf_1000 shortfall`. */
export function rowLabel(row: CompareRow): string {
  const fixed = FIXED[row.key];
  if (fixed !== undefined) return fixed;
  const parts = row.key.split('.');
  const field = parts[parts.length - 1] ?? '';
  const id = parts.slice(1, -1).join('.');
  const word = field === 'units' ? 'units demanded' : field === 'shortfall' ? 'units short' : field;
  return `${id} ${word}`;
}

/** The first column's value alone; later columns with their change against it. */
export function rowCells(report: CompareReport, row: CompareRow): string[] {
  return row.values.map((value, i) => {
    const shown = formatMetric(row.kind, value, report.currency);
    if (i === 0 || value === null) return shown;
    const delta = row.delta[i] ?? null;
    if (delta === 0) return `${shown} (=)`;
    return `${shown} (${formatDelta(row.kind, delta, report.currency)}, ${formatChange(row.deltaShare[i] ?? null)})`;
  });
}

export function sections(report: CompareReport): { section: string; rows: CompareRow[] }[] {
  const result: { section: string; rows: CompareRow[] }[] = [];
  for (const row of report.rows) {
    const last = result[result.length - 1];
    if (last !== undefined && last.section === row.section) last.rows.push(row);
    else result.push({ section: row.section, rows: [row] });
  }
  return result;
}
