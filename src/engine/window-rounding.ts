/**
 * Rounding where the program rounds (`points.round.at`): the window totals the tier
 * evaluation reads are rounded, not each event's points. Programs publish a metric's
 * total ("13.3 points"), and that published figure is what meets a threshold: 2 people ×
 * 20/3 points = 13.333 shows as 13.3, and 69.95 rounded half up is 70.0, which reaches a
 * threshold of 70 that the exact total misses.
 *
 * - `at: activity`: each activity's window total is rounded; a category's total is the
 *   sum of its activities' rounded totals, the program's the sum over categories.
 * - `at: category`: each category's window total is rounded; the program's total is the
 *   sum of the rounded category totals.
 * - `at: program`: the program's window total (or the balance, under `tier_basis:
 *   balance`) is rounded; category totals stay exact.
 *
 * Totals below the level stay exact. Caps clip credited points first: rounding applies to
 * the capped totals. Balances, earned points and every per-activity figure keep exact
 * points: rounding decides what the tier evaluation reads (windowPoints, and the category
 * totals `requires` compares), it moves no points into or out of the balance.
 */
import type { LedgerArrays } from './ledger-arrays.js';
import { ROUND_AT_ACTIVITY, ROUND_AT_CATEGORY, roundPoints, type CompiledTotalRounding } from './rounding.js';
import { windowSum } from './window-sum.js';

export class WindowRounding {
  readonly level: number;
  readonly scale: number;
  readonly mode: number;
  readonly T: number;
  readonly A: number;
  readonly C: number;
  readonly categoryOf: Int32Array;
  readonly L: LedgerArrays;
  /** The rounded category window totals of the evaluation (what `requires.categories` reads), or null at the program level (exact totals). */
  readonly catWindow: Float64Array | null;
  /** The evaluation's rounding adjustment per category (rounded − exact). */
  readonly catAdjust: Float64Array;

  constructor(r: CompiledTotalRounding, L: LedgerArrays, categoryOf: Int32Array) {
    this.level = r.level;
    this.scale = r.scale;
    this.mode = r.mode;
    this.T = L.T;
    this.A = L.A;
    this.C = L.C;
    this.categoryOf = categoryOf;
    this.L = L;
    this.catWindow = r.level === ROUND_AT_ACTIVITY || r.level === ROUND_AT_CATEGORY ? new Float64Array(L.C) : null;
    this.catAdjust = new Float64Array(L.C);
  }

  /**
   * The window total partner p's evaluation at period t reads, given the exact one
   * (`exact`: the window's earned points, or the balance), the partner's points per
   * activity (`points` at row `row`, less `clawed`, the partner's periods × activities
   * taken back, when the design claws back) and per category (`catPoints`, the partner's
   * periods × categories, net of clawbacks). Records the adjustment in the ledger (`windowRounding`, and
   * per category in detail).
   */
  evaluate(p: number, t: number, from: number, exact: number, points: Float64Array, row: number, catPoints: Float64Array, clawed: Float64Array | null): number {
    const { T, A, C, scale, mode, catWindow, catAdjust, L } = this;
    let total: number;
    if (catWindow === null) total = roundPoints(exact, scale, mode);
    else {
      catWindow.fill(0);
      catAdjust.fill(0);
      if (this.level === ROUND_AT_ACTIVITY) {
        for (let a = 0; a < A; a++) {
          // Net of what clawbacks took back from the activity (the partner's periods × activities), as the exact window is.
          const s = windowSum(points, row, T, A, a, from, t) - (clawed !== null ? windowSum(clawed, 0, T, A, a, from, t) : 0);
          const r = roundPoints(s, scale, mode);
          const cat = this.categoryOf[a] as number;
          catWindow[cat] = (catWindow[cat] as number) + r;
          catAdjust[cat] = (catAdjust[cat] as number) + r - s;
        }
      } else {
        for (let cat = 0; cat < C; cat++) {
          const s = windowSum(catPoints, 0, T, C, cat, from, t);
          const r = roundPoints(s, scale, mode);
          catWindow[cat] = r;
          catAdjust[cat] = r - s;
        }
      }
      total = 0;
      for (let cat = 0; cat < C; cat++) total += catWindow[cat] as number;
      if (L.detail) L.windowRoundingByCategory.set(catAdjust, (p * T + t) * C);
    }
    L.windowRounding[p * T + t] = total - exact;
    return total;
  }
}
