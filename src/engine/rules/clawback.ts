/**
 * `clawback: { match, when?, within_months? }` on an activity: points held only while
 * what earned them lasts. A reversing row (a row of the history activity `when`: a lapse,
 * a cancellation; without `when`, a row of the activity itself with a negative amount: a
 * refund) takes back the credit of the partner's earlier rows of the activity that have
 * the same value in the `match` column (the deal, subscription or certificate id):
 *
 * - what is taken back is what those rows were credited (after multipliers, promotions,
 *   the accelerator, rounding and the caps), less what an earlier reversal took: never
 *   more than was given, so a capped row gives back only what it was credited;
 * - a `when` row takes all of it; a refund row takes the share of the rows' amount it
 *   refunds (a refund of −3,000 on a deal of 12,000 takes back a quarter of its credit),
 *   the oldest rows first; a row without an amount is taken back whole;
 * - `within_months`: only rows at most that many months older than the reversal;
 * - it is booked in the period of the reversing row (tiers already evaluated are not
 *   rewritten), after everything else the period credited; the tier window counts
 *   earned − clawed back, so the next evaluation reads the loss; caps are not refunded
 *   (they limit what is credited); the balance gives the points back the oldest lots first
 *   and, when it cannot, goes negative: a debt later earnings repay (redemption.ts).
 *
 * Rows whose credit is not theirs alone cannot be taken back one by one, so an activity
 * with a clawback scores per row (`points` or `points_per`), has no gate (`requires`) and
 * is in no `best_of` group (semantic errors otherwise).
 */
import { z } from 'zod';
import { figure, name } from '../../program/figures.js';
import { daysFromCivil, formatDay } from '../../history/day.js';
import type { CompiledProgram } from '../compile.js';
import type { CreditKind } from './credit-kind.js';
import type { PeriodCredit, PeriodRule, Walk } from './period-credit.js';

const schema = z.strictObject({
  match: name.describe('History column naming what earned the credit (a deal, subscription or certificate id): the same value on the earning and the reversing row.'),
  when: name
    .optional()
    .describe('History activity whose rows take the credit back (a lapse, a cancellation); left out, rows of this activity with a negative amount do (refunds), in proportion to the amount.'),
  within_months: figure().int().positive().optional().describe('Only rows at most this many months older than the reversing row are taken back.'),
});

type ClawbackDesign = z.output<typeof schema>;

interface CompiledClawback {
  /** The activity whose credit is taken back. */
  readonly a: number;
  /** Store activity code of the reversing rows' activity; -1: refund rows of the activity itself. */
  readonly whenCode: number;
  readonly by: string;
  /** Codes of the match column per store event (0: blank, never matches). */
  readonly match: Uint32Array;
  readonly values: readonly string[];
  readonly withinMonths: number;
}

const rule: PeriodRule = {
  key: 'clawback',
  create(c: CompiledProgram): PeriodCredit | null {
    const list: CompiledClawback[] = [];
    c.activityIds.forEach((id, a) => {
      const design = c.program.activities[id]?.clawback;
      if (design === undefined) return;
      const dim = c.store.dimensions[design.match];
      const by = design.when ?? id;
      list.push({
        a,
        whenCode: design.when !== undefined ? c.store.activityIds.indexOf(design.when) : -1,
        by,
        // A match column absent from the history: every row is blank, and nothing is taken back.
        match: dim?.codes ?? new Uint32Array(c.store.size),
        values: dim?.values ?? [''],
        withinMonths: design.within_months ?? 0,
      });
    });
    return list.length === 0 ? null : new Clawbacks(list, c);
  },
};

export const clawback = {
  key: 'clawback',
  role: 'modifier',
  shape: {
    clawback: schema
      .optional()
      .describe('Points held only while what earned them lasts: a later lapse, cancellation or refund row with the same `match` value takes the credit back.'),
  },
  check(ctx, id, value) {
    const activity = ctx.data.activities?.[id] as Readonly<Record<string, unknown>> | undefined;
    const perRow = activity !== undefined && (activity['points'] !== undefined || activity['points_per'] !== undefined);
    if (activity !== undefined && !perRow && (activity['steps'] !== undefined || activity['target'] !== undefined)) {
      ctx.sink.report({
        code: 'clawback-needs-row-credit',
        message: `activity \`${id}\` has a clawback, but it credits per period (\`${activity['steps'] !== undefined ? 'steps' : 'target'}\`), not per row: there is no row's credit to take back`,
        path: ['activities', id, 'clawback'],
        part: 'key',
        hint: 'a clawback takes back what a row was credited: give the activity `points` or `points_per`',
      });
    }
    if (activity?.['requires'] !== undefined) {
      ctx.sink.report({
        code: 'clawback-with-gate',
        message: `activity \`${id}\` has both a clawback and a gate (\`requires\`): a gate releases withheld points as the activity's, not a row's, so they cannot be taken back row by row`,
        path: ['activities', id, 'clawback'],
        part: 'key',
        hint: 'drop one of the two, or split the activity in two',
      });
    }
    for (const [group, members] of Object.entries(ctx.data.best_of ?? {})) {
      if (!members.includes(id)) continue;
      ctx.sink.report({
        code: 'clawback-in-best-of',
        message: `activity \`${id}\` has a clawback and is in the \`best_of\` group \`${group}\`, which keeps or drops its points per window, not per row`,
        path: ['activities', id, 'clawback'],
        part: 'key',
        hint: `remove \`${id}\` from \`best_of.${group}\`, or drop the clawback`,
      });
    }
    if (value.when === id) {
      ctx.sink.report({
        code: 'clawback-when-itself',
        message: `\`clawback.when\` of \`${id}\` names the activity itself: its own rows would take back their own points`,
        path: ['activities', id, 'clawback', 'when'],
        hint: 'leave `when` out for refund rows (a negative amount) of the activity itself, or name the reversing activity (e.g. `subscription_lapsed`)',
      });
    }
    // `when` is a history activity: it may be in the design (and score its own way too) or
    // only in the data; a name the history does not hold is a data warning (check-design-values.ts).
  },
  // A reversal is not bought; an activity's price is its credit, taken back or not.
  period: rule,
} satisfies CreditKind<'clawback', ClawbackDesign>;

/** The day `months` calendar months before `day` (the day of month clamped to the month). */
function monthsBefore(day: number, months: number): number {
  const iso = formatDay(day);
  const y = Number(iso.slice(0, 4));
  const m0 = Number(iso.slice(5, 7)) - 1 - months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m0 / 12);
  const month0 = ((m0 % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  return daysFromCivil(year, month0 + 1, Math.min(d, last));
}

class Clawbacks implements PeriodCredit {
  readonly #list: readonly CompiledClawback[];
  /** Per store activity code, 1 + the index of the clawback its rows reverse (0: none). */
  readonly #reverses: Int32Array;
  /** Per activity index, 1 + the index of its clawback (0: none). */
  readonly #of: Int32Array;
  readonly #activity: Uint16Array;
  readonly #amount: Float64Array;
  readonly #day: Int32Array;
  /** Per event of the partner (k): the amount of the row not yet refunded (refunds split it). */
  #amountLeft: Float64Array;

  constructor(list: readonly CompiledClawback[], c: CompiledProgram) {
    this.#list = list;
    this.#reverses = new Int32Array(c.store.activityIds.length);
    this.#of = new Int32Array(c.activityIds.length);
    list.forEach((x, j) => {
      if (x.whenCode >= 0) this.#reverses[x.whenCode] = j + 1;
      this.#of[x.a] = j + 1;
    });
    this.#activity = c.store.activity;
    this.#amount = c.store.amount;
    this.#day = c.store.day;
    this.#amountLeft = new Float64Array(c.maxPartnerEvents);
  }

  begin(w: Walk): void {
    const m = w.eventCount;
    for (let k = 0; k < m; k++) this.#amountLeft[k] = this.#amount[w.storeIndex(k)] as number;
  }

  beforeCredit(): void {}

  /** Settles the period's reversing rows, in replay order, after everything the period credited. */
  afterCredit(w: Walk, t: number): void {
    const { evAct, evCredit } = w;
    for (let k = w.periodFrom; k < w.periodTo; k++) {
      const i = w.storeIndex(k);
      const a = evAct[k] as number;
      let j = (this.#reverses[this.#activity[i] as number] as number) - 1;
      let refund = 0;
      if (j < 0) {
        // A refund: a row of an activity with a clawback and no `when`, whose amount is negative.
        if (a < 0) continue;
        const own = (this.#of[a] as number) - 1;
        if (own < 0 || this.#list[own]!.whenCode >= 0 || !((this.#amount[i] as number) < 0)) continue;
        j = own;
        refund = -(this.#amount[i] as number);
      }
      const x = this.#list[j]!;
      const value = x.match[i] as number;
      if (value === 0) continue;
      const from = x.withinMonths > 0 ? monthsBefore(this.#day[i] as number, x.withinMonths) : -Infinity;
      let taken = 0;
      const isRefund = refund > 0;
      // Earlier rows of the activity with the same value, the oldest first.
      for (let e = 0; e < k && !(isRefund && refund <= 0); e++) {
        if (evAct[e] !== x.a) continue;
        const ie = w.storeIndex(e);
        if (x.match[ie] !== value || (this.#day[ie] as number) < from) continue;
        const held = evCredit[e] as number;
        if (!(held > 0)) continue;
        let share = 1;
        if (refund > 0) {
          const left = this.#amountLeft[e] as number;
          if (left > 0) {
            const part = refund < left ? refund : left;
            share = part / left;
            this.#amountLeft[e] = left - part;
            refund -= part;
          }
        }
        const back = held * share;
        evCredit[e] = held - back;
        taken += back;
      }
      if (taken > 0) w.takeBack(x.a, taken, t, this.#day[i] as number, x.by, x.values[value] ?? '');
    }
  }
}
