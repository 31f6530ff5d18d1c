/**
 * What the generator needs to know about each activity of a design to make believable
 * rows for it: its lifecycle stage, how common it is, whether rows carry a deal amount,
 * a product, a customer (new or existing), a person, and stages for staged credit.
 */
import type { Program } from '../../program/program.js';

export type QuantityKind = 'volume' | 'units' | 'one';

export interface ActivityPlan {
  readonly id: string;
  /** The design's category; its name picks the segment affinity (decision, awareness...). */
  readonly category: string;
  /** Relative frequency among a partner's events before segment affinities. */
  readonly weight: number;
  readonly amount: boolean;
  /** Smallest amount the design scores (where.amount.min), so such rows are mostly above it. */
  readonly minAmount: number;
  /**
   * What the row's `quantity` is:
   *   - `volume`: the measure the design scores (`points_per: { quantity }`: seats, licences), drawn wide;
   *   - `units`: occurrences the row records (points × quantity), drawn from the segment's `quantity`;
   *   - `one`: always 1: a deal (its `amount` is the measure), a distinct customer, a staged
   *     activity, or a person (people certified together are one row each, see generate.ts).
   */
  readonly quantity: QuantityKind;
  readonly product: boolean;
  /** `new`: mostly a customer new to the partner (distinct customer_id); `any`: new or existing; `none`. */
  readonly customer: 'new' | 'any' | 'none';
  readonly person: boolean;
  /** The `stage` values of staged credit, in order; empty when not staged. */
  readonly stages: readonly string[];
  /**
   * A `target` activity's partners-file column, its basis and the activities it sums
   * (`of`, default this one): generate.ts writes the column with a target per partner
   * (targets.ts). Absent on other activities.
   */
  readonly target?: TargetPlan;
  /**
   * A `clawback` matched on `customer_id`: generate.ts writes, for a few of the activity's
   * rows, a later reversing row with the same customer: a row of `when` (a churn, a
   * cancellation), or without `when` a refund (the activity with a negative amount).
   */
  readonly reversal?: { readonly when: string | null };
  /**
   * A seller's activity: the design's seller programme (`individuals:`, person column
   * `person_id`) scores it, so generate.ts writes on each row a person of the partner's
   * roster (seller-roster.ts). Absent (false) on every other activity, and on `person`
   * activities (certified people keep their own ids).
   */
  readonly seller?: boolean;
}

export interface TargetPlan {
  readonly column: string;
  readonly basis: 'amount' | 'quantity';
  readonly of: readonly string[];
}

/** Frequency falls with value: a 5-point social post is far more common than a 500-point case study. */
function weightFor(points: number): number {
  return 1 / Math.pow(Math.max(5, points), 0.75);
}

/** The history column the generator writes people in (certified people and sellers). */
export const GENERATED_PERSON_COLUMN = 'person_id';

export function planFromProgram(program: Program): ActivityPlan[] {
  const productActivities = new Set<string>();
  for (const promo of program.promotions) {
    if (promo.where !== undefined && 'product' in promo.where) for (const a of promo.activities ?? Object.keys(program.activities)) productActivities.add(a);
  }
  // Activities whose amount a target sums need an amount on their rows; a target activity
  // that sums only other activities has no rows of its own (its bonus needs none).
  const amountTargets = new Set<string>();
  const sums = new Set<string>();
  for (const [id, a] of Object.entries(program.activities)) {
    for (const of of a.target?.of ?? (a.target !== undefined ? [id] : [])) {
      sums.add(of);
      if (a.target?.basis === 'amount') amountTargets.add(of);
    }
  }
  // A design with a seller programme on `person_id`: its activities are sellers' rows, and
  // those the firm does not score get rows of their own (after the firm's, so the firm's
  // activities keep their order). Other designs plan exactly as before.
  const people = program.individuals?.person_column === GENERATED_PERSON_COLUMN ? program.individuals.activities : {};
  const sellerOnly = Object.entries(people).filter(([id]) => !Object.hasOwn(program.activities, id));
  return [...Object.entries(program.activities), ...sellerOnly].map(([id, a]): ActivityPlan => {
    const perAmount = a.points_per?.amount !== undefined;
    const whereAmount = a.where !== undefined && 'amount' in a.where ? (a.where['amount'] as { min?: number } | undefined) : undefined;
    const amount = perAmount || whereAmount !== undefined || amountTargets.has(id);
    const typicalPoints = perAmount ? 20 : (a.points ?? a.points_per?.points ?? a.steps?.[0]?.points ?? 20);
    return {
      id,
      category: a.category,
      weight: a.target !== undefined && !sums.has(id) ? 0 : weightFor(typicalPoints),
      amount,
      minAmount: typeof whereAmount?.min === 'number' ? whereAmount.min : 0,
      quantity: quantityKind(a.points_per?.quantity !== undefined, amount, a.distinct !== undefined, (a.staged ?? []).length > 0),
      product: amount || productActivities.has(id) || (a.multipliers !== undefined && 'product' in a.multipliers) || (a.where !== undefined && 'product' in a.where),
      customer:
        a.distinct === 'customer_id'
          ? 'new'
          : amount || a.clawback?.match === 'customer_id' || a.category.includes('onboard') || a.category.includes('adopt') || a.category.includes('value')
            ? 'any'
            : 'none',
      person: a.distinct === 'person_id',
      stages: (a.staged ?? []).map((s) => s.on),
      ...(a.target !== undefined ? { target: { column: a.target.column, basis: a.target.basis, of: a.target.of ?? [id] } } : {}),
      ...(a.clawback?.match === 'customer_id' ? { reversal: { when: a.clawback.when ?? null } } : {}),
      ...(Object.hasOwn(people, id) && a.distinct !== 'person_id' ? { seller: true } : {}),
    };
  });
}

function quantityKind(volume: boolean, amount: boolean, distinct: boolean, staged: boolean): QuantityKind {
  if (volume) return 'volume';
  return amount || distinct || staged ? 'one' : 'units';
}

const plan = (id: string, category: string, points: number, extra: Partial<Omit<ActivityPlan, 'quantity'>> = {}): ActivityPlan => {
  const base = { id, category, weight: weightFor(points), amount: false, minAmount: 0, product: false, customer: 'none' as const, person: false, stages: [], ...extra };
  return { ...base, quantity: quantityKind(false, base.amount, base.person || base.customer === 'new', base.stages.length > 0) };
};

/** The activities of programs/lifecycle.yaml, for `generate` without --program. */
export const BUILT_IN_PLAN: readonly ActivityPlan[] = [
  plan('social_post_shared', 'awareness', 5),
  plan('webinar_hosted', 'awareness', 60),
  plan('content_syndicated', 'awareness', 20),
  plan('lead_generated', 'awareness', 10),
  plan('event_sponsored', 'awareness', 150),
  plan('demo_delivered', 'consideration', 30, { product: true }),
  plan('workshop_delivered', 'consideration', 120),
  plan('reference_call', 'consideration', 50),
  plan('poc_completed', 'consideration', 200, { product: true }),
  plan('deal_registered', 'decision', 25, { amount: true, minAmount: 5000, product: true, customer: 'any' }),
  plan('deal_closed', 'decision', 20, { amount: true, product: true, customer: 'any' }),
  plan('renewal_closed', 'decision', 20, { amount: true, product: true, customer: 'any' }),
  plan('new_customer', 'decision', 150, { amount: true, minAmount: 10000, product: true, customer: 'new' }),
  plan('cosell_opportunity', 'decision', 75),
  plan('onboarding_session', 'onboarding', 40, { customer: 'any' }),
  plan('deployment_milestone', 'onboarding', 120, { customer: 'any' }),
  plan('end_user_training', 'onboarding', 30, { customer: 'any' }),
  plan('onboarding_feedback', 'onboarding', 15, { customer: 'any' }),
  plan('health_check', 'adoption', 60, { customer: 'any' }),
  plan('sla_met', 'adoption', 50, { customer: 'any' }),
  plan('best_practice_shared', 'adoption', 80, { customer: 'any' }),
  plan('community_answer', 'adoption', 5, { customer: 'any' }),
  plan('success_metrics_documented', 'value', 120, { customer: 'any' }),
  plan('value_report_delivered', 'value', 150, { customer: 'any' }),
  plan('expansion_identified', 'value', 60, { customer: 'any' }),
  plan('review_published', 'advocacy', 75, { customer: 'new' }),
  plan('case_study_coauthored', 'advocacy', 500),
  plan('advisory_board_seat', 'advocacy', 300),
  plan('customer_story_at_event', 'advocacy', 400),
  plan('cert_earned', 'skilling', 100, { person: true }),
  plan('sales_accreditation', 'skilling', 40, { person: true }),
  plan('advanced_sales_cert', 'skilling', 150, { person: true }),
];
