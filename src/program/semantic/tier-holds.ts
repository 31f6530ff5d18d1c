/**
 * How long a tier is held: `launch` (grandfathering needs the legacy levels and their
 * equivalents; opening balances by legacy level name levels), `calendar.term` (a renewal
 * window inside the term) and `grace_days` (an alternative to `grace_periods`, not both).
 */
import { checkReference, entriesOf, isMapping, type RuleContext, type SemanticRule } from './context.js';
import { isCalendarDate } from './dates.js';

export const tierHolds: SemanticRule = (ctx: RuleContext) => {
  checkLaunch(ctx);
  checkTerm(ctx);
  checkGraceDays(ctx);
};

function checkLaunch(ctx: RuleContext): void {
  const { data, sink } = ctx;
  const launch = data.launch;
  if (launch === undefined) return;
  if (ctx.raw['legacy'] === undefined) {
    sink.report({
      code: 'launch-without-legacy',
      message: 'launch.grandfather: legacy maps each partner\'s legacy level to a tier through legacy.equivalent, but the design has no `legacy:` section',
      path: ['launch', 'grandfather'],
      hint: 'add `legacy: { levels, equivalent }` (see docs/format.md#legacy)',
    });
  }
  const starts = data.program?.starts;
  if (!isCalendarDate(launch.until)) {
    sink.report({
      code: 'impossible-date',
      message: `${launch.until} is not a day on the calendar`,
      path: ['launch', 'until'],
      hint: 'check the month (01-12) and the day of the month (February has 28 days, 29 in leap years)',
    });
  } else if (starts !== undefined && isCalendarDate(starts) && launch.until < starts) {
    sink.report({
      code: 'launch-until-before-start',
      message: `launch.until (${launch.until}) is before the program starts (${starts}): no evaluation would keep a grandfathered tier`,
      path: ['launch', 'until'],
      hint: 'give the last day legacy partners keep their tier, on or after program.starts',
    });
  }
  const opening = launch.opening_points;
  if (opening !== undefined && typeof opening !== 'number') {
    for (const [level] of entriesOf(opening)) checkReference(ctx, 'legacy level', level, ['launch', 'opening_points', level], 'key');
  }
}

function checkTerm(ctx: RuleContext): void {
  const term = ctx.data.calendar?.term;
  if (term === undefined || term.renewal_months <= term.months) return;
  ctx.sink.report({
    code: 'term-renewal-too-long',
    message: `calendar.term.renewal_months (${term.renewal_months}) is longer than the term (${term.months} months): the renewal window would reach into the previous term`,
    path: ['calendar', 'term', 'renewal_months'],
    hint: `use at most ${term.months} months`,
  });
}

function checkGraceDays(ctx: RuleContext): void {
  const tiers = ctx.raw['tiers'];
  if (!Array.isArray(tiers)) return;
  tiers.forEach((tier: unknown, k) => {
    // The raw tier: `grace_periods` has a default, so only what was written tells both apart.
    if (!isMapping(tier) || tier['grace_days'] === undefined || tier['grace_periods'] === undefined) return;
    ctx.sink.report({
      code: 'grace-days-and-periods',
      message: `tier \`${String(tier['name'] ?? k)}\` sets both grace_periods and grace_days; grace counts either evaluations or days`,
      path: ['tiers', k, 'grace_days'],
      part: 'key',
      hint: 'keep one: grace_periods (evaluations after the last qualifying one) or grace_days (days since it)',
    });
  });
}
