/**
 * Tiers are listed low to high; each must need strictly more points than the one before,
 * on the base thresholds and also wherever a regional threshold (`min_points_by`) or a
 * track replaces them: Gold must not be easier than Silver in APAC.
 */
import type { Tier } from '../schema.js';
import { entriesOf, type RuleContext, type SemanticRule } from './context.js';

export const tierOrder: SemanticRule = (ctx: RuleContext) => {
  const tiers = ctx.data.tiers;
  if (!tiers) return;
  let baseAscending = true;
  for (let i = 1; i < tiers.length; i++) {
    const previous = tiers[i - 1];
    const tier = tiers[i];
    if (previous === undefined || tier === undefined || tier.min_points > previous.min_points) continue;
    baseAscending = false;
    ctx.sink.report({
      code: 'tiers-not-ascending',
      message: `tier \`${tier.name}\` needs ${tier.min_points} points, ${tier.min_points === previous.min_points ? 'the same as' : 'fewer than'} the tier before it, \`${previous.name}\` (${previous.min_points}); tiers must be listed from low to high with strictly increasing min_points`,
      path: ['tiers', i, 'min_points'],
      hint: 'reorder the tiers from lowest to highest, or raise this min_points',
    });
  }
  // The variants only make sense once the base order is right; otherwise they would repeat the same mistake.
  if (!baseAscending) return;
  checkRegional(ctx, tiers);
  checkTracks(ctx, tiers);
};

function checkRegional(ctx: RuleContext, tiers: readonly Tier[]): void {
  const variants = new Map<string, [string, string]>();
  for (const tier of tiers) {
    for (const [column, values] of entriesOf(tier.min_points_by)) {
      for (const [value] of entriesOf(values)) variants.set(`${column}\u0000${value}`, [column, value]);
    }
  }
  for (const [column, value] of [...variants.values()].sort()) {
    const threshold = (tier: Tier): number => tier.min_points_by?.[column]?.[value] ?? tier.min_points;
    for (let i = 1; i < tiers.length; i++) {
      const previous = tiers[i - 1];
      const tier = tiers[i];
      if (previous === undefined || tier === undefined || threshold(tier) > threshold(previous)) continue;
      const own = tier.min_points_by?.[column]?.[value] !== undefined;
      ctx.sink.report({
        code: 'tiers-not-ascending',
        message: `where ${column} is ${value}, tier \`${tier.name}\` needs ${threshold(tier)} points, not more than \`${previous.name}\` (${threshold(previous)})`,
        path: own ? ['tiers', i, 'min_points_by', column, value] : ['tiers', i - 1, 'min_points_by', column, value],
        hint: `give \`${tier.name}\` a higher ${column} threshold than \`${previous.name}\`, or lower the lower tier's`,
      });
    }
  }
}

function checkTracks(ctx: RuleContext, tiers: readonly Tier[]): void {
  for (const [track, spec] of entriesOf(ctx.data.tracks?.list)) {
    const threshold = (tier: Tier): number => (Object.hasOwn(spec.min_points, tier.name) ? spec.min_points[tier.name] : undefined) ?? tier.min_points;
    for (let i = 1; i < tiers.length; i++) {
      const previous = tiers[i - 1];
      const tier = tiers[i];
      if (previous === undefined || tier === undefined || threshold(tier) > threshold(previous)) continue;
      const named = Object.hasOwn(spec.min_points, tier.name) ? tier.name : previous.name;
      ctx.sink.report({
        code: 'tiers-not-ascending',
        message: `on track \`${track}\`, tier \`${tier.name}\` needs ${threshold(tier)} points, not more than \`${previous.name}\` (${threshold(previous)})`,
        path: ['tracks', 'list', track, 'min_points', named],
        hint: 'on every track, higher tiers need more points; unlisted tiers keep their base min_points',
      });
    }
  }
}
