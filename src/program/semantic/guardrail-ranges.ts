/** A guardrail's lower bound cannot exceed its upper bound: no outcome could ever pass it. */
import { entriesOf, type RuleContext, type SemanticRule } from './context.js';

export const guardrailRanges: SemanticRule = (ctx: RuleContext) => {
  const guardrails = ctx.data.guardrails;
  if (!guardrails) return;
  const check = (range: { min?: number | undefined; max?: number | undefined }, path: readonly PropertyKey[], what: string): void => {
    if (range.min === undefined || range.max === undefined || range.min <= range.max) return;
    ctx.sink.report({
      code: 'range-reversed',
      message: `${what}: min ${range.min} is above max ${range.max}, so no result could pass`,
      path: [...path, 'min'],
      hint: 'swap min and max',
    });
  };
  for (const [tier, range] of entriesOf(guardrails.tier_share)) check(range, ['guardrails', 'tier_share', tier], `guardrails.tier_share.${tier}`);
  if (guardrails.breakage) check(guardrails.breakage, ['guardrails', 'breakage'], 'guardrails.breakage');
};
