/**
 * `points.round.at` (activity, category or program): the evaluations at which rounding
 * changed the window total the tier read, e.g. "category main window total 13.333 rounded
 * to 13.3". It moves no points (the balance keeps the exact ones), so `points` is null.
 */
import type { DetailedLedger } from '../../engine/ledger.js';
import type { RuleNote, RuleNoteSource } from './rule-note.js';

/** Adjustments smaller than this are the binary noise of sums, not a rounding. */
const NOISE = 1e-9;

export const windowRoundingNotes: RuleNoteSource = (ledger, p) => {
  const round = ledger.program.points.round;
  if (round === undefined || typeof round === 'number' || round.at === 'event') return [];
  const T = ledger.periods.length;
  const C = ledger.categoryIds.length;
  // The exact figure with two decimals more than the rounding keeps (at least 3), the rounded one as kept.
  const exact = (x: number): string => String(Number(x.toFixed(Math.max(3, round.decimals + 2))));
  const kept = (x: number): string => String(Number(x.toFixed(round.decimals)));
  const A = ledger.activityIds.length;
  // Each activity's category, to take clawbacks out of the category's window total (the engine rounds the total net of them).
  const categoryOf = ledger.activityIds.map((id) => ledger.categoryIds.indexOf(ledger.program.activities[id]?.category ?? ''));
  const notes: RuleNote[] = [];
  for (let t = 0; t < T; t++) {
    const i = p * T + t;
    const adjust = ledger.windowRounding[i] ?? 0;
    if (round.at === 'program') {
      if (Math.abs(adjust) <= NOISE) continue;
      const total = ledger.windowPoints[i] ?? 0;
      notes.push({ t, rule: 'points.round', text: `program window total ${exact(total - adjust)} rounded to ${kept(total)} (${round.mode})`, points: null });
      continue;
    }
    for (let c = 0; c < C; c++) {
      const catAdjust = ledger.windowRoundingByCategory[i * C + c] ?? 0;
      if (Math.abs(catAdjust) <= NOISE) continue;
      let sum = 0;
      for (let s = ledger.windowStart[t] ?? 0; s <= t; s++) {
        sum += ledger.pointsByCategory[(p * T + s) * C + c] ?? 0;
        for (let a = 0; a < A; a++) if (categoryOf[a] === c) sum -= ledger.clawedBackPointsByActivity[(p * T + s) * A + a] ?? 0;
      }
      const how = round.at === 'category' ? `rounded to ${kept(sum + catAdjust)} (${round.mode})` : `read as ${kept(sum + catAdjust)} (each activity's total rounded, ${round.mode})`;
      notes.push({ t, rule: 'points.round', text: `category ${ledger.categoryIds[c]} window total ${exact(sum)} ${how}`, points: null });
    }
  }
  return notes;
};
