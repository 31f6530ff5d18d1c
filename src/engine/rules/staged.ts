/**
 * `staged: [{ share, on }]`: the activity's points split across stages of the history's
 * `stage` column (0.5 when signed, 0.5 when activated); each row earns the share of its
 * stage. The shares must add up to the whole.
 */
import { z } from 'zod';
import { name, share } from '../../program/figures.js';
import type { CreditKind } from './credit-kind.js';

const schema = z.array(z.strictObject({ share, on: name })).min(1);

/** Shares summing to 1 within this are taken as the whole (0.333 + 0.333 + 0.334). */
const TOLERANCE = 0.001;

export const staged = {
  key: 'staged',
  role: 'modifier',
  shape: {
    staged: schema.optional().describe('Staged credit: `share` of the points when the history\'s `stage` column equals `on`.'),
  },
  check(ctx, id, stages) {
    const sum = stages.reduce((total, stage) => total + stage.share, 0);
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
    stages.forEach((stage, i) => {
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
  },
} satisfies CreditKind<'staged', z.output<typeof schema>>;
