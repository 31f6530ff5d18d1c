/** Redemption behaviour: rates are shares of points (0 to 1) and each mix splits the whole spend. */
import type { RedemptionBehaviour } from '../schema.js';
import { entriesOf, type RuleContext, type SemanticRule } from './context.js';

/** Shares are decimals typed by hand (0.33 + 0.33 + 0.34); a looser check would hide real mistakes. */
const MIX_TOLERANCE = 0.001;

export const redemption: SemanticRule = (ctx: RuleContext) => {
  const spec = ctx.data.redemption;
  if (!spec) return;
  checkBehaviour(ctx, spec.default, ['redemption', 'default']);
  for (const [segment, behaviour] of entriesOf(spec.by_segment)) checkBehaviour(ctx, behaviour, ['redemption', 'by_segment', segment]);
};

function checkBehaviour(ctx: RuleContext, behaviour: RedemptionBehaviour, path: readonly PropertyKey[]): void {
  if (!(behaviour.rate >= 0 && behaviour.rate <= 1)) {
    ctx.sink.report({
      code: 'rate-out-of-range',
      message: `${path.join('.')}.rate is ${behaviour.rate}; a redemption rate is the share of earned points that is spent, between 0 and 1`,
      path: [...path, 'rate'],
      hint: behaviour.rate >= 2 && behaviour.rate <= 100 ? `write a percentage as a share: ${behaviour.rate}% is ${behaviour.rate / 100}` : 'use a number from 0 to 1',
    });
  }
  let sum = 0;
  let sharesValid = true;
  for (const [reward, share] of entriesOf(behaviour.mix)) {
    if (!(share >= 0 && share <= 1)) {
      sharesValid = false;
      ctx.sink.report({
        code: 'share-out-of-range',
        message: `${path.join('.')}.mix.${reward} is ${share}; a share of the spend lies between 0 and 1`,
        path: [...path, 'mix', reward],
        hint: 'use a number from 0 to 1; the shares of a mix sum to 1',
      });
    }
    sum += share;
  }
  if (!sharesValid) return;
  const empty = Object.keys(behaviour.mix).length === 0;
  if (empty && behaviour.rate === 0) return;
  if (Math.abs(sum - 1) > MIX_TOLERANCE) {
    ctx.sink.report({
      code: 'mix-sum-not-one',
      message: empty
        ? `${path.join('.')}.mix is empty, but the rate (${behaviour.rate}) says points are spent`
        : `the shares of ${path.join('.')}.mix sum to ${round(sum)}, not 1`,
      path: [...path, 'mix'],
      part: 'key',
      hint: empty ? 'name the rewards the points are spent on, with shares summing to 1' : `adjust the shares so they sum to 1 (±${MIX_TOLERANCE}); ${sum < 1 ? `${round(1 - sum)} is missing` : `${round(sum - 1)} too much`}`,
    });
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
