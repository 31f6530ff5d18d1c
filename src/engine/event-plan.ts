/**
 * The period and activity index of every event of a store, in replay order (position s
 * of a partner's range `partnerStart[code] .. partnerStart[code + 1]` is the event
 * `order[s]`): what walk A otherwise looks up per event and per replay through the day
 * and activity columns (two scattered reads when same-day events are reordered) and the
 * calendar's and the design's tables. They depend only on the store, the calendar's days
 * and the design's activity list, so they are kept per store and reused by every replay
 * (sensitivity's variants, Monte Carlo draws, compare's designs with the same activities
 * and periods) whose tables have the same contents.
 */
import type { EventStore } from '../history/event-store.js';

export interface EventPlan {
  /** Period of each event, -1 outside the calendar (ignored). */
  readonly period: Int32Array;
  /** Activity index of each event, -1 for an activity the design does not list. */
  readonly activity: Int32Array;
}

interface CachedPlan extends EventPlan {
  readonly firstDay: number;
  readonly lastDay: number;
  readonly periodOfDay: Int32Array;
  readonly activityOfCode: Int32Array;
}

const PLANS = new WeakMap<EventStore, CachedPlan>();

function sameContents(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export function eventPlanFor(
  store: EventStore,
  order: Uint32Array | null,
  firstDay: number,
  lastDay: number,
  periodOfDay: Int32Array,
  activityOfCode: Int32Array,
): EventPlan {
  const cached = PLANS.get(store);
  if (
    cached !== undefined &&
    cached.firstDay === firstDay &&
    cached.lastDay === lastDay &&
    sameContents(cached.periodOfDay, periodOfDay) &&
    sameContents(cached.activityOfCode, activityOfCode)
  ) {
    return cached;
  }
  const n = store.size;
  const day = store.day;
  const activityCol = store.activity;
  const period = new Int32Array(n);
  const activity = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    const i = order !== null ? (order[s] as number) : s;
    const d = day[i] as number;
    period[s] = d < firstDay || d > lastDay ? -1 : (periodOfDay[d - firstDay] as number);
    activity[s] = activityOfCode[activityCol[i] as number] as number;
  }
  // Copies of the tables the plan was made from: a later compile's may be new arrays of equal contents.
  const plan: CachedPlan = {
    period,
    activity,
    firstDay,
    lastDay,
    periodOfDay: periodOfDay.slice(),
    activityOfCode: activityOfCode.slice(),
  };
  PLANS.set(store, plan);
  return plan;
}
