/**
 * `target: { column, basis, points, of }`: a bonus of `points`, credited once per tier
 * window, in the period when the partner's own target is reached: the sum over the window
 * of the `basis` (amount, or quantity: the activities' counts) of the activities `of`
 * (default: the activity itself) reaches the partner's value in `column` (a partners-file
 * column, e.g. its revenue quota). A partner whose value is blank, not a number or not
 * above zero has no target and earns no bonus. The bonus is credited like a step: through
 * the accelerator, rounding, the gate and the caps.
 */
import { z } from 'zod';
import { checkReference } from '../../program/semantic/context.js';
import { name, nonNegative } from '../../program/figures.js';
import type { CompiledProgram } from '../compile.js';
import { windowSum } from '../window-sum.js';
import type { CreditKind } from './credit-kind.js';
import type { PeriodCredit, PeriodRule, Walk } from './period-credit.js';

const schema = z.strictObject({
  column: name.describe('Partners-file column holding each partner\'s target (a number).'),
  basis: z.enum(['amount', 'quantity']).describe('What reaches the target: the amount column\'s sum, or the activities\' counts.'),
  points: nonNegative.describe('The bonus, once per tier window.'),
  of: z.array(name).min(1).optional().describe('Activities whose amount or count counts (default: this activity).'),
});

type Target = z.output<typeof schema>;

interface CompiledTarget {
  readonly a: number;
  readonly of: Int32Array;
  readonly amount: boolean;
  readonly points: number;
  /** Per partner (ledger index), its target; NaN: none. */
  readonly goal: Float64Array;
}

const rule: PeriodRule = {
  key: 'target',
  activityAmounts: true,
  create(c: CompiledProgram): PeriodCredit | null {
    const index = c.activityIndex;
    const targets: CompiledTarget[] = [];
    c.activityIds.forEach((id, a) => {
      const target = c.program.activities[id]?.target;
      if (target === undefined) return;
      const values = c.partners.attribute(target.column);
      targets.push({
        a,
        of: Int32Array.from((target.of ?? [id]).map((x) => index.get(x) ?? -1).filter((x) => x >= 0)),
        amount: target.basis === 'amount',
        points: target.points,
        goal: Float64Array.from(values, goalOf),
      });
    });
    return targets.length === 0 ? null : new Targets(targets, c.calendar.periods.length);
  },
};

/** A partner's target from its text value: a plain decimal above zero, else none (NaN). */
function goalOf(text: string): number {
  const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  return value > 0 ? value : Number.NaN;
}

export const target = {
  key: 'target',
  role: 'way',
  shape: {
    target: schema
      .optional()
      .describe('Bonus once per tier window when the partner reaches its own target (a partners-file column) in amount or count.'),
  },
  check(ctx, id, value) {
    value.of?.forEach((other, i) => checkReference(ctx, 'activity', other, ['activities', id, 'target', 'of', i]));
  },
  bound(id, value, accelerator) {
    const boosted = value.points * Math.max(1, accelerator);
    return { max: boosted, why: `\`${id}\` target bonus ${value.points} once per window${boosted > value.points ? ` (× earn_multiplier ${accelerator})` : ''}` };
  },
  // Reaching a target is not bought one occurrence at a time.
  price: () => null,
  period: rule,
} satisfies CreditKind<'target', Target>;

class Targets implements PeriodCredit {
  readonly #targets: readonly CompiledTarget[];
  /** 1 in the period (t × J + j) that credited target j's bonus. */
  readonly #credited: Uint8Array;

  constructor(targets: readonly CompiledTarget[], T: number) {
    this.#targets = targets;
    this.#credited = new Uint8Array(T * targets.length);
  }

  begin(): void {
    this.#credited.fill(0);
  }

  beforeCredit(): void {}

  afterCredit(w: Walk, t: number): void {
    const { T, A, count, cp, amountByActivity, windowFrom } = w;
    const J = this.#targets.length;
    for (let j = 0; j < J; j++) {
      const { a, of, amount, points, goal } = this.#targets[j]!;
      const want = goal[w.p] as number;
      if (!(want > 0)) continue;
      let already = false;
      for (let s = windowFrom; s < t && !already; s++) already = this.#credited[s * J + j] === 1;
      if (already) continue;
      let have = 0;
      for (let k = 0; k < of.length; k++) {
        const b = of[k] as number;
        have += amount ? windowSum(amountByActivity, 0, T, A, b, windowFrom, t) : windowSum(count, cp, T, A, b, windowFrom, t);
      }
      if (have < want) continue;
      this.#credited[t * J + j] = 1;
      w.bonus(a, points, t);
    }
  }
}
