/**
 * The record of which column multipliers applied to each partner's scored events, kept
 * by the scoring pass in detail mode (DetailedLedger.appliedFactors) so that a statement
 * names the factors a partner met without compiling the design again or re-reading its
 * events.
 *
 * Scoring reports (activity, column, value code) for every factor other than 1 it
 * multiplies by; code 0 (a blank value) stands for the partner's own value, the fallback
 * scoring used. A cell per (activity, column, code) stamped with the partner keeps each
 * triple once per partner, so an event costs one array read when its factor is already
 * known; the strings are resolved once per partner, when it is done.
 */
import type { CompiledProgram } from './compile.js';
import type { AppliedFactor } from './ledger.js';

/** The list of a partner that met no factor, shared (plain data: nothing writes it). */
export const NO_FACTORS: readonly AppliedFactor[] = Object.freeze([]);

export class FactorRecorder {
  /** Per activity, the slot of its first multiplier column (its columns are consecutive slots). */
  readonly #first: Int32Array;
  /** Per slot, where its cells start in #seen: one per value code of the column (at least one, code 0). */
  readonly #offset: Int32Array;
  /** Per cell, 1 + the last partner that met it (0: none yet; the recorder lives for one replay). */
  readonly #seen: Int32Array;
  /** What the current partner met first: activity, column, code, flat. */
  readonly #found: number[] = [];
  readonly #c: CompiledProgram;
  /** Per slot, the column's name in the design. */
  readonly #columns: string[] = [];

  constructor(c: CompiledProgram) {
    this.#c = c;
    const first = new Int32Array(c.activities.length);
    const offsets: number[] = [];
    let cells = 0;
    for (const act of c.activities) {
      first[act.index] = offsets.length;
      // compile.ts builds `multipliers` from the design's table in its key order.
      const names = Object.keys(c.program.activities[act.id]?.multipliers ?? {});
      act.multipliers.forEach((column, j) => {
        offsets.push(cells);
        this.#columns.push(names[j] ?? '');
        cells += Math.max(1, column.byCode.length);
      });
    }
    this.#first = first;
    this.#offset = Int32Array.from(offsets);
    this.#seen = new Int32Array(cells);
  }

  /** Partner p's event of activity a met value code v of its multiplier column j, with a factor other than 1. */
  note(p: number, a: number, j: number, v: number): void {
    const cell = (this.#offset[(this.#first[a] as number) + j] as number) + v;
    if (this.#seen[cell] === p + 1) return;
    this.#seen[cell] = p + 1;
    this.#found.push(a, j, v);
  }

  /** What partner p met, in the order DetailedLedger.appliedFactors documents; forgets it for the next partner. */
  take(p: number): readonly AppliedFactor[] {
    const found = this.#found;
    if (found.length === 0) return NO_FACTORS;
    const { activities, store, partners } = this.#c;
    const out: { activity: number; j: number; column: string; value: string; factor: number }[] = [];
    for (let i = 0; i < found.length; i += 3) {
      const a = found[i] as number;
      const j = found[i + 1] as number;
      const v = found[i + 2] as number;
      const table = activities[a]!.multipliers[j]!;
      const column = this.#columns[(this.#first[a] as number) + j] as string;
      const dim = store.dimensions[column];
      // The fallback scoring took (compile.ts): the partners file for a history column, the partner's attribute otherwise.
      const value = v !== 0 ? (dim?.values[v] ?? '') : ((dim !== undefined ? partners.fileAttribute(column) : partners.attribute(column))[p] ?? '');
      out.push({ activity: a, j, column, value, factor: (v !== 0 ? table.byCode[v] : table.byPartner[p]) as number });
    }
    found.length = 0;
    out.sort((x, y) => x.activity - y.activity || x.j - y.j || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
    const list: AppliedFactor[] = [];
    for (const f of out) {
      const prev = list[list.length - 1];
      // An event's value and the partner's fallback can be the same text: one entry (the factor is the same, by value).
      if (prev !== undefined && prev.activity === f.activity && prev.column === f.column && prev.value === f.value) continue;
      list.push({ activity: f.activity, column: f.column, value: f.value, factor: f.factor });
    }
    return list;
  }
}
