/**
 * `round.at` (where rounding happens): an activity's own `round` rounds its events only,
 * as a total of one activity is what `points.round: { at: activity }` is for; and under
 * `tier_basis: balance` the tier reads the balance, which is kept per partner, not per
 * activity or category, so only `at: program` (the balance itself) can be rounded.
 */
import { entriesOf, type RuleContext, type SemanticRule } from './context.js';

export const roundingLevel: SemanticRule = (ctx: RuleContext) => {
  for (const [id, activity] of entriesOf(ctx.data.activities)) {
    const round = activity.round;
    if (round === undefined || typeof round === 'number' || round.at === 'event') continue;
    ctx.sink.report({
      code: 'round-at-on-activity',
      message: `activity \`${id}\` rounds at \`${round.at}\`: an activity's own \`round\` rounds each event's points`,
      path: ['activities', id, 'round', 'at'],
      hint: `remove \`at\` here and write \`points: { round: { decimals: ${round.decimals}, at: ${round.at} } }\` to round window totals`,
    });
  }
  const global = ctx.data.points?.round;
  if (global === undefined || typeof global === 'number') return;
  const window = ctx.data.calendar?.tier_window ?? '';
  if ((global.at === 'activity' || global.at === 'category') && /^last_\d+_days$/.test(window)) {
    ctx.sink.report({
      code: 'round-at-day-window',
      message: `\`points.round.at: ${global.at}\` with \`tier_window: ${window}\`: a window in days is kept as one total per partner, not per ${global.at}`,
      path: ['points', 'round', 'at'],
      hint: 'round the window total with `at: program`, or use a window of whole periods (`trailing_N`)',
    });
  }
  if ((global.at === 'activity' || global.at === 'category') && ctx.data.calendar?.tier_basis === 'balance') {
    ctx.sink.report({
      code: 'round-at-balance-basis',
      message: `\`points.round.at: ${global.at}\` with \`tier_basis: balance\`: the tier reads the balance, which is not kept per ${global.at}`,
      path: ['points', 'round', 'at'],
      hint: 'round the balance with `at: program`, or evaluate tiers on `tier_basis: earned`',
    });
  }
};
