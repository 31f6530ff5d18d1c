/**
 * `run --format csv`: the whole summary as one tidy long table
 * `section,period,key,metric,value` (one number per row), for spreadsheets and BI tools.
 *
 *   summary         partners, events
 *   points          earned, redeemed, expired, clawed_back, outstanding, debt, breakage
 *   cost            rewards, benefits, discounts, sellers (with `individuals:`; inside total),
 *                   total, liability
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
 *   sellers         with `individuals:`, the seller programme; metric as its JSON path under
 *                   `sellers`: person_column, sellers, partners, events, unattributed_events,
 *                   points.<key>, cost.<key> (period and key empty); levels at the last
 *                   period: key = level, level.sellers | level.share; key = reward:
 *                   reward.<total> (period empty, the rewards' totals), reward.units |
 *                   reward.expected_units per period, capacity.<figure> per capacity window;
 *                   key = seller (`partner/person`), in rank order: top.rank, top.partner,
 *                   top.person, top.earned, top.redeemed, top.balance, top.level,
 *                   top.partner_tier
 *   by_<dimension>  key = group (period = group for `by_period`), metric partners |
 *                   points_earned | cost_total | tier:<name> (partners in that tier)
 *
 * An unlimited capacity is an empty value.
 */
import type { RunSummary } from '../../analysis/summary-types.js';
import { writeCsv, type CsvCell } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';

/** A reward's totals, a capacity window's figures and a top seller's, in the order the rows list them. */
const REWARD_TOTALS = ['units', 'expected_units', 'points', 'vendor_cost', 'capacity', 'shortfall', 'expected_shortfall'] as const;
const WINDOW_FIGURES = ['capacity', 'units', 'shortfall', 'expected_shortfall', 'exceeded_share'] as const;
const TOP_FIGURES = ['partner', 'person', 'earned', 'redeemed', 'balance', 'level', 'partner_tier'] as const;

type AddRow = (section: string, period: string, key: string, metric: string, value: CsvCell) => void;

/**
 * A reward list's rows, the firm's or the sellers': each reward's totals and units per
 * period, then its capacity windows, under the sections and metric prefixes given.
 */
function addRewards(add: AddRow, rewards: RunSummary['rewards'], section: { rewards: string; capacity: string }, prefix: { rewards: string; capacity: string }): void {
  for (const r of rewards) {
    for (const metric of REWARD_TOTALS) add(section.rewards, '', r.reward, `${prefix.rewards}${metric}`, r[metric]);
    for (const p of r.by_period) {
      add(section.rewards, p.period, r.reward, `${prefix.rewards}units`, p.units);
      add(section.rewards, p.period, r.reward, `${prefix.rewards}expected_units`, p.expected_units);
    }
    for (const w of r.by_window) for (const metric of WINDOW_FIGURES) add(section.capacity, w.window, r.reward, `${prefix.capacity}${metric}`, w[metric]);
  }
}

export function renderRunCsv(summary: RunSummary): string {
  const rows: CsvCell[][] = [];
  const add: AddRow = (section, period, key, metric, value) => {
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
  addRewards(add, summary.rewards, { rewards: 'rewards', capacity: 'capacity' }, { rewards: '', capacity: '' });
  // The warm-up periods (no launch state): one row each, value 1.
  for (const period of summary.warm_up?.periods ?? []) add('warm_up', period, '', 'warm_up', 1);
  for (const change of summary.changes ?? []) for (const [path, value] of Object.entries(change.set)) add('changes', change.effective, path, 'set', value === null ? '' : typeof value === 'boolean' ? String(value) : value);
  if (summary.sellers !== undefined) {
    const s = summary.sellers;
    add('sellers', '', '', 'person_column', s.person_column);
    add('sellers', '', '', 'sellers', s.sellers);
    add('sellers', '', '', 'partners', s.partners);
    add('sellers', '', '', 'events', s.events);
    add('sellers', '', '', 'unattributed_events', s.unattributed_events);
    for (const [metric, value] of Object.entries(s.points)) add('sellers', '', '', `points.${metric}`, value);
    for (const [metric, value] of Object.entries(s.cost)) add('sellers', '', '', `cost.${metric}`, value);
    for (const l of s.levels) {
      add('sellers', last, l.level, 'level.sellers', l.sellers);
      add('sellers', last, l.level, 'level.share', l.share);
    }
    addRewards(add, s.rewards, { rewards: 'sellers', capacity: 'sellers' }, { rewards: 'reward.', capacity: 'capacity.' });
    s.top.forEach((t, i) => {
      add('sellers', '', t.seller, 'top.rank', i + 1);
      for (const metric of TOP_FIGURES) add('sellers', '', t.seller, `top.${metric}`, t[metric]);
    });
  }
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
