/** `calendar.term`: the evaluations at which a term kept a tier the partner no longer qualified for. */
import { formatDay } from '../../history/day.js';
import type { RuleNote, RuleNoteSource } from './rule-note.js';

export const termNotes: RuleNoteSource = (ledger, p) => {
  const T = ledger.periods.length;
  const name = (k: number): string => (k >= 0 ? (ledger.tierNames[k] ?? '') : 'no tier');
  const notes: RuleNote[] = [];
  for (let t = 0; t < T; t++) {
    const i = p * T + t;
    if ((ledger.termHeld[i] ?? 0) !== 1) continue;
    const text = `${name(ledger.tier[i] ?? -1)} held until ${formatDay(ledger.termEnd[i] ?? 0)} (term; the window qualified for ${name(ledger.qualifiedTier[i] ?? -1)})`;
    notes.push({ t, rule: 'calendar.term', text, points: null });
  }
  return notes;
};
