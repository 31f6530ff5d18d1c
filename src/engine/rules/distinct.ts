/**
 * `distinct: column`: the activity counts each value of the column once per tier window
 * (a customer, a certified person), whatever the quantity; a blank value never scores.
 * The walk reads the column's codes (compile.ts) and keeps, per value, the partner and
 * period that last credited it.
 */
import { z } from 'zod';
import type { CreditKind } from './credit-kind.js';

export const distinct = {
  key: 'distinct',
  role: 'modifier',
  shape: { distinct: z.string().min(1).optional().describe('Column whose value counts once per tier window (e.g. customer_id).') },
} satisfies CreditKind<'distinct', string>;
