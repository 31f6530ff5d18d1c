/**
 * `points_per: { amount | quantity, points }`: proportional credit, `points` for every
 * `amount` of the amount column (or `quantity` of the quantity column), times the staged
 * share when staged.
 */
import { z } from 'zod';
import { formatMoney } from '../../format/whole-figures.js';
import { nonNegative, positive } from '../../program/figures.js';
import type { CreditKind } from './credit-kind.js';

const schema = z.strictObject({
  amount: positive.optional(),
  quantity: positive.optional(),
  points: nonNegative,
});

type PointsPer = z.output<typeof schema>;

const unitsFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const perAmount = {
  key: 'points_per',
  role: 'way',
  shape: {
    points_per: schema
      .optional()
      .describe('Proportional credit: `points` for every `amount` of the amount column (or `quantity` of the quantity column).'),
  },
  check(ctx, id, per) {
    if ((per.amount === undefined) !== (per.quantity === undefined)) return;
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
  },
  bound: (id, per) => (per.points === 0 ? { max: 0, why: `\`${id}\` scores 0 points` } : undefined),
  // One more deal at the partner's own average amount for the activity (everyone's when it has none); `quantity` units.
  price(id, per, ctx) {
    if (per.amount === undefined) return { base: per.points, basis: [`${unitsFormat.format(per.quantity ?? 1)} units`] };
    const average = ctx.averageAmount(id);
    if (average === undefined || average <= 0) return null;
    return { base: (average / per.amount) * per.points, basis: [`a deal of ${formatMoney(average, ctx.currency)}`] };
  },
  weights: (per) => ({
    points: 0,
    perAmount: per.amount !== undefined ? per.points / per.amount : 0,
    perQuantity: per.quantity !== undefined ? per.points / per.quantity : 0,
  }),
} satisfies CreditKind<'points_per', PointsPer>;
