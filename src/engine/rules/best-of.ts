/**
 * `best_of:` groups: of a group's activities, the group may hold over the window the
 * largest window total of any one member. Each period is credited the increment over
 * what the group already got in the window's earlier periods (at most the winner's points
 * of this period), all to the winner (ties: the first member listed); everything else is
 * removed as capped. Settled after every other credit of the period.
 */
import type { CompiledProgram } from '../compile.js';
import type { PeriodCredit, PeriodRule, Walk } from './period-credit.js';

export const bestOf: PeriodRule = {
  key: 'best_of',
  create(c: CompiledProgram): PeriodCredit | null {
    const index = c.activityIndex;
    const groups = Object.values(c.program.best_of ?? {}).map((members) =>
      Int32Array.from(members.map((id) => index.get(id) ?? -1).filter((a) => a >= 0)),
    );
    return groups.length === 0 ? null : new BestOf(groups, c.calendar.periods.length);
  },
};

class BestOf implements PeriodCredit {
  readonly #groups: readonly Int32Array[];
  /** Per group, the offset of its members in the per-period member columns. */
  readonly #offset: Int32Array;
  /** Members over all groups. */
  readonly #M: number;
  /** Per period and member (t × M + off + j): the member's points before the group was settled. */
  readonly #pre: Float64Array;
  /** Per period and group (t × G + g): what the group was credited. */
  readonly #credited: Float64Array;

  constructor(groups: readonly Int32Array[], T: number) {
    this.#groups = groups;
    this.#offset = new Int32Array(groups.length);
    let M = 0;
    groups.forEach((g, gi) => {
      this.#offset[gi] = M;
      M += g.length;
    });
    this.#M = M;
    this.#pre = new Float64Array(Math.max(1, T * M));
    this.#credited = new Float64Array(Math.max(1, T * groups.length));
  }

  begin(): void {
    this.#pre.fill(0);
    this.#credited.fill(0);
  }

  beforeCredit(): void {}

  afterCredit(w: Walk, t: number): void {
    const G = this.#groups.length;
    for (let g = 0; g < G; g++) this.#settle(w, g, t);
  }

  #settle(w: Walk, g: number, t: number): void {
    const { T, A, C, points, capped, catLocal, categoryOf, windowFrom } = w;
    const pre = this.#pre;
    const M = this.#M;
    const G = this.#groups.length;
    const members = this.#groups[g] as Int32Array;
    const off = this.#offset[g] as number;
    const apt = w.ap * T + t;
    let winner = -1;
    let best = -1;
    for (let j = 0; j < members.length; j++) {
      const a = members[j] as number;
      pre[t * M + off + j] = points[apt * A + a] as number;
      let sum = 0;
      for (let s = windowFrom; s <= t; s++) sum += pre[s * M + off + j] as number;
      if (sum > best) {
        best = sum;
        winner = j;
      }
    }
    let already = 0;
    for (let s = windowFrom; s < t; s++) already += this.#credited[s * G + g] as number;
    let inc = best - already;
    const own = pre[t * M + off + winner] as number;
    if (inc > own) inc = own;
    if (inc < 0) inc = 0;
    this.#credited[t * G + g] = inc;
    for (let j = 0; j < members.length; j++) {
      const a = members[j] as number;
      const i = apt * A + a;
      const removed = (pre[t * M + off + j] as number) - (j === winner ? inc : 0);
      if (removed <= 0) continue;
      points[i] = (points[i] as number) - removed;
      capped[i] = (capped[i] as number) + removed;
      const ic = t * C + (categoryOf[a] as number);
      catLocal[ic] = (catLocal[ic] as number) - removed;
    }
  }
}
