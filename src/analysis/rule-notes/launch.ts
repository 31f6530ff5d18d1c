/** `launch`: opening balances, and the evaluations at which a grandfathered tier was kept. */
import type { RuleNote, RuleNoteSource } from './rule-note.js';

export const launchNotes: RuleNoteSource = (ledger, p) => {
  const launch = ledger.program.launch;
  if (launch === undefined) return [];
  const T = ledger.periods.length;
  const name = (k: number): string => (k >= 0 ? (ledger.tierNames[k] ?? '') : 'no tier');
  const level = ledger.partners[p]?.legacyLevel.trim() ?? '';
  const notes: RuleNote[] = [];
  const opening = ledger.openingPoints[p] ?? 0;
  if (opening > 0 && T > 0) notes.push({ t: 0, rule: 'launch.opening_points', text: `opening balance${level !== '' ? ` (legacy ${level})` : ''}`, points: opening });
  for (let t = 0; t < T; t++) {
    const i = p * T + t;
    if ((ledger.grandfathered[i] ?? 0) !== 1) continue;
    const text = `${name(ledger.tier[i] ?? -1)} held until ${launch.until} (grandfathered from legacy ${level}; the window qualified for ${name(ledger.qualifiedTier[i] ?? -1)})`;
    notes.push({ t, rule: 'launch.grandfather', text, points: null });
  }
  return notes;
};
