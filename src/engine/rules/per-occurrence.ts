/** `points: n`: n points per occurrence, times the row's quantity. */
import { nonNegative } from '../../program/figures.js';
import type { CreditKind } from './credit-kind.js';

export const perOccurrence = {
  key: 'points',
  role: 'way',
  shape: { points: nonNegative.optional().describe('Points per occurrence, times the row\'s quantity.') },
  bound: (id, points) => (points === 0 ? { max: 0, why: `\`${id}\` scores 0 points` } : undefined),
  price: (_id, points) => ({ base: points, basis: [] }),
  weights: (points) => ({ points, perAmount: 0, perQuantity: 0 }),
} satisfies CreditKind<'points', number>;
