/**
 * The seam for credit rules that act at a period's end rather than per event (gates,
 * steps, targets, best_of groups): each is a PeriodRule in rules/index.ts, compiled to a
 * PeriodCredit the walk calls for every partner and period. What a rule may read and
 * write of the walk is the Walk interface: counts and amounts of the window, the
 * partner's credited points, and `credit` (accelerator, rounding, gate, caps: the same
 * path as an event's points) or `clip` (caps only).
 */
import type { CompiledProgram } from '../compile.js';

export interface Walk {
  readonly T: number;
  readonly A: number;
  readonly C: number;
  /** Whether the per-activity breakdown arrays (base, released...) are written. */
  readonly detail: boolean;
  /** The partner being scored (ledger index). */
  readonly p: number;
  /** Row of the partner in `count` ((cp × T + t) × A + a) and in the points arrays ((ap × T + t) × A + a). */
  readonly cp: number;
  readonly ap: number;
  /** First period of the tier window ending at the current period. */
  readonly windowFrom: number;
  /** Activity counts (occurrences, distinct values, staged shares). */
  readonly count: Float64Array;
  /** The partner's amount per period and activity (t × A + a), kept only when a rule's `activityAmounts` asks. */
  readonly amountByActivity: Float64Array;
  /** Credited and capped points per activity. */
  readonly points: Float64Array;
  readonly capped: Float64Array;
  readonly releasedPts: Float64Array;
  /** The partner's points per period and category (t × C + c). */
  readonly catLocal: Float64Array;
  /** Per activity, 0 while a gate withholds its points (gates write it before the period's events are credited). */
  readonly gateOpen: Uint8Array;
  /** The partner's points withheld by a closed gate per period and activity (t × A + a): `credit` adds to it, the gate rule releases and clears it. */
  readonly withheld: Float64Array;
  readonly categoryOf: Int32Array;
  /** The partner's events (k = 0 .. eventCount − 1, in replay order), and those of the current period: periodFrom .. periodTo − 1. */
  readonly eventCount: number;
  readonly periodFrom: number;
  readonly periodTo: number;
  /** Per event k: its activity index (-1: not scored; -2: a row only a rule reads, such as a clawback's reversal). */
  readonly evAct: Int32Array;
  /** Per event k: the points it was credited (after the accelerator, rounding and caps; 0 while a gate withheld them); a clawback lowers it as it takes them back. */
  readonly evCredit: Float64Array;
  /** The store index of event k (for the store's columns). */
  storeIndex(k: number): number;
  /** Takes back `points` of activity a's credit in period t, on `day` (a reversal of `by`'s row with `value`): clawedBack, the category's window points, the detail. */
  takeBack(a: number, points: number, t: number, day: number, by: string, value: string): void;
  /** Credits `pre` points of activity a in period t through the accelerator, rounding, the gate and the caps. */
  credit(a: number, pre: number, t: number): void;
  /** Credits `points` of activity a that belong to no row (step increments, target bonuses): counted as base points, then `credit`. */
  bonus(a: number, points: number, t: number): void;
  /** Credits `v` points of activity a in period t through its caps only. */
  clip(a: number, v: number, t: number): void;
}

export interface PeriodCredit {
  /** Before a partner's first period: reset the rule's per-partner state. */
  begin(w: Walk): void;
  /** After period t's events are counted, before they are credited. */
  beforeCredit(w: Walk, t: number): void;
  /** After period t's events (and the rules before this one) are credited. */
  afterCredit(w: Walk, t: number): void;
}

export interface PeriodRule {
  /** The design key the rule reads, for messages and docs. */
  readonly key: string;
  /** Whether the walk must keep the partner's amount per activity (amountByActivity) for it. */
  readonly activityAmounts?: boolean;
  /** The rule's state for one replay, or null when the design does not use it. */
  create(c: CompiledProgram): PeriodCredit | null;
}
