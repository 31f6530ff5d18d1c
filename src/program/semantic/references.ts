/**
 * Every name a section uses must be declared where it belongs: categories, activities,
 * rewards, tiers and legacy levels. Each unknown name gets a did-you-mean.
 */
import { checkReference, entriesOf, type RuleContext, type SemanticRule } from './context.js';

export const references: SemanticRule = (ctx: RuleContext) => {
  const { data } = ctx;
  for (const [id, activity] of entriesOf(data.activities)) {
    checkReference(ctx, 'category', activity.category, ['activities', id, 'category']);
    for (const [other] of entriesOf(activity.requires?.activities)) {
      checkReference(ctx, 'activity', other, ['activities', id, 'requires', 'activities', other], 'key');
    }
  }
  for (const [group, members] of entriesOf(data.best_of)) {
    members.forEach((member, i) => checkReference(ctx, 'activity', member, ['best_of', group, i]));
  }
  data.promotions?.forEach((promotion, p) => {
    promotion.activities?.forEach((a, i) => checkReference(ctx, 'activity', a, ['promotions', p, 'activities', i]));
    promotion.categories?.forEach((c, i) => checkReference(ctx, 'category', c, ['promotions', p, 'categories', i]));
  });
  data.tiers?.forEach((tier, t) => {
    for (const [c] of entriesOf(tier.requires?.categories)) checkReference(ctx, 'category', c, ['tiers', t, 'requires', 'categories', c], 'key');
    for (const [a] of entriesOf(tier.requires?.activities)) checkReference(ctx, 'activity', a, ['tiers', t, 'requires', 'activities', a], 'key');
  });
  for (const [track, spec] of entriesOf(data.tracks?.list)) {
    for (const [tier] of entriesOf(spec.min_points)) checkReference(ctx, 'tier', tier, ['tracks', 'list', track, 'min_points', tier], 'key');
  }
  const redemption = data.redemption;
  if (redemption) {
    for (const [reward] of entriesOf(redemption.default.mix)) checkReference(ctx, 'reward', reward, ['redemption', 'default', 'mix', reward], 'key');
    for (const [segment, behaviour] of entriesOf(redemption.by_segment)) {
      for (const [reward] of entriesOf(behaviour.mix)) checkReference(ctx, 'reward', reward, ['redemption', 'by_segment', segment, 'mix', reward], 'key');
    }
  }
  for (const [tier] of entriesOf(data.guardrails?.tier_share)) checkReference(ctx, 'tier', tier, ['guardrails', 'tier_share', tier], 'key');
  const legacy = data.legacy;
  if (legacy) {
    for (const [level, tier] of entriesOf(legacy.equivalent)) {
      checkReference(ctx, 'legacy level', level, ['legacy', 'equivalent', level], 'key');
      checkReference(ctx, 'tier', tier, ['legacy', 'equivalent', level]);
    }
    if (legacy.certified_activity !== undefined) checkReference(ctx, 'activity', legacy.certified_activity, ['legacy', 'certified_activity']);
  }
};
