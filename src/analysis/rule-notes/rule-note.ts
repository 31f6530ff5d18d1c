/**
 * A rule acting on one partner in one period, as a statement line: "Q3: −400 points,
 * subscription S-17 lapsed", "Gold kept by grace", "category total 13.333 rounded to
 * 13.3". Each rule that changes points or tiers in ways the per-activity figures do not
 * show has a source module here, reading only the DetailedLedger (the facts the replay
 * recorded), never the compiler or the raw history.
 */
import type { DetailedLedger } from '../../engine/ledger.js';

export interface RuleNote {
  /** Index of the period (into ledger.periods); the statement prints its label. */
  readonly t: number;
  /** The rule's design key, e.g. `grace_periods`, `clawback`, `term`. */
  readonly rule: string;
  /** What happened, in words (ids, not labels: renderers do not rewrite it). */
  readonly text: string;
  /** Points the rule added (> 0) or took (< 0) in the period; null when it moved no points. */
  readonly points: number | null;
}

/** One rule's notes for partner p, in period order. */
export type RuleNoteSource = (ledger: DetailedLedger, p: number) => RuleNote[];
