/**
 * The credit kinds (one module each) and the period rules of the walk. A new kind is one
 * module and one line in CREDIT_KINDS: its key joins the activity schema, its checks the
 * semantic rules, its bound reachability, its price the gap-closing plans, and its period
 * rule (if any) the walk, in the order listed.
 */
import { bestOf } from './best-of.js';
import { clawback } from './clawback.js';
import type { CreditKind } from './credit-kind.js';
import { distinct } from './distinct.js';
import { gates } from './gates.js';
import { perAmount } from './per-amount.js';
import { perOccurrence } from './per-occurrence.js';
import type { PeriodRule } from './period-credit.js';
import { staged } from './staged.js';
import { steps } from './steps.js';
import { target } from './target.js';

/** In the order the walk applies their period rules: gates open first (before the period's events are credited), then steps, then targets. */
const KINDS = [perOccurrence, perAmount, steps, target, distinct, staged, gates, clawback] as const;

// The casts: each kind is typed by its own key and value; the list is read generically.
export const CREDIT_KINDS: readonly CreditKind[] = KINDS as unknown as readonly CreditKind[];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every kind's `{ key: schema }`, for the activity schema (typed key by key, so `Activity` keeps each key's type). */
export const CREDIT_SHAPE = Object.assign({}, ...KINDS.map((k) => k.shape)) as UnionToIntersection<(typeof KINDS)[number]['shape']>;

/** The keys of the ways an activity can score (exactly one per activity). */
export const WAY_KEYS: readonly string[] = CREDIT_KINDS.filter((k) => k.role === 'way').map((k) => k.key);

/**
 * The walk's period rules: the kinds' in list order, then best_of groups, settled over
 * everything credited, then clawbacks, which take back what the period's rules left credited.
 */
export const PERIOD_RULES: readonly PeriodRule[] = [
  ...CREDIT_KINDS.filter((k) => k !== clawback).flatMap((k) => (k.period !== undefined ? [k.period] : [])),
  bestOf,
  clawback.period,
];

export type { Bound, CreditKind, EventWeights, Price, PriceContext } from './credit-kind.js';
export type { PeriodCredit, PeriodRule, Walk } from './period-credit.js';
