/**
 * The credit rules that act at a period's end, in the order the walk applies them in each
 * period: gates open (before the period's events are credited), then steps, then best_of
 * groups settle over everything credited. A new period-end kind is one module and one line here.
 */
import { bestOf } from './best-of.js';
import { gates } from './gates.js';
import type { PeriodRule } from './period-credit.js';
import { steps } from './steps.js';

export const PERIOD_RULES: readonly PeriodRule[] = [gates, steps, bestOf];

export type { PeriodCredit, PeriodRule, Walk } from './period-credit.js';
