/** `clawback`: each credit taken back, as the replay recorded it (DetailedLedger.clawbacks). */
import type { RuleNote, RuleNoteSource } from './rule-note.js';

export const clawbackNotes: RuleNoteSource = (ledger, p) =>
  (ledger.clawbacks[p] ?? []).map((c): RuleNote => {
    const activity = ledger.activityIds[c.activity] ?? '';
    const why = c.by === activity ? `refunded (a negative amount of ${activity})` : `${c.by}`;
    return { t: c.t, rule: 'clawback', text: `${activity} ${c.value} taken back: ${why}`, points: -c.points };
  });
