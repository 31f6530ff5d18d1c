/**
 * `tracks.mode: best` with a track's `set`: which track the partner kept at each
 * evaluation and what the others reached, e.g. "track sell kept: Gold on 1200 points
 * (market: Gold on 400)". The period's figures are the kept track's; no points move.
 */
import type { RuleNote, RuleNoteSource } from './rule-note.js';

export const bestTrackNotes: RuleNoteSource = (ledger, p) => {
  const names = ledger.trackNames;
  const N = names.length;
  if (N === 0) return [];
  const T = ledger.periods.length;
  const tier = (k: number): string => (k >= 0 ? (ledger.tierNames[k] ?? '') : 'no tier');
  const figure = (x: number): string => String(Number(x.toFixed(2)));
  const notes: RuleNote[] = [];
  for (let t = 0; t < T; t++) {
    const i = p * T + t;
    const kept = ledger.trackKept[i] ?? 0;
    const reached = (j: number): string => `${tier(ledger.trackTiers[i * N + j] ?? -1)} on ${figure(ledger.trackWindowPoints[i * N + j] ?? 0)}`;
    const others = names.flatMap((name, j) => (j === kept ? [] : [`${name}: ${reached(j)}`]));
    notes.push({ t, rule: 'tracks', text: `track ${names[kept]} kept: ${reached(kept)} points${others.length > 0 ? ` (${others.join('; ')})` : ''}`, points: null });
  }
  return notes;
};
