/** `grace_periods`: the evaluations at which a partner kept a tier it no longer qualified for. */
import type { RuleNoteSource } from './rule-note.js';

export const graceNotes: RuleNoteSource = (ledger, p) => {
  const T = ledger.periods.length;
  const name = (k: number): string => (k >= 0 ? (ledger.tierNames[k] ?? '') : 'no tier');
  const notes = [];
  for (let t = 0; t < T; t++) {
    const i = p * T + t;
    if ((ledger.inGrace[i] ?? 0) !== 1) continue;
    const held = ledger.tier[i] ?? -1;
    const qualified = ledger.qualifiedTier[i] ?? -1;
    notes.push({ t, rule: 'grace_periods', text: `${name(held)} kept by a grace period (the window qualified for ${name(qualified)})`, points: null });
  }
  return notes;
};
