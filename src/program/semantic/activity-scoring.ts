/**
 * An activity scores in exactly one way (a credit kind whose role is 'way': `points`,
 * `points_per`, `steps`, `target`), and each credit kind it uses checks its own value
 * (src/engine/rules/: steps must climb, staged shares add up to 1, …).
 */
import { CREDIT_KINDS, WAY_KEYS } from '../../engine/rules/index.js';
import { entriesOf, type RuleContext, type SemanticRule } from './context.js';

export const activityScoring: SemanticRule = (ctx: RuleContext) => {
  for (const [id, activity] of entriesOf(ctx.data.activities)) {
    const values = activity as Readonly<Record<string, unknown>>;
    const present = WAY_KEYS.filter((way) => values[way] !== undefined);
    if (present.length === 0) {
      ctx.sink.report({
        code: 'no-scoring-rule',
        message: `activity \`${id}\` says nothing about its points`,
        path: ['activities', id],
        part: 'key',
        hint: 'give it one of `points: 50`, `points_per: { amount: 1000, points: 10 }`, `steps: [{ at: 1, points: 4 }]` or `target: { column: quota, basis: amount, points: 500 }`',
      });
    } else if (present.length > 1) {
      ctx.sink.report({
        code: 'several-scoring-rules',
        message: `activity \`${id}\` has both ${present.map((w) => `\`${w}\``).join(' and ')}; an activity scores in one way only`,
        path: ['activities', id, present[1] ?? 'points'],
        part: 'key',
        hint: 'keep one; to credit two ways, declare two activities (and a `best_of` group if only the higher should count)',
      });
    }
    for (const kind of CREDIT_KINDS) {
      const value = values[kind.key];
      if (value !== undefined) kind.check?.(ctx, id, value);
    }
  }
};
