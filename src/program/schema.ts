/**
 * The program format (DESIGN §3) as a zod schema. It is the single source of truth:
 * the JSON Schema in `schema/program.schema.json` is generated from it, and the loader
 * validates every design against it before the semantic rules run.
 *
 * Every object is strict: an unknown key is an error (with a did-you-mean from the loader).
 * Sections whose engine arrives later are still expressed here, so designs written today
 * stay valid.
 */
import { z } from 'zod';
import { CREDIT_SHAPE } from '../engine/rules/index.js';
import { figure, name, nonNegative, positive, share } from './figures.js';

export { MAX_FIGURE } from './figures.js';

/** ISO calendar date `YYYY-MM-DD` (YAML 1.2 reads it as a string, which we keep). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .describe('A calendar date, YYYY-MM-DD.');

export const periodKind = z.enum(['month', 'quarter', 'half', 'year']);

/** How a computed number is rounded: `round: 1` (one decimal, half up) or the long form. */
export const rounding = z
  .union([
    figure().int().min(0).max(6),
    z.strictObject({
      decimals: figure().int().min(0).max(6),
      mode: z.enum(['half_up', 'half_even', 'down', 'up']).default('half_up'),
      at: z
        .enum(['event', 'activity', 'category', 'program'])
        .default('event')
        .describe('Where rounding happens: each event\'s points (default), or the window total of each activity, of each category, or of the program that the tier evaluation reads (only in points.round).'),
    }),
  ])
  .describe('Decimals to keep (0-6), or { decimals, mode, at } with mode half_up | half_even | down | up and at event | activity | category | program.');

/**
 * A filter on one column of the history (or of the partners file):
 * a value, a list of values, or a range / set condition.
 */
export const condition = z.union([
  z.string(),
  figure(),
  z.boolean(),
  z.array(z.union([z.string(), figure()])).min(1),
  z.strictObject({
    min: figure().optional(),
    max: figure().optional(),
    in: z.array(z.union([z.string(), figure()])).min(1).optional(),
    not_in: z.array(z.union([z.string(), figure()])).min(1).optional(),
  }),
]);
export const where = z
  .record(z.string(), condition)
  .describe('Column → condition. Every condition must hold for the event to match.');

export const cap = z
  .strictObject({
    per: z.enum(['period', 'window']).default('period'),
    points: nonNegative,
  })
  .describe('Most points the activity can earn per period or per tier window; clipped in date order.');

export const multipliers = z
  .record(z.string(), z.record(z.string(), nonNegative))
  .describe('Column → value → factor, e.g. { product: { saas: 1.5 } }. Factors of matching values multiply.');

export const activity = z.strictObject({
  category: name.describe('The category (lifecycle stage or pillar) the activity belongs to.'),
  label: z.string().optional(),
  // points, points_per, steps, target, distinct, staged, requires: one module each (src/engine/rules/).
  ...CREDIT_SHAPE,
  cap: cap.optional(),
  multipliers: multipliers.optional(),
  where: where.optional().describe('Only rows matching every condition score.'),
  round: rounding.optional(),
});

export const category = z.strictObject({
  label: z.string().optional(),
  max_points: nonNegative.optional().describe('Cap on the category\'s points per tier window.'),
});

export const promotion = z.strictObject({
  name,
  from: isoDate,
  to: isoDate,
  multiply: positive,
  activities: z.array(name).min(1).optional().describe('Activities it applies to (default: all).'),
  categories: z.array(name).min(1).optional(),
  where: where.optional(),
});

export const tier = z.strictObject({
  name,
  label: z.string().optional(),
  min_points: nonNegative,
  min_points_by: z
    .record(z.string(), z.record(z.string(), nonNegative))
    .optional()
    .describe('Regional (or any column\'s) thresholds: { region: { apac: 2500 } }.'),
  requires: z
    .strictObject({
      categories: z.record(z.string(), nonNegative).optional(),
      activities: z.record(z.string(), figure().int().positive()).optional(),
    })
    .optional()
    .describe('Extra requirements: minimum points per category, minimum count per activity, in the window.'),
  earn_multiplier: positive.default(1).describe('Accelerator on points earned while holding this tier.'),
  benefits: z
    .strictObject({
      annual_cost: nonNegative.default(0),
      discount_pct: figure().min(0).max(100).default(0),
    })
    .optional(),
  grace_periods: figure().int().min(0).default(0).describe('Evaluations a partner keeps the tier after falling below.'),
  grace_days: figure().int().positive().optional().describe('Instead of grace_periods: the tier is held while the partner qualified for it at an evaluation ending within this many days before the current one.'),
});

export const reward = z.strictObject({
  id: name,
  label: z.string().optional(),
  kind: z.enum(['mdf', 'training', 'support', 'licence', 'rebate', 'marketing', 'event', 'gift', 'other']).optional(),
  cost_points: positive,
  vendor_cost: nonNegative,
  capacity: z
    .strictObject({ per: z.enum(['period', 'year']).default('period'), units: nonNegative })
    .optional(),
});

export const redemptionBehaviour = z.strictObject({
  rate: figure().describe('Share of the points earned in a period that is spent, 0 to 1.'),
  mix: z.record(z.string(), figure()).describe('Reward id → share of the spend; shares sum to 1.'),
});

export const guardrails = z.strictObject({
  max_cost: nonNegative.optional().describe('Most cost in a fiscal year (rewards + benefits + discounts), prorated for a year partly inside the program; the worst year is tested.'),
  max_liability: nonNegative.optional(),
  max_budget_share: nonNegative.optional(),
  tier_share: z
    .record(z.string(), z.strictObject({ min: share.optional(), max: share.optional() }))
    .optional(),
  breakage: z.strictObject({ min: share.optional(), max: share.optional() }).optional(),
  capacity_shortfall: z.strictObject({ max_units: nonNegative }).optional().describe('Most whole reward units demanded beyond capacity by any one reward, over its capacity windows (0: capacity never exceeded).'),
});

export const legacy = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        name,
        revenue: nonNegative,
        certified: figure().int().min(0).default(0),
        benefits: z
          .strictObject({ annual_cost: nonNegative.default(0), discount_pct: figure().min(0).max(100).default(0) })
          .optional(),
      }),
    )
    .min(1),
  equivalent: z.record(z.string(), z.string()).describe('Legacy level → tier of this program.'),
  certified_activity: name.optional().describe('Activity whose distinct person_id counts certified people (default cert_earned).'),
});

/** Parameter path → value, as `--set` takes them (scenarios, a track's own scoring). */
const parameterSets = z.record(z.string(), z.union([figure(), z.string(), z.boolean(), z.null()]));

export const scenario = z.strictObject({
  description: z.string().optional(),
  extends: name.optional(),
  set: parameterSets.default({}),
});

export const track = z.strictObject({
  match: z.array(z.string()).min(1).optional().describe('Values of the `by` column that select this track.'),
  min_points: z.record(z.string(), nonNegative).default({}).describe('Tier name → threshold on this track.'),
  set: parameterSets
    .optional()
    .describe('Parameter path → value (as --set): the track scores the partner under the design with these changes (mode: best), and the partner keeps the best track.'),
});

/**
 * A dated change (`changes:`): from `effective` the design is scored with `set` applied
 * (after every earlier change), before it with what was in force (src/program/versions.ts).
 */
export const change = z
  .strictObject({
    effective: isoDate.describe('The first day the change is in force: rows dated on or after it score under it, and periods ending on or after it are evaluated under it.'),
    announced: isoDate.optional().describe('The day partners were told; `program.notice_days` asks for at least that many days between announced and effective.'),
    description: z.string().optional(),
    set: parameterSets.describe('Parameter path → value, as --set takes them: what changes (activities\' points, multipliers, caps and filters; category caps; promotions; tier thresholds, requirements, accelerators and benefits; reward prices and vendor costs).'),
  })
  .describe('A change to the design that takes effect on a date.');

/** `calendar.term`: a tier reached is held for a term, renewed by qualifying inside the renewal window (src/engine/term.ts). */
export const term = z
  .strictObject({
    months: figure().int().positive().describe('Length of a term in months (12: status held for a year).'),
    anniversary: z.string().min(1).optional().describe('Partners-file column holding each partner\'s enrolment date (YYYY-MM-DD); terms run from it. Default (and for a blank or invalid value): program.starts.'),
    renewal_months: figure().int().min(0).default(3).describe('Months before the anniversary in which qualifying renews the tier for the next term.'),
  })
  .describe('Status held for a term from the enrolment anniversary, whatever the score does, then renewed only by qualifying inside the renewal window.');

/** `launch`: the state partners start the replay in (src/engine/launch.ts). */
export const launch = z
  .strictObject({
    grandfather: z.literal('legacy').describe('Each partner holds at least the tier `legacy.equivalent` maps its legacy_level (partners file) to.'),
    until: isoDate.describe('The last day a grandfathered tier is held: every evaluation whose period ends on or before it keeps it.'),
    opening_points: z
      .union([nonNegative, z.record(z.string(), nonNegative)])
      .optional()
      .describe('Points in the balance at the start: one figure for every partner, or legacy level → points.'),
  })
  .describe('The launch state: legacy partners keep their equivalent tier until a date, optionally with opening balances.');

/**
 * `individuals`: the seller programme, a program of its own on the same history keyed by
 * person (src/engine/people/): the firm's activity, category, tier, reward and redemption
 * pieces, under the firm's calendar, currency and budget.
 */
export const individuals = z
  .strictObject({
    person_column: z.string().min(1).default('person_id').describe('The history column naming the person who did the activity; rows with it blank earn no seller points.'),
    categories: z.record(z.string(), category),
    activities: z.record(z.string(), activity).describe('History activity → how many seller points it earns (the same rule kinds as the firm\'s activities).'),
    tiers: z.array(tier).min(1).optional().describe('Seller levels, low to high (default: one level, `seller`, from 0 points).'),
    points: z
      .strictObject({
        expiry_months: figure().int().positive().optional(),
        round: rounding.optional(),
      })
      .prefault({}),
    rewards: z.array(reward).default([]).describe('Rewards sellers redeem their points for, at vendor cost, with capacity.'),
    redemption: z
      .strictObject({
        default: redemptionBehaviour,
        by_segment: z.record(z.string(), redemptionBehaviour).optional().describe('By the segment of the seller\'s firm.'),
      })
      .optional(),
    top: figure().int().positive().max(1000).default(10).describe('How many top sellers `run` lists.'),
  })
  .describe('Seller points and rewards beside the firm\'s: who earns, how many, and what they redeem (docs/format.md, `individuals`).');

export const programSchema = z
  .strictObject({
    $schema: z.string().optional(),
    pointsmith: z.literal(1).describe('Format version; 1 is the only one so far.'),
    program: z.strictObject({
      name,
      currency: z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter currency code').default('USD'),
      starts: isoDate,
      ends: isoDate.optional(),
      description: z.string().optional(),
      notice_days: figure().int().min(0).optional().describe('Least days between a change\'s `announced` and `effective` dates (partners\' notice); a shorter notice is a warning.'),
    }),
    calendar: z
      .strictObject({
        period: periodKind.default('quarter'),
        fiscal_year_start: z.string().regex(/^\d{2}-\d{2}$/, 'expected MM-DD').default('01-01'),
        tier_window: z
          .string()
          .regex(/^(trailing_[1-9]\d*|last_[1-9]\d*_days|fiscal_year|lifetime)$/, 'expected trailing_N, last_N_days, fiscal_year or lifetime')
          .default('trailing_4'),
        tier_basis: z.enum(['earned', 'balance']).default('earned'),
        term: term.optional(),
      })
      .prefault({}),
    categories: z.record(z.string(), category),
    activities: z.record(z.string(), activity),
    best_of: z
      .record(z.string(), z.array(name).min(2))
      .optional()
      .describe('Group → activities of which only the highest-scoring one counts per partner per window.'),
    promotions: z.array(promotion).default([]),
    tiers: z.array(tier).min(1),
    tracks: z
      .strictObject({
        by: z.string().default('segment'),
        mode: z.enum(['assigned', 'best']).default('assigned'),
        list: z.record(z.string(), track),
      })
      .optional(),
    points: z
      .strictObject({
        expiry_months: figure().int().positive().optional(),
        round: rounding.optional(),
      })
      .prefault({}),
    rewards: z.array(reward).default([]),
    redemption: z
      .strictObject({
        default: redemptionBehaviour,
        by_segment: z.record(z.string(), redemptionBehaviour).optional(),
      })
      .optional(),
    budget: z.strictObject({ per: z.enum(['year', 'period', 'program']).default('year'), amount: nonNegative }).optional(),
    guardrails: guardrails.optional(),
    legacy: legacy.optional(),
    launch: launch.optional(),
    scenarios: z.record(z.string(), scenario).optional(),
    changes: z.array(change).optional().describe('Dated changes, in order of their effective dates: the design as written is in force before the first.'),
    individuals: individuals.optional(),
  })
  .describe('A pointsmith program design (format version 1).');

export type ProgramInput = z.input<typeof programSchema>;
export type ProgramData = z.output<typeof programSchema>;
export type Activity = z.output<typeof activity>;
export type Category = z.output<typeof category>;
export type Tier = z.output<typeof tier>;
export type Reward = z.output<typeof reward>;
export type Promotion = z.output<typeof promotion>;
export type Condition = z.output<typeof condition>;
export type Where = z.output<typeof where>;
export type Rounding = z.output<typeof rounding>;
export type RedemptionBehaviour = z.output<typeof redemptionBehaviour>;
export type Guardrails = z.output<typeof guardrails>;
export type Legacy = z.output<typeof legacy>;
export type Scenario = z.output<typeof scenario>;
export type Track = z.output<typeof track>;
export type PeriodKind = z.output<typeof periodKind>;
export type Term = z.output<typeof term>;
export type Launch = z.output<typeof launch>;
export type Change = z.output<typeof change>;
export type Individuals = z.output<typeof individuals>;
