/**
 * `changes:`: where a dated change takes effect in the statement's periods: the period
 * whose rows it splits (those from its day score under it) and the first period whose
 * evaluation reads it (the ledger's `periodVersion`). The same for every partner: the
 * design changed, not the partner.
 */
import { parseDay } from '../../history/day.js';
import { setText } from '../design-versions.js';
import type { RuleNote, RuleNoteSource } from './rule-note.js';

export const datedChangeNotes: RuleNoteSource = (ledger) => {
  const changes = ledger.program.changes ?? [];
  const notes: RuleNote[] = [];
  changes.forEach((change, i) => {
    const day = parseDay(change.effective);
    if (typeof day !== 'number') return;
    const what = `the change of ${change.effective} (${setText(change.set)})`;
    const split = ledger.periods.findIndex((p) => p.start < day && day <= p.end);
    const evaluated = ledger.periods.findIndex((_, t) => (ledger.periodVersion[t] ?? 0) >= i + 1);
    if (split >= 0) {
      const also = evaluated === split ? '; the period is evaluated under it' : '';
      notes.push({ t: split, rule: 'changes', text: `rows from ${change.effective} score under ${what}, earlier rows under the version before${also}`, points: null });
    }
    if (evaluated >= 0 && evaluated !== split) notes.push({ t: evaluated, rule: 'changes', text: `from this period on, rows and evaluations follow ${what}`, points: null });
  });
  return notes;
};
