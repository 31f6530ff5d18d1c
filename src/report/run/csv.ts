/**
 * `run --format csv`: the whole summary as one tidy long table
 * `section,period,key,metric,value` (one number per row), for spreadsheets and BI tools.
 *
 *   summary         partners, events
 *   points          earned, redeemed, expired, clawed_back, outstanding, debt, breakage
 *   cost            rewards, benefits, discounts, total, liability
 *   budget          amount, per, used_share, worst_year, worst_year_share (empty when the
 *                   design has no budget); then per year: period = the year (`FY2025`),
 *                   metric covered | cost | amount | used_share
 *   tiers           period = last period, key = tier, metric partners | share
 *   tier_history    period, key = tier, metric partners | share
 *   rewards         key = reward; period empty for the totals (units, expected_units,
 *                   points, vendor_cost, capacity, shortfall, expected_shortfall), else that
 *                   period's units, expected_units (units are whole; expected_* the means)
 *   capacity        key = reward, period = the capacity window (a fiscal year `FY2026` for a
 *                   yearly capacity, else a period): capacity, units, shortfall,
 *                   expected_shortfall, exceeded_share
 *   warm_up         period = a warm-up period (no `launch:`, before the first full tier
 *                   window; src/analysis/warm-up.ts), metric warm_up, value 1
 *   changes         period = a dated change's effective day, key = a path it sets,
 *                   metric set, value the value it sets
 *   by_<dimension>  key = group (period = group for `by_period`), metric partners |
 *                   points_earned | cost_total | tier:<name> (partners in that tier)
 *
 * An unlimited capacity is an empty value.
 */
import type { RunSummary } from '../../analysis/summary-types.js';
import { writeCsv, type CsvCell } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';

export function renderRunCsv(summary: RunSummary): string {
  const rows: CsvCell[][] = [];
  const add = (section: string, period: string, key: string, metric: string, value: CsvCell): void => {
    rows.push([section, period, key, metric, value]);
  };

  add('summary', '', '', 'partners', summary.partners);
  add('summary', '', '', 'events', summary.events);
  for (const [metric, value] of Object.entries(summary.points)) add('points', '', '', metric, value);
  for (const [metric, value] of Object.entries(summary.cost)) add('cost', '', '', metric, value);
  const b = summary.budget;
  add('budget', '', '', 'amount', b.amount);
  add('budget', '', '', 'per', b.per);
  add('budget', '', '', 'used_share', b.used_share);
  add('budget', '', '', 'worst_year', b.worst_year);
  add('budget', '', '', 'worst_year_share', b.worst_year_share);
  for (const y of b.by_year) {
    add('budget', y.year, '', 'covered', y.covered);
    add('budget', y.year, '', 'cost', y.cost);
    add('budget', y.year, '', 'amount', y.amount);
    add('budget', y.year, '', 'used_share', y.used_share);
  }

  const last = summary.periods[summary.periods.length - 1]?.label ?? '';
  for (const t of summary.tiers) {
    add('tiers', last, t.tier, 'partners', t.partners);
    add('tiers', last, t.tier, 'share', t.share);
  }
  for (const h of summary.tier_history) {
    for (const t of h.tiers) {
      add('tier_history', h.period, t.tier, 'partners', t.partners);
      add('tier_history', h.period, t.tier, 'share', t.share);
    }
  }
  for (const r of summary.rewards) {
    add('rewards', '', r.reward, 'units', r.units);
    add('rewards', '', r.reward, 'expected_units', r.expected_units);
    add('rewards', '', r.reward, 'points', r.points);
    add('rewards', '', r.reward, 'vendor_cost', r.vendor_cost);
    add('rewards', '', r.reward, 'capacity', r.capacity);
    add('rewards', '', r.reward, 'shortfall', r.shortfall);
    add('rewards', '', r.reward, 'expected_shortfall', r.expected_shortfall);
    for (const p of r.by_period) {
      add('rewards', p.period, r.reward, 'units', p.units);
      add('rewards', p.period, r.reward, 'expected_units', p.expected_units);
    }
    for (const w of r.by_window) {
      add('capacity', w.window, r.reward, 'capacity', w.capacity);
      add('capacity', w.window, r.reward, 'units', w.units);
      add('capacity', w.window, r.reward, 'shortfall', w.shortfall);
      add('capacity', w.window, r.reward, 'expected_shortfall', w.expected_shortfall);
      add('capacity', w.window, r.reward, 'exceeded_share', w.exceeded_share);
    }
  }
  // The warm-up periods (no launch state): one row each, value 1.
  for (const period of summary.warm_up?.periods ?? []) add('warm_up', period, '', 'warm_up', 1);
  for (const change of summary.changes ?? []) for (const [path, value] of Object.entries(change.set)) add('changes', change.effective, path, 'set', value === null ? '' : typeof value === 'boolean' ? String(value) : value);
  if (summary.by !== undefined) {
    const section = `by_${summary.by.dimension}`;
    const isPeriod = summary.by.dimension === 'period';
    for (const g of summary.by.groups) {
      const period = isPeriod ? g.key : '';
      const key = isPeriod ? '' : g.key;
      add(section, period, key, 'partners', g.partners);
      add(section, period, key, 'points_earned', g.points_earned);
      add(section, period, key, 'cost_total', g.cost_total);
      for (const t of g.tiers) add(section, period, key, `tier:${t.tier}`, t.partners);
    }
  }
  return writeCsv(['section', 'period', 'key', 'metric', 'value'], rows);
}

export const runCsvFormat: Formatter<RunSummary> = {
  description: 'for a spreadsheet: one number per row (section, period, key, metric, value)',
  mediaType: 'text/csv',
  terminal: false,
  render: (summary) => renderRunCsv(summary),
};
