/**
 * The keys `run --format json` must print (DESIGN §6), for the tests that check them.
 */
/** The §6 contract: every key `run --format json` prints, in order, nested keys dotted. */
export const RUN_JSON_KEYS = [
  'format_version',
  'program', 'program.name', 'program.currency',
  'partners',
  'events',
  'periods', 'periods[].label', 'periods[].start', 'periods[].end',
  'points', 'points.earned', 'points.redeemed', 'points.expired', 'points.clawed_back', 'points.outstanding', 'points.debt', 'points.breakage',
  'cost', 'cost.rewards', 'cost.benefits', 'cost.discounts', 'cost.total', 'cost.liability',
  'budget', 'budget.amount', 'budget.per', 'budget.used_share',
  // Added beyond §6 (its keys "include" these): the budget year by year.
  'budget.by_year', 'budget.by_year[].year', 'budget.by_year[].start', 'budget.by_year[].end',
  'budget.by_year[].covered', 'budget.by_year[].cost', 'budget.by_year[].amount', 'budget.by_year[].used_share',
  'budget.worst_year', 'budget.worst_year_share',
  'tiers', 'tiers[].tier', 'tiers[].partners', 'tiers[].share',
  'tier_history', 'tier_history[].period', 'tier_history[].tiers',
  'tier_history[].tiers[].tier', 'tier_history[].tiers[].partners', 'tier_history[].tiers[].share',
  // format_version 2: whole units beside their expectations, capacity in windows (docs/commands/run.md).
  'rewards', 'rewards[].reward', 'rewards[].units', 'rewards[].expected_units', 'rewards[].points', 'rewards[].vendor_cost',
  'rewards[].capacity_per', 'rewards[].capacity', 'rewards[].shortfall', 'rewards[].expected_shortfall', 'rewards[].by_period',
  'rewards[].by_period[].period', 'rewards[].by_period[].units', 'rewards[].by_period[].expected_units',
  'rewards[].by_window', 'rewards[].by_window[].window', 'rewards[].by_window[].start', 'rewards[].by_window[].end',
  'rewards[].by_window[].capacity', 'rewards[].by_window[].units', 'rewards[].by_window[].expected_units',
  'rewards[].by_window[].shortfall', 'rewards[].by_window[].expected_shortfall', 'rewards[].by_window[].exceeded_share',
  // Issue 15: the warm-up periods of a replay without `launch:` (null with one), src/analysis/warm-up.ts.
  'warm_up', 'warm_up.periods', 'warm_up.reason',
];

/** Every key path of a JSON value, in first-seen order. */
export function keyPaths(value: unknown, prefix = ''): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) for (const k of keyPaths(item, `${prefix}[]`)) if (!out.includes(k)) out.push(k);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      out.push(path);
      for (const k of keyPaths(child, path)) if (!out.includes(k)) out.push(k);
    }
  }
  return out;
}
