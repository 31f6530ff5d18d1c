/**
 * `requires:` on an activity (a gate): the activity's points are credited only while, in
 * the tier window, the named activities reach their counts (or distinct values). Points
 * earned while the gate is closed are withheld (counted as capped); when the gate opens
 * later in the same window they are released, through the caps, before that period's
 * own events (they are older).
 */
import { z } from 'zod';
import { figure } from '../../program/figures.js';
import type { CompiledProgram } from '../compile.js';
import { windowSum } from '../window-sum.js';
import type { CreditKind } from './credit-kind.js';
import type { PeriodCredit, PeriodRule, Walk } from './period-credit.js';

const schema = z.strictObject({
  activities: z.record(z.string(), figure().int().positive()).optional(),
  distinct: z.record(z.string(), figure().int().positive()).optional(),
});

interface Gated {
  readonly a: number;
  /** The activities whose window counts open the gate, and the counts. */
  readonly on: Int32Array;
  readonly need: Float64Array;
}

const rule: PeriodRule = {
  key: 'requires',
  create(c: CompiledProgram): PeriodCredit | null {
    const index = c.activityIndex;
    const gated: Gated[] = [];
    c.activityIds.forEach((id, a) => {
      const requires = c.program.activities[id]?.requires;
      if (requires === undefined) return;
      const pairs = [...Object.entries(requires.activities ?? {}), ...Object.entries(requires.distinct ?? {})];
      if (pairs.length === 0) return;
      gated.push({ a, on: Int32Array.from(pairs, ([name]) => index.get(name) ?? -1), need: Float64Array.from(pairs, ([, n]) => n) });
    });
    return gated.length === 0 ? null : new Gates(gated);
  },
};

export const gates = {
  key: 'requires',
  role: 'modifier',
  shape: {
    requires: schema
      .optional()
      .describe('Gate: the activity scores only when, in the window, the named activities reach these counts (or distinct values).'),
  },
  // A gated activity's next occurrence may be withheld: no fixed price.
  price: () => null,
  period: rule,
} satisfies CreditKind<'requires', z.output<typeof schema>>;

class Gates implements PeriodCredit {
  readonly #gated: readonly Gated[];

  constructor(gated: readonly Gated[]) {
    this.#gated = gated;
  }

  begin(w: Walk): void {
    w.withheld.fill(0);
  }

  /** Opens or closes each gate on the window's counts (this period's included), then releases what an open gate withheld earlier in the window. */
  beforeCredit(w: Walk, t: number): void {
    const { T, A, count, cp, windowFrom, gateOpen, withheld } = w;
    const G = this.#gated.length;
    for (let g = 0; g < G; g++) {
      const { a, on, need } = this.#gated[g]!;
      let open = 1;
      for (let j = 0; j < on.length; j++) {
        const b = on[j] as number;
        const have = b >= 0 ? windowSum(count, cp, T, A, b, windowFrom, t) : 0;
        if (have < (need[j] as number)) open = 0;
      }
      gateOpen[a] = open;
    }
    for (let g = 0; g < G; g++) {
      const a = this.#gated[g]!.a;
      if (gateOpen[a] === 0) continue;
      let release = 0;
      for (let s = windowFrom; s < t; s++) {
        release += withheld[s * A + a] as number;
        withheld[s * A + a] = 0;
      }
      if (release > 0) {
        if (w.detail) {
          const i = (w.ap * T + t) * A + a;
          w.releasedPts[i] = (w.releasedPts[i] as number) + release;
        }
        w.clip(a, release, t);
      }
    }
  }

  afterCredit(): void {}
}
