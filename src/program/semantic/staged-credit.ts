/** Staged credit splits an activity's points across stages: the shares must add up to the whole. */
import { entriesOf, type RuleContext, type SemanticRule } from './context.js';

const TOLERANCE = 0.001;

export const stagedCredit: SemanticRule = (ctx: RuleContext) => {
  for (const [id, activity] of entriesOf(ctx.data.activities)) {
    const staged = activity.staged;
    if (staged === undefined) continue;
    const sum = staged.reduce((total, stage) => total + stage.share, 0);
    if (Math.abs(sum - 1) > TOLERANCE) {
      ctx.sink.report({
        code: 'staged-shares-sum',
        message: `activity \`${id}\`: the staged shares sum to ${Math.round(sum * 1e6) / 1e6}, not 1`,
        path: ['activities', id, 'staged'],
        part: 'key',
        hint: 'make the shares of all stages add up to 1, e.g. 0.5 on signed and 0.5 on activated',
      });
    }
    const seen = new Set<string>();
    staged.forEach((stage, i) => {
      if (seen.has(stage.on)) {
        ctx.sink.report({
          code: 'duplicate-id',
          message: `activity \`${id}\`: stage \`${stage.on}\` is listed twice`,
          path: ['activities', id, 'staged', i, 'on'],
          hint: 'merge the two shares into one entry',
        });
      }
      seen.add(stage.on);
    });
  }
};
