/**
 * The zod building blocks every part of the format shares (the schema, and the credit
 * kinds of src/engine/rules/ that bring their own keys).
 *
 * Every number in a design (points, money, units, rates) is finite and strictly between
 * -1e12 and 1e12 (docs/format.md, "Numbers"): far above any real programme, far below
 * where a replay's sums lose whole units in a double, so a typo such as `1e308` is an
 * error at its position instead of an `∞` in the report.
 */
import { z } from 'zod';

export const MAX_FIGURE = 1e12;
export const figure = (): z.ZodNumber => z.number().gt(-MAX_FIGURE).lt(MAX_FIGURE);

export const name = z.string().min(1);
export const nonNegative = figure().finite().nonnegative();
export const positive = figure().finite().positive();
export const share = figure().finite().min(0).max(1);
