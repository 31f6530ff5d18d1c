/** A tier whose threshold lies above the most points one window can hold: nobody can ever reach it. */
import { lowestThreshold, maxPointsPerWindow } from '../reachability.js';
import type { RuleContext, SemanticRule } from './context.js';

export const unreachableTiers: SemanticRule = (ctx: RuleContext) => {
  const { activities, categories, calendar, program, tiers, tracks } = ctx.data;
  if (!activities || !categories || !calendar || !program || !tiers) return;
  // With `basis: balance` the points that count are carried over windows, so window caps do not bound them.
  if (calendar.tier_basis === 'balance') return;
  // Skip when some activity failed the schema: its bound is unknown and a warning could be wrong.
  if (ctx.raw['activities'] !== null && typeof ctx.raw['activities'] === 'object' && Object.keys(ctx.raw['activities']).length !== Object.keys(activities).length) return;
  const bound = maxPointsPerWindow({ activities, categories, calendar, program, tiers });
  tiers.forEach((tier, t) => {
    for (const [category, needed] of Object.entries(tier.requires?.categories ?? {})) {
      const most = Object.hasOwn(bound.categories, category) ? bound.categories[category] : undefined;
      if (most === undefined || needed <= most.max) continue;
      ctx.sink.report({
        severity: 'warning',
        code: 'unreachable-tier',
        message: `no partner can reach tier \`${tier.name}\`: it requires ${needed} points in category \`${category}\`, but at most ${round(most.max)} can be earned there in one tier window, ${bound.window}`,
        path: ['tiers', t, 'requires', 'categories', category],
        hint: `the bound: ${most.why}; lower the requirement or raise a cap`,
      });
    }
  });
  if (!Number.isFinite(bound.maxPoints)) return;
  tiers.forEach((tier, i) => {
    const threshold = lowestThreshold({ tiers, tracks }, tier.name);
    if (threshold <= bound.maxPoints) return;
    ctx.sink.report({
      severity: 'warning',
      code: 'unreachable-tier',
      message: `no partner can reach tier \`${tier.name}\`: it needs ${threshold} points, but at most ${round(bound.maxPoints)} can be earned in one tier window, ${bound.window}, given the caps`,
      path: ['tiers', i, 'min_points'],
      hint: `the bounds that bind: ${bound.binding.join('; ') || 'no activities'}; lower min_points or raise a cap`,
    });
  });
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
