/**
 * The rule-note sources a statement lists (see rule-note.ts). A rule whose effect the
 * per-activity figures do not show adds one module and one line here.
 */
import type { DetailedLedger } from '../../engine/ledger.js';
import { bestTrackNotes } from './best-track.js';
import { clawbackNotes } from './clawback.js';
import { dayWindowNotes } from './day-window.js';
import { datedChangeNotes } from './dated-change.js';
import { graceNotes } from './grace.js';
import { launchNotes } from './launch.js';
import type { RuleNote, RuleNoteSource } from './rule-note.js';
import { termNotes } from './term.js';
import { windowRoundingNotes } from './window-rounding.js';

export const RULE_NOTES: readonly RuleNoteSource[] = [datedChangeNotes, clawbackNotes, dayWindowNotes, graceNotes, launchNotes, termNotes, windowRoundingNotes, bestTrackNotes];

/** Every source's notes for partner p, in period order (sources in list order within a period). */
export function ruleNotes(ledger: DetailedLedger, p: number): RuleNote[] {
  const notes = RULE_NOTES.flatMap((source) => source(ledger, p));
  // Array.prototype.sort is stable: within a period the sources keep their order.
  return notes.sort((a, b) => a.t - b.t);
}

export type { RuleNote, RuleNoteSource } from './rule-note.js';
