/**
 * `steps:` on an activity: flat points when the activity's count in the tier window
 * reaches a step's `at` (the highest step reached counts). Each period is credited the
 * increment over what earlier periods of the window were credited, through the same
 * accelerator, rounding, gate and caps as an event's points.
 */
import { z } from 'zod';
import { figure, nonNegative } from '../../program/figures.js';
import type { CompiledProgram } from '../compile.js';
import { windowSum } from '../window-sum.js';
import type { CreditKind } from './credit-kind.js';
import type { PeriodCredit, PeriodRule, Walk } from './period-credit.js';

const schema = z.array(z.strictObject({ at: figure().int().positive(), points: nonNegative })).min(1);

interface StepTable {
  readonly a: number;
  /** Ascending by `at`. */
  readonly at: Float64Array;
  readonly points: Float64Array;
}

const rule: PeriodRule = {
  key: 'steps',
  create(c: CompiledProgram): PeriodCredit | null {
    const tables: StepTable[] = [];
    c.activityIds.forEach((id, a) => {
      const list = c.program.activities[id]?.steps;
      if (list === undefined || list.length === 0) return;
      const sorted = [...list].sort((x, y) => x.at - y.at);
      tables.push({ a, at: Float64Array.from(sorted, (s) => s.at), points: Float64Array.from(sorted, (s) => s.points) });
    });
    return tables.length === 0 ? null : new Steps(tables, c.calendar.periods.length);
  },
};

export const steps = {
  key: 'steps',
  role: 'way',
  shape: {
    steps: schema
      .optional()
      .describe('Step table: flat points when the count in the tier window reaches `at` (the highest step reached counts).'),
  },
  check(ctx, id, list) {
    list.forEach((step, i) => {
      const previous = i > 0 ? list[i - 1] : undefined;
      if (previous === undefined || step.at > previous.at) return;
      ctx.sink.report({
        code: 'steps-not-ascending',
        message: `activity \`${id}\`: step ${i + 1} is at ${step.at}, not above the step before it (${previous.at})`,
        path: ['activities', id, 'steps', i, 'at'],
        hint: 'list steps from the lowest count to the highest',
      });
    });
  },
  // The top step through the highest accelerator (step increments are credited through it, then the caps).
  bound(id, list, accelerator) {
    const top = Math.max(...list.map((s) => s.points));
    const boosted = top * Math.max(1, accelerator);
    return { max: boosted, why: `\`${id}\` steps top out at ${top}${boosted > top ? ` (× earn_multiplier ${accelerator})` : ''}` };
  },
  // One more occurrence has no fixed price: it may reach the next step or nothing.
  price: () => null,
  period: rule,
} satisfies CreditKind<'steps', z.output<typeof schema>>;

class Steps implements PeriodCredit {
  readonly #tables: readonly StepTable[];
  /** Points credited per period and step table (t × S + j). */
  readonly #credited: Float64Array;

  constructor(tables: readonly StepTable[], T: number) {
    this.#tables = tables;
    this.#credited = new Float64Array(T * tables.length);
  }

  begin(): void {
    this.#credited.fill(0);
  }

  beforeCredit(): void {}

  afterCredit(w: Walk, t: number): void {
    const { T, A, count, cp, windowFrom } = w;
    const S = this.#tables.length;
    for (let j = 0; j < S; j++) {
      const { a, at, points } = this.#tables[j]!;
      const have = windowSum(count, cp, T, A, a, windowFrom, t);
      let level = 0;
      for (let s = 0; s < at.length; s++) if (have >= (at[s] as number)) level = points[s] as number;
      let already = 0;
      for (let s = windowFrom; s < t; s++) already += this.#credited[s * S + j] as number;
      const inc = level - already;
      if (inc > 0) {
        this.#credited[t * S + j] = inc;
        w.bonus(a, inc, t);
      }
    }
  }
}
