/**
 * The most points a partner can earn in one tier window, given the caps. Points are
 * clipped by caps after every multiplier, promotion and accelerator (DESIGN §5), so
 * the caps alone bound what a window can hold, whatever the partner does.
 */
import { windowDaysOf } from '../engine/day-window.js';
import { CREDIT_KINDS } from '../engine/rules/index.js';
import type { Program } from './program.js';

export interface WindowBound {
  /** Most points in one tier window; Infinity when some category has no bound. */
  readonly maxPoints: number;
  /** Human-readable descriptions of the bounds that make up maxPoints, one per category. */
  readonly binding: readonly string[];
  /** e.g. "trailing_4 (4 quarters)". */
  readonly window: string;
  /** Periods in one window; Infinity for a lifetime window of an open-ended program. */
  readonly periods: number;
  /** Each category's own bound (Infinity when unbounded) and why, for per-category requirements. */
  readonly categories: Readonly<Record<string, { readonly max: number; readonly why: string }>>;
}

type ReachInput = Pick<Program, 'activities' | 'categories' | 'calendar' | 'program'> & { readonly tiers?: Program['tiers'] | undefined };

const PERIODS_PER_YEAR: Record<string, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const PERIOD_MONTHS: Record<string, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export function periodsInWindow(input: Pick<Program, 'calendar' | 'program'>): number {
  const { tier_window: window, period } = input.calendar;
  const trailing = /^trailing_(\d+)$/.exec(window);
  if (trailing) return Number(trailing[1]);
  // N days touch at most this many periods (the shortest month has 28 days; a window
  // starting on a period's last day adds one): an upper bound, as reachability needs.
  const days = windowDaysOf(window);
  if (days > 0) return Math.ceil(days / (28 * (PERIOD_MONTHS[period] ?? 3))) + 1;
  if (window === 'fiscal_year') return PERIODS_PER_YEAR[period] ?? 1;
  const { starts, ends } = input.program;
  if (ends === undefined) return Infinity;
  const [sy, sm] = starts.split('-').map(Number);
  const [ey, em] = ends.split('-').map(Number);
  const months = ((ey ?? 0) - (sy ?? 0)) * 12 + ((em ?? 0) - (sm ?? 0)) + 1;
  return Math.max(1, Math.ceil(months / (PERIOD_MONTHS[period] ?? 3)));
}

/** One activity's most points per window, with the reason, or Infinity when nothing bounds it. */
/**
 * `accelerator` is the highest tier earn_multiplier: step points pass through it (the
 * engine credits step increments through the accelerator, then the caps).
 */
export function activityBound(id: string, activity: Program['activities'][string], periods: number, accelerator = 1): { max: number; why: string } {
  const bounds: { max: number; why: string }[] = [];
  // Each credit kind the activity uses may bound it (a zero-point way, the top step, a target's bonus).
  const values = activity as Readonly<Record<string, unknown>>;
  for (const kind of CREDIT_KINDS) {
    const value = values[kind.key];
    const bound = value !== undefined ? kind.bound?.(id, value, accelerator) : undefined;
    if (bound !== undefined) bounds.push(bound);
  }
  const cap = activity.cap;
  if (cap !== undefined) {
    if (cap.per === 'window') bounds.push({ max: cap.points, why: `\`${id}\` cap ${cap.points} per window` });
    else if (Number.isFinite(periods)) bounds.push({ max: cap.points * periods, why: `\`${id}\` cap ${cap.points} per period × ${periods} = ${cap.points * periods}` });
  }
  let best: { max: number; why: string } = { max: Infinity, why: `\`${id}\` is uncapped` };
  for (const bound of bounds) if (bound.max < best.max) best = bound;
  return best;
}

export function maxPointsPerWindow(program: ReachInput): WindowBound {
  const periods = periodsInWindow(program);
  const window = `${program.calendar.tier_window} (${Number.isFinite(periods) ? `${periods} ${program.calendar.period}${periods === 1 ? '' : 's'}` : 'open-ended'})`;
  const accelerator = Math.max(1, ...(program.tiers ?? []).map((t) => t.earn_multiplier));
  const byCategory = new Map<string, { max: number; why: string }[]>();
  for (const [id, activity] of Object.entries(program.activities)) {
    const list = byCategory.get(activity.category) ?? [];
    list.push(activityBound(id, activity, periods, accelerator));
    byCategory.set(activity.category, list);
  }
  let total = 0;
  const binding: string[] = [];
  const categories: Record<string, { max: number; why: string }> = {};
  for (const category of [...byCategory.keys()].sort()) {
    const bounds = byCategory.get(category) ?? [];
    const sum = bounds.reduce((s, b) => s + b.max, 0);
    const cap = Object.hasOwn(program.categories, category) ? program.categories[category]?.max_points : undefined;
    if (cap !== undefined && cap <= sum) {
      total += cap;
      const why = `category \`${category}\` max_points ${cap}`;
      binding.push(why);
      categories[category] = { max: cap, why };
    } else {
      total += sum;
      const why = `category \`${category}\`: ${bounds.map((b) => b.why).join(', ')}`;
      if (Number.isFinite(sum)) binding.push(why);
      categories[category] = { max: sum, why };
    }
  }
  // A declared category without activities can hold nothing (or only its cap, whichever is lower: 0).
  for (const category of Object.keys(program.categories)) categories[category] ??= { max: 0, why: `category \`${category}\` has no activities` };
  return { maxPoints: total, binding, window, periods, categories };
}

/** The lowest threshold any partner faces for `tier` (base, regional and track thresholds). */
export function lowestThreshold(program: Pick<Program, 'tiers' | 'tracks'>, tierName: string): number {
  const tier = program.tiers.find((t) => t.name === tierName);
  if (tier === undefined) return Infinity;
  let lowest = tier.min_points;
  for (const byValue of Object.values(tier.min_points_by ?? {})) for (const v of Object.values(byValue)) lowest = Math.min(lowest, v);
  for (const track of Object.values(program.tracks?.list ?? {})) {
    const v = Object.hasOwn(track.min_points, tierName) ? track.min_points[tierName] : undefined;
    if (v !== undefined) lowest = Math.min(lowest, v);
  }
  return lowest;
}
