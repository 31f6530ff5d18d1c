/**
 * Legacy levels that ask for certified people count them on an activity of the design
 * (`legacy.certified_activity`, default `cert_earned`). When the default is relied on
 * but the design has no such activity, every partner would count zero certified people.
 */
import type { RuleContext, SemanticRule } from './context.js';

export const DEFAULT_CERTIFIED_ACTIVITY = 'cert_earned';

export const legacyCertification: SemanticRule = (ctx: RuleContext) => {
  const legacy = ctx.data.legacy;
  const activities = ctx.names.activity;
  if (!legacy || legacy.certified_activity !== undefined || activities === undefined) return;
  if (activities.includes(DEFAULT_CERTIFIED_ACTIVITY)) return;
  const index = legacy.levels.findIndex((level) => level.certified > 0);
  const level = legacy.levels[index];
  if (level === undefined) return;
  ctx.sink.report({
    severity: 'warning',
    code: 'legacy-certified-activity-missing',
    message: `legacy level \`${level.name}\` needs ${level.certified} certified people, counted on the activity \`${DEFAULT_CERTIFIED_ACTIVITY}\` by default, which the design does not declare`,
    path: ['legacy', 'levels', index, 'certified'],
    hint: 'name the certification activity with `legacy.certified_activity:`',
  });
};
