/**
 * The last line against silently wrong numbers (issue 13): every design number is finite
 * and within ±1e12, but arithmetic can still leave the doubles, e.g. `points_per.amount:
 * 1e-300` divides a deal's amount by almost nothing, and multipliers of several columns
 * multiply. A report holding ±Infinity or NaN must never be printed as `∞`, `NaN` or JSON
 * `null`: the command fails instead, naming the figure and the design paths likely at fault.
 *
 * Pure: the report object in, the first non-finite figure (breadth first, so a top-level
 * total is named before the periods that feed it) out.
 */
import type { Program } from '../program/program.js';

export interface NonFiniteFigure {
  /** Path of the figure in the report (`points.earned`, `periods[0].cost.total`). */
  readonly figure: string;
  readonly value: number;
}

/** Breadth-first walk of plain objects and arrays; undefined when every number is finite. */
export function findNonFinite(report: unknown): NonFiniteFigure | undefined {
  const queue: { path: string; value: unknown }[] = [{ path: '', value: report }];
  const seen = new Set<object>();
  for (let i = 0; i < queue.length; i++) {
    const { path, value } = queue[i] as { path: string; value: unknown };
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return { figure: path === '' ? '(the report)' : path, value };
      continue;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => queue.push({ path: `${path}[${index}]`, value: item }));
    } else if (value instanceof Map) {
      for (const [key, item] of value as Map<unknown, unknown>) queue.push({ path: `${path}.${String(key)}`, value: item });
    } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const numbers = value as unknown as ArrayLike<number | bigint>;
      for (let k = 0; k < numbers.length; k++) {
        const n = numbers[k];
        if (typeof n === 'number' && !Number.isFinite(n)) return { figure: `${path}[${k}]`, value: n };
      }
    } else {
      for (const [key, item] of Object.entries(value)) queue.push({ path: path === '' ? key : `${path}.${key}`, value: item });
    }
  }
  return undefined;
}

/** `Infinity`, `-Infinity` or `NaN`, as words. */
export function describeNonFinite(value: number): string {
  return Number.isNaN(value) ? 'not a number (NaN)' : value > 0 ? 'infinite (+∞)' : 'infinite (−∞)';
}

/**
 * The design paths whose numbers most likely drove the figure out of range: a
 * `points_per` whose `points / amount` (or `/ quantity`) exceeds 1e12 per unit, an
 * activity whose multipliers multiply beyond 1e12, and the largest earn accelerators and
 * promotion factors. Falls back to the places every point passes through.
 */
export function likelyDesignPaths(program: Program): string[] {
  const found: string[] = [];
  for (const [id, activity] of Object.entries(program.activities)) {
    const per = activity.points_per;
    if (per !== undefined) {
      const unit = per.amount ?? per.quantity;
      if (unit !== undefined && per.points / unit > 1e12) found.push(`activities.${id}.points_per.${per.amount !== undefined ? 'amount' : 'quantity'}`);
    }
    if (activity.multipliers !== undefined) {
      let product = 1;
      for (const factors of Object.values(activity.multipliers)) product *= Math.max(1, ...Object.values(factors));
      if (product > 1e12) found.push(`activities.${id}.multipliers`);
    }
  }
  program.tiers.forEach((tier, index) => {
    if (tier.earn_multiplier > 1e6) found.push(`tiers[${index}].earn_multiplier`);
  });
  program.promotions.forEach((promotion, index) => {
    if (promotion.multiply > 1e6) found.push(`promotions[${index}].multiply`);
  });
  return found.length > 0 ? found : ['activities.*.points', 'activities.*.points_per', 'activities.*.multipliers', 'tiers[].earn_multiplier', 'promotions[].multiply'];
}
