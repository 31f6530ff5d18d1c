/**
 * Dated changes (`changes:`): each takes effect inside the program's dates, after the one
 * before it, announced no later than it takes effect (and, under `program.notice_days`,
 * that many days before: a warning, as a design may knowingly break its own notice);
 * each path lands somewhere with the right kind of value, in a part of the design a
 * change may set (versions.ts), and every version is still a valid design. Not with
 * tracks scored as programs of their own: each track would need a version of its own.
 */
import { daysBetween, formatDay, parseDay } from '../../history/day.js';
import { applySets, setProblem } from '../paths.js';
import { programSchema, type ProgramData } from '../schema.js';
import { changeSetAllows, CHANGE_PATHS } from '../versions.js';
import { entriesOf, type RuleContext, type SemanticRule } from './context.js';
import { isCalendarDate } from './dates.js';

export const changes: SemanticRule = (ctx: RuleContext) => {
  const list = ctx.data.changes;
  if (list === undefined || list.length === 0) return;
  const { sink } = ctx;
  const starts = ctx.data.program?.starts;
  const ends = ctx.data.program?.ends;
  const noticeDays = ctx.data.program?.notice_days;
  const tracks = ctx.data.tracks;
  if (tracks !== undefined && tracks.mode === 'best' && Object.values(tracks.list).some((t) => t.set !== undefined)) {
    sink.report({
      code: 'changes-with-track-set',
      message: 'dated `changes` and tracks with their own scoring (`set`) cannot be combined: each track would need versions of its own',
      path: ['changes'],
      part: 'key',
      hint: 'give the tracks thresholds only (`min_points`), or model the change as a second design and compare them',
    });
    return;
  }
  let target = { ...ctx.raw, ...ctx.data } as ProgramData;
  let valid = programSchema.safeParse(target).success;
  let previous: string | undefined;
  list.forEach((change, index) => {
    const at = ['changes', index];
    const effective = change.effective;
    const dated = isCalendarDate(effective);
    if (!dated) {
      sink.report({ code: 'impossible-date', message: `${effective} is not a day on the calendar`, path: [...at, 'effective'], hint: 'check the month (01-12) and the day of the month' });
    } else if (starts !== undefined && effective <= starts) {
      sink.report({
        code: 'change-outside-program',
        message: `the change of ${effective} takes effect on or before the program starts (${starts})`,
        path: [...at, 'effective'],
        hint: 'a change in force from the start is the design itself: write the values into the design',
      });
    } else if (ends !== undefined && effective > ends) {
      sink.report({ code: 'change-outside-program', message: `the change of ${effective} takes effect after the program ends (${ends})`, path: [...at, 'effective'], hint: 'take it out, or extend `program.ends`' });
    } else if (previous !== undefined && effective <= previous) {
      sink.report({
        code: 'changes-out-of-order',
        message: `the change of ${effective} is listed after the change of ${previous}: changes are listed in the order they take effect, one per day`,
        path: [...at, 'effective'],
        hint: 'order `changes` by `effective`, or merge two changes of the same day into one `set`',
      });
    }
    if (dated) previous = effective;
    const announced = change.announced;
    if (announced !== undefined && !isCalendarDate(announced)) {
      sink.report({ code: 'impossible-date', message: `${announced} is not a day on the calendar`, path: [...at, 'announced'], hint: 'check the month (01-12) and the day of the month' });
    } else if (announced !== undefined && dated && announced > effective) {
      sink.report({ code: 'change-announced-after-effective', message: `the change of ${effective} is announced after it takes effect (${announced})`, path: [...at, 'announced'], hint: 'swap the dates, or fix the year' });
    } else if (noticeDays !== undefined && dated) {
      const days = announced === undefined ? undefined : daysBetween(announced, effective);
      if (days === undefined || days < noticeDays) {
        sink.report({
          severity: 'warning',
          code: 'change-short-notice',
          message:
            days === undefined
              ? `the change of ${effective} has no \`announced\` date, and the program promises ${noticeDays} days' notice`
              : `the change of ${effective} is announced ${days} days ahead (${announced}); the program promises ${noticeDays} days' notice`,
          path: days === undefined ? [...at, 'effective'] : [...at, 'announced'],
          hint: days === undefined ? 'write the day partners are told as `announced`' : `announce it by ${dayBefore(effective, noticeDays)}, or take effect later`,
        });
      }
    }
    let pathsOk = true;
    for (const [path, value] of entriesOf(change.set)) {
      const where = [...at, 'set', path];
      if (!changeSetAllows(path)) {
        pathsOk = false;
        sink.report({
          code: 'change-set-not-allowed',
          message: `the change of ${effective}: \`${path}\` is not something a dated change may set`,
          path: where,
          part: 'key',
          hint: `a change sets ${CHANGE_PATHS.join(', ')} (rules that carry state across the date, the calendar, names and ids stay as designed)`,
        });
        continue;
      }
      const typeProblem = setProblem(target, path, value);
      if (typeProblem !== undefined) {
        pathsOk = false;
        const code = typeProblem.code === 'set-wrong-type' ? 'change-set-wrong-type' : 'change-set-path-matches-nothing';
        sink.report({ code, message: `the change of ${effective}: ${typeProblem.message}`, path: where, part: code === 'change-set-wrong-type' ? 'value' : 'key', hint: typeProblem.hint });
      }
    }
    if (!pathsOk || !valid) {
      valid = false;
      return;
    }
    const applied = applySets(target, Object.entries(change.set), sink.file);
    const issue = programSchema.safeParse(applied.data).error?.issues[0];
    if (issue !== undefined) {
      valid = false;
      sink.report({
        code: 'change-set-invalid',
        message: `the change of ${effective}: with its \`set\`, ${issue.path.join('.')}: ${issue.message}`,
        path: [...at, 'set'],
        part: 'key',
        hint: 'give values the format accepts at those paths (see docs/format.md)',
      });
      return;
    }
    // The next change applies over this one (versions.ts).
    target = applied.data;
  });
};

/** The day `days` days before `iso`, YYYY-MM-DD. */
function dayBefore(iso: string, days: number): string {
  const day = parseDay(iso);
  return typeof day === 'number' ? formatDay(day - days) : iso;
}
