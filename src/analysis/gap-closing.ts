/**
 * What would close a partner's gap to a tier, under the design's weights.
 *
 * The rule is deliberately simple, so a consultant can explain it in one sentence:
 * every activity is priced at its points for ONE more occurrence for this partner, and
 * the plan takes the activities with the most points per occurrence first, as many
 * occurrences as the caps leave room for.
 *
 * Pricing one occurrence:
 *   - `points: n`                 → n;
 *   - `points_per: {amount, points}` → one deal at the partner's own average amount for
 *     that activity (or the average over every partner when it has none), e.g. a deal of
 *     42,000 at 10 points per 1,000 → 420;
 *   - `points_per: {quantity, points}` → `points` for `quantity` units;
 *   - multipliers: on a column the partner carries (segment, region, a partners-file
 *     column) its own factor; on an event column (product...) the best factor the design
 *     offers (at least 1), named in the step's `basis` ("with product saas");
 *   - times the accelerator (`earn_multiplier`) of the tier the partner holds now.
 * Promotions are time-boxed and left out; activities with steps, a target or a gate are
 * left out (one more occurrence does not have a fixed price there). Each credit kind
 * prices its own key (src/engine/rules/).
 *
 * Caps: an activity capped per period can add at most its cap in the next period; one
 * capped per window at most what is left of it in the current window; a category with
 * `max_points` at most what is left of the category in the window, shared by its activities.
 *
 * Order: first the activity counts the tier requires, then the category minimums with
 * the best activities of each category, then the points still missing with the best
 * activities overall. Points added on the way count towards the later gaps.
 */
import type { Program } from '../program/program.js';
import type { GapPlan, PlanStep, RequirementGap } from './transition-types.js';
import { CREDIT_KINDS, type Price } from '../engine/rules/index.js';
import { roundPoints } from './summary-types.js';

export interface GapContext {
  readonly program: Program;
  /** The partner's value of a partner-level column (segment, region, partners-file columns); undefined for an event column. */
  readonly partnerValue: (column: string) => string | undefined;
  /** Earn multiplier of the tier the partner holds now. */
  readonly accelerator: number;
  /** Points of an activity / a category in the current tier window. */
  readonly windowActivityPoints: (activity: string) => number;
  readonly windowCategoryPoints: (category: string) => number;
  /** Average amount per row of an activity: the partner's, else everyone's; undefined when nobody has one. */
  readonly averageAmount: (activity: string) => number | undefined;
}

interface Priced {
  activity: string;
  label: string;
  category: string;
  perOccurrence: number;
  basis: string;
  /** Points this activity may still add (activity cap). */
  headroom: number;
}

/** The price of one more occurrence of every activity that has one, best first (ties by id). */
export function priceActivities(ctx: GapContext): Priced[] {
  const priced: Priced[] = [];
  const priceContext = { averageAmount: ctx.averageAmount, currency: ctx.program.program.currency };
  for (const [id, activity] of Object.entries(ctx.program.activities)) {
    // Each credit kind the activity uses prices one more occurrence, or says it has no fixed price (steps, targets, gates).
    const values = activity as Readonly<Record<string, unknown>>;
    let price: Price | null | undefined;
    for (const kind of CREDIT_KINDS) {
      const value = values[kind.key];
      if (value === undefined) continue;
      const p = kind.price?.(id, value, priceContext);
      if (p === null) {
        price = null;
        break;
      }
      if (p !== undefined) price = p;
    }
    if (price === null) continue;
    const base = price?.base ?? 0;
    const basis: string[] = [...(price?.basis ?? [])];
    let factor = 1;
    for (const [column, table] of Object.entries(activity.multipliers ?? {})) {
      const own = ctx.partnerValue(column);
      if (own !== undefined) {
        factor *= table[own] ?? 1;
        continue;
      }
      let best = 1;
      let bestValue: string | undefined;
      for (const value of Object.keys(table).sort()) {
        const f = table[value] ?? 1;
        if (f > best) {
          best = f;
          bestValue = value;
        }
      }
      factor *= best;
      if (bestValue !== undefined) basis.push(`with ${column} ${bestValue}`);
    }
    const perOccurrence = base * factor * ctx.accelerator;
    if (!(perOccurrence > 0)) continue;
    let headroom = Infinity;
    if (activity.cap !== undefined) {
      headroom = activity.cap.per === 'period' ? activity.cap.points : Math.max(0, activity.cap.points - ctx.windowActivityPoints(id));
    }
    priced.push({
      activity: id,
      label: activity.label ?? id,
      category: activity.category,
      perOccurrence,
      basis: basis.length > 0 ? basis.join(' ') : 'per occurrence',
      headroom,
    });
  }
  priced.sort((a, b) => b.perOccurrence - a.perOccurrence || (a.activity < b.activity ? -1 : a.activity > b.activity ? 1 : 0));
  return priced;
}

export function closeGap(ctx: GapContext, gaps: readonly RequirementGap[]): GapPlan {
  const priced = priceActivities(ctx);
  const byId = new Map(priced.map((p) => [p.activity, p]));
  const categoryRoom = new Map<string, number>();
  for (const [id, category] of Object.entries(ctx.program.categories)) {
    categoryRoom.set(id, category.max_points === undefined ? Infinity : Math.max(0, category.max_points - ctx.windowCategoryPoints(id)));
  }
  const occurrences = new Map<string, number>();
  const added = new Map<string, number>();
  const categoryAdded = new Map<string, number>();
  let totalAdded = 0;
  let closes = true;

  /** Adds up to `count` occurrences of `p`; returns the points they add after caps. */
  const take = (p: Priced, count: number): number => {
    const room = Math.min(p.headroom - (added.get(p.activity) ?? 0), categoryRoom.get(p.category) ?? Infinity);
    const points = Math.max(0, Math.min(count * p.perOccurrence, room));
    occurrences.set(p.activity, (occurrences.get(p.activity) ?? 0) + count);
    added.set(p.activity, (added.get(p.activity) ?? 0) + points);
    categoryAdded.set(p.category, (categoryAdded.get(p.category) ?? 0) + points);
    categoryRoom.set(p.category, (categoryRoom.get(p.category) ?? Infinity) - points);
    totalAdded += points;
    return points;
  };

  /** Fills `need` points with the candidates in order; false when the caps run out first. */
  const fill = (need: number, candidates: readonly Priced[]): boolean => {
    let remaining = need;
    for (const p of candidates) {
      if (remaining <= 1e-9) break;
      const room = Math.min(p.headroom - (added.get(p.activity) ?? 0), categoryRoom.get(p.category) ?? Infinity);
      if (room <= 1e-9) continue;
      const count = Math.ceil(Math.min(remaining, room) / p.perOccurrence - 1e-9);
      remaining -= take(p, count);
    }
    return remaining <= 1e-9;
  };

  for (const gap of gaps) {
    if (gap.kind !== 'activity') continue;
    const p = byId.get(gap.id);
    const missing = Math.ceil(gap.short - 1e-9);
    if (p !== undefined) take(p, missing);
    else {
      // A required activity without a fixed price (steps, gate) still has to happen.
      occurrences.set(gap.id, (occurrences.get(gap.id) ?? 0) + missing);
    }
  }
  for (const gap of gaps) {
    if (gap.kind !== 'category') continue;
    const need = gap.short - (categoryAdded.get(gap.id) ?? 0);
    if (need > 1e-9 && !fill(need, priced.filter((p) => p.category === gap.id))) closes = false;
  }
  for (const gap of gaps) {
    if (gap.kind !== 'points') continue;
    const need = gap.short - totalAdded;
    if (need > 1e-9 && !fill(need, priced)) closes = false;
  }

  const steps: PlanStep[] = [];
  for (const [activity, count] of occurrences) {
    if (count <= 0) continue;
    const p = byId.get(activity);
    const design = ctx.program.activities[activity];
    steps.push({
      activity,
      label: p?.label ?? design?.label ?? activity,
      category: p?.category ?? design?.category ?? '',
      occurrences: count,
      points_per_occurrence: roundPoints(p?.perOccurrence ?? 0),
      points: roundPoints(added.get(activity) ?? 0),
      basis: p?.basis ?? 'no fixed price (steps or gate)',
    });
  }
  return { steps, closes_gap: closes };
}
