/**
 * A credit kind: one key of an activity (`points`, `points_per`, `steps`, `target`,
 * `distinct`, `staged`, `requires`) with everything pointsmith knows about it in one
 * module: its schema, its checks beyond the schema, the most points it lets a window
 * hold (reachability), the price of one more occurrence (gap-closing plans) and how the
 * walk scores it (per-event weights, or a period rule). rules/index.ts lists them; adding
 * a kind is one module and one line there.
 */
import type { z } from 'zod';
import type { RuleContext } from '../../program/semantic/context.js';
import type { PeriodRule } from './period-credit.js';

/** The most points a kind lets an activity hold in one tier window, and why (for messages). */
export interface Bound {
  readonly max: number;
  readonly why: string;
}

/** What pricing one more occurrence may read about the partner (gap-closing.ts provides it). */
export interface PriceContext {
  /** Average amount per row of an activity: the partner's, else everyone's; undefined when nobody has one. */
  readonly averageAmount: (activity: string) => number | undefined;
  readonly currency: string;
}

/** One more occurrence's points before multipliers and accelerator, and how it was priced ("a deal of $42,000"). */
export interface Price {
  readonly base: number;
  readonly basis: readonly string[];
}

/** Per-event weights the walk multiplies: points × count + share × (perAmount × amount + perQuantity × quantity). */
export interface EventWeights {
  readonly points: number;
  readonly perAmount: number;
  readonly perQuantity: number;
}

export interface CreditKind<Key extends string = string, Value = unknown> {
  /** The activity key. */
  readonly key: Key;
  /** 'way': how the activity scores (exactly one per activity); 'modifier': how its events count, or when they credit. */
  readonly role: 'way' | 'modifier';
  /** `{ [key]: schema }`, spread into the activity schema. */
  readonly shape: { readonly [K in Key]: z.ZodOptional<z.ZodType<Value>> };
  /** Checks beyond the schema on an activity `id` that has the key (positioned diagnostics through ctx.sink). */
  readonly check?: (ctx: RuleContext, id: string, value: Value) => void;
  /** The most points per tier window the kind allows the activity (undefined: the kind does not bound it). */
  readonly bound?: (id: string, value: Value, accelerator: number) => Bound | undefined;
  /** One more occurrence's price; null: no fixed price (the activity is left out of plans); undefined: the kind does not price. */
  readonly price?: (id: string, value: Value, ctx: PriceContext) => Price | null | undefined;
  /** A way's per-event weights (the walk's arithmetic); period ways (steps, target) have none. */
  readonly weights?: (value: Value) => EventWeights;
  /** The kind's period-end scoring. */
  readonly period?: PeriodRule;
}
