/**
 * What every replay of one history shares, whatever the design: the partner index, the
 * canonical order of same-day events, the largest partner's event count, each event's
 * period and activity index for a calendar and activity list (the event plan), and the
 * scratch `distinct` reads. A caller replaying one history many times (compare,
 * sensitivity, simulate, calibrate) prepares it once and passes it to every `compile`;
 * nothing is cached behind the caller's back (no module-level state).
 *
 * Replays of one PreparedHistory run one at a time: a replay is synchronous and calls
 * nothing that replays, so the scratch it lends is never in use twice.
 */
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { indexPartners, type PartnerIndex } from './partner-index.js';

export interface EventPlan {
  /** Period of each event in replay order, -1 outside the calendar (ignored). */
  readonly period: Int32Array;
  /** Activity index of each event in replay order, -1 for an activity the design does not list. */
  readonly activity: Int32Array;
}

/**
 * The `distinct` state lent to a replay: per value v of an activity's distinct column,
 * `cells[2v]` the stamp of the partner that last credited it and `cells[2v + 1]` the
 * period. Every replay takes a fresh range of stamps (`stamp + p` for partner p), so what
 * earlier replays left never matches and the cells need no clearing (4.9 MB on the 1M-row
 * bench history, a page fault per 4 KB when allocated anew).
 */
export interface DistinctScratch {
  readonly cells: Int32Array;
  readonly stamp: number;
}

export interface PreparedHistory {
  readonly store: EventStore;
  readonly partners: PartnerIndex;
  /**
   * Replay order of the events when some partner has several events on one day: the
   * store keeps file order within a day, and caps, `distinct` and category clipping must
   * not depend on it, so same-day events are put in a canonical order (activity, amount,
   * quantity, then every dimension's value). Null when no reordering is needed.
   */
  readonly order: Uint32Array | null;
  /** Most events of one partner (scratch sizing). */
  readonly maxPartnerEvents: number;
  /** The event plan for a calendar (its days and period of each day) and a design's activity list; the last one is kept and reused when the tables' contents match. */
  planFor(firstDay: number, lastDay: number, periodOfDay: Int32Array, activityOfCode: Int32Array): EventPlan;
  /** `distinct` cells for `size` values and a fresh range of `partners` stamps. */
  distinctScratch(size: number, partners: number): DistinctScratch;
}

export function prepareHistory(store: EventStore, partners?: PartnerTable): PreparedHistory {
  return new Prepared(store, indexPartners(store, partners));
}

class Prepared implements PreparedHistory {
  readonly maxPartnerEvents: number;
  /** The canonical order, computed on the first compile (undefined before): a caller that only checks the data never pays for it. */
  #order: Uint32Array | null | undefined;
  #plan: { readonly key: PlanKey; readonly plan: EventPlan } | undefined;
  #cells: Int32Array = new Int32Array(0);
  #nextStamp = 0;

  constructor(
    readonly store: EventStore,
    readonly partners: PartnerIndex,
  ) {
    this.maxPartnerEvents = maxRange(store);
  }

  get order(): Uint32Array | null {
    if (this.#order === undefined) this.#order = canonicalOrder(this.store);
    return this.#order;
  }

  planFor(firstDay: number, lastDay: number, periodOfDay: Int32Array, activityOfCode: Int32Array): EventPlan {
    const kept = this.#plan;
    if (kept !== undefined && kept.key.firstDay === firstDay && kept.key.lastDay === lastDay && sameContents(kept.key.periodOfDay, periodOfDay) && sameContents(kept.key.activityOfCode, activityOfCode)) {
      return kept.plan;
    }
    const plan = planOf(this.store, this.order, firstDay, lastDay, periodOfDay, activityOfCode);
    // Copies of the tables: a later compile's may be new arrays of equal contents.
    this.#plan = { key: { firstDay, lastDay, periodOfDay: periodOfDay.slice(), activityOfCode: activityOfCode.slice() }, plan };
    return plan;
  }

  distinctScratch(size: number, partners: number): DistinctScratch {
    if (this.#cells.length < 2 * size || this.#nextStamp + partners > 0x7fffffff) {
      this.#cells = new Int32Array(2 * size).fill(-1);
      this.#nextStamp = 0;
    }
    const stamp = this.#nextStamp;
    this.#nextStamp += partners;
    return { cells: this.#cells, stamp };
  }
}

interface PlanKey {
  readonly firstDay: number;
  readonly lastDay: number;
  readonly periodOfDay: Int32Array;
  readonly activityOfCode: Int32Array;
}

function sameContents(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function planOf(store: EventStore, order: Uint32Array | null, firstDay: number, lastDay: number, periodOfDay: Int32Array, activityOfCode: Int32Array): EventPlan {
  const n = store.size;
  const day = store.day;
  const activityCol = store.activity;
  const period = new Int32Array(n);
  const activity = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const i = order !== null ? (order[s] as number) : s;
    const d = day[i] as number;
    period[s] = d < firstDay || d > lastDay ? -1 : (periodOfDay[d - firstDay] as number);
    activity[s] = activityOfCode[activityCol[i] as number] as number;
  }
  return { period, activity };
}

function identity(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  return order;
}

function canonicalOrder(store: EventStore): Uint32Array | null {
  const { day, partner, activity, amount, quantity } = store;
  const dims = Object.keys(store.dimensions)
    .sort()
    .map((name) => (store.dimensions[name] as { codes: Uint32Array }).codes);
  const before = (a: number, b: number): boolean => {
    let d = (activity[a] as number) - (activity[b] as number);
    if (d !== 0) return d < 0;
    d = (amount[a] as number) - (amount[b] as number);
    if (d !== 0) return d < 0;
    d = (quantity[a] as number) - (quantity[b] as number);
    if (d !== 0) return d < 0;
    for (const codes of dims) {
      d = (codes[a] as number) - (codes[b] as number);
      if (d !== 0) return d < 0;
    }
    return false;
  };
  let order: Uint32Array | null = null;
  const n = store.size;
  for (let i = 1; i < n; i++) {
    if (day[i] !== day[i - 1] || partner[i] !== partner[i - 1]) continue;
    // Insertion sort of the same-day run so far (runs are short: a few events of one partner on one day).
    const x = order !== null ? (order[i] as number) : i;
    let j = i;
    while (j > 0 && day[j - 1] === day[i] && partner[j - 1] === partner[i]) {
      const y = order !== null ? (order[j - 1] as number) : j - 1;
      if (!before(x, y)) break;
      if (order === null) order = identity(n);
      order[j] = y;
      j--;
    }
    if (order !== null) order[j] = x;
  }
  return order;
}

function maxRange(store: EventStore): number {
  let max = 0;
  for (let p = 0; p < store.partnerIds.length; p++) {
    max = Math.max(max, (store.partnerStart[p + 1] ?? 0) - (store.partnerStart[p] ?? 0));
  }
  return max;
}
