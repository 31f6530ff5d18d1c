/**
 * An activity scores in exactly one way: `points` per occurrence, `points_per` an amount
 * or quantity, or a `steps` table. Steps must climb.
 */
import { entriesOf, type RuleContext, type SemanticRule } from './context.js';

const WAYS = ['points', 'points_per', 'steps'] as const;

export const activityScoring: SemanticRule = (ctx: RuleContext) => {
  for (const [id, activity] of entriesOf(ctx.data.activities)) {
    const present = WAYS.filter((way) => activity[way] !== undefined);
    if (present.length === 0) {
      ctx.sink.report({
        code: 'no-scoring-rule',
        message: `activity \`${id}\` says nothing about its points`,
        path: ['activities', id],
        part: 'key',
        hint: 'give it one of `points: 50`, `points_per: { amount: 1000, points: 10 }` or `steps: [{ at: 1, points: 4 }]`',
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
    const per = activity.points_per;
    if (per !== undefined && (per.amount === undefined) === (per.quantity === undefined)) {
      ctx.sink.report({
        code: 'points-per-basis',
        message:
          per.amount === undefined
            ? `activity \`${id}\`: points_per needs \`amount\` or \`quantity\`, the unit the points are given for`
            : `activity \`${id}\`: points_per has both \`amount\` and \`quantity\`; it counts one of them`,
        path: ['activities', id, 'points_per'],
        part: 'key',
        hint: 'e.g. `points_per: { amount: 1000, points: 10 }` (10 points per 1,000 of amount)',
      });
    }
    const steps = activity.steps;
    steps?.forEach((step, i) => {
      const previous = i > 0 ? steps[i - 1] : undefined;
      if (previous !== undefined && step.at <= previous.at) {
        ctx.sink.report({
          code: 'steps-not-ascending',
          message: `activity \`${id}\`: step ${i + 1} is at ${step.at}, not above the step before it (${previous.at})`,
          path: ['activities', id, 'steps', i, 'at'],
          hint: 'list steps from the lowest count to the highest',
        });
      }
    });
  }
};
