/**
 * The final guard on every report a replay feeds (run, compare, check, explain, simulate, sensitivity, calibrate,
 * transition): a figure that overflowed to ±Infinity or became NaN fails the command with
 * exit 2, naming the figure and the design paths likely at fault, before anything is printed.
 */
import { describeNonFinite, findNonFinite, likelyDesignPaths } from '../analysis/finite-guard.js';
import type { Program } from '../program/program.js';
import { UserError } from './errors.js';

export function assertFiniteReport(report: unknown, program: Program, what: string): void {
  const bad = findNonFinite(report);
  if (bad === undefined) return;
  const paths = likelyDesignPaths(program);
  throw new UserError(`the replay overflowed: ${what} figure \`${bad.figure}\` is ${describeNonFinite(bad.value)}, so no report is printed; likely from ${paths.map((p) => `\`${p}\``).join(', ')}`, {
    hint: 'a points_per amount or quantity far below 1 divides every amount by almost nothing, and multipliers of several columns multiply: keep points per unit, and their product, within 1e12',
  });
}
