/**
 * Dates must exist on the calendar (2024-02-30 passes the YYYY-MM-DD pattern but is no
 * day), the program must start before it ends, and every promotion must run forwards
 * inside the program's dates.
 */
import type { RuleContext, SemanticRule } from './context.js';

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const dates: SemanticRule = (ctx: RuleContext) => {
  const { data, sink } = ctx;
  const valid = (text: string | undefined, path: readonly PropertyKey[]): boolean => {
    if (text === undefined) return false;
    if (isCalendarDate(text)) return true;
    sink.report({
      code: 'impossible-date',
      message: `${text} is not a day on the calendar`,
      path,
      hint: 'check the month (01-12) and the day of the month (February has 28 days, 29 in leap years)',
    });
    return false;
  };
  const program = data.program;
  const starts = program && valid(program.starts, ['program', 'starts']) ? program.starts : undefined;
  const ends = program && valid(program.ends, ['program', 'ends']) ? program.ends : undefined;
  if (starts !== undefined && ends !== undefined && ends < starts) {
    sink.report({
      code: 'dates-reversed',
      message: `the program ends (${ends}) before it starts (${starts})`,
      path: ['program', 'ends'],
      hint: 'swap the dates or fix the year',
    });
  }
  const fiscal = data.calendar?.fiscal_year_start;
  if (fiscal !== undefined && !isCalendarDate(`2024-${fiscal}`)) {
    sink.report({
      code: 'impossible-date',
      message: `fiscal_year_start ${fiscal} is not a day of the year (MM-DD)`,
      path: ['calendar', 'fiscal_year_start'],
      hint: 'write the month then the day, e.g. 02-01 for 1 February',
    });
  }
  data.promotions?.forEach((promotion, p) => {
    const from = valid(promotion.from, ['promotions', p, 'from']) ? promotion.from : undefined;
    const to = valid(promotion.to, ['promotions', p, 'to']) ? promotion.to : undefined;
    if (from !== undefined && to !== undefined && from > to) {
      sink.report({
        code: 'dates-reversed',
        message: `promotion \`${promotion.name}\` runs from ${from} to ${to}: it ends before it starts`,
        path: ['promotions', p, 'to'],
        hint: 'swap `from` and `to`',
      });
      return;
    }
    if (from !== undefined && starts !== undefined && from < starts) {
      sink.report({
        code: 'promotion-outside-program',
        message: `promotion \`${promotion.name}\` starts on ${from}, before the program starts (${starts})`,
        path: ['promotions', p, 'from'],
        hint: `start it on or after ${starts}`,
      });
    }
    if (to !== undefined && ends !== undefined && to > ends) {
      sink.report({
        code: 'promotion-outside-program',
        message: `promotion \`${promotion.name}\` ends on ${to}, after the program ends (${ends})`,
        path: ['promotions', p, 'to'],
        hint: `end it on or before ${ends}`,
      });
    }
  });
};
