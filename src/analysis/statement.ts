/**
 * Ledger → one partner's statement: how every point was earned (base, multipliers,
 * promotions, accelerator, rounding, caps) per activity, category and period; what was
 * redeemed and what expired, and when the next points expire; the tier history; the
 * distance to the next tier and what would close it (gap-closing.ts). Pure: no I/O.
 *
 * Every engine fact comes from the DetailedLedger, as the replay recorded it: the
 * multipliers the partner's events met (`appliedFactors`) and the next expiry
 * (`nextExpiryPoints`, `nextExpiryDay`, from the redemption's FIFO lots). The history is
 * read only for the gap-closing plan's deal sizes (data, not an engine fact).
 */
import { dayOf } from '../engine/calendar.js';
import type { AppliedFactor, DetailedLedger, Ledger } from '../engine/ledger.js';
import { formatDay } from '../history/day.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { amountByActivity, gapContextFor, tierGaps, tierThreshold } from './at-risk.js';
import { closeGap } from './gap-closing.js';
import { ruleNotes } from './rule-notes/index.js';
import { warmUp } from './warm-up.js';
import { programAt } from './program-at.js';
import { designChanges, type DesignChange } from './design-versions.js';
import { designLabels } from './transition-labels.js';
import type { ActivityLine, AppliedRule, PromotionApplied, RedemptionLine, Statement, StatementPeriod } from './statement-types.js';
import { roundMoney, roundPoints, roundUnits, wholeUnits } from './summary-types.js';
import { NONE } from './transition-types.js';

const emptyLine = (): ActivityLine => ({ count: 0, base: 0, multipliers: 0, promotions: 0, accelerator: 0, rounding: 0, released: 0, capped: 0, points: 0, clawed_back: 0 });

function roundLine(line: ActivityLine): ActivityLine {
  return {
    count: roundPoints(line.count),
    base: roundPoints(line.base),
    multipliers: roundPoints(line.multipliers),
    promotions: roundPoints(line.promotions),
    accelerator: roundPoints(line.accelerator),
    rounding: roundPoints(line.rounding),
    released: roundPoints(line.released),
    capped: roundPoints(line.capped),
    points: roundPoints(line.points),
    clawed_back: roundPoints(line.clawed_back),
  };
}

const touched = (line: ActivityLine): boolean => line.count !== 0 || line.points !== 0 || line.capped !== 0 || line.released !== 0 || line.clawed_back !== 0;

/** "product: saas ×1.5, perpetual ×0.8; region: apac ×1.2": one activity's factors, in the ledger's order (columns as designed, values sorted). */
function describeFactors(factors: readonly AppliedFactor[]): string {
  const columns: string[] = [];
  let column: string | undefined;
  let values: string[] = [];
  for (const f of factors) {
    if (f.column !== column) {
      if (column !== undefined) columns.push(`${column}: ${values.join(', ')}`);
      column = f.column;
      values = [];
    }
    values.push(`${f.value} ×${f.factor}`);
  }
  if (column !== undefined) columns.push(`${column}: ${values.join(', ')}`);
  return columns.join('; ');
}

/** The partner's ledger index, or -1. */
export function findPartner(ledger: Ledger, id: string): number {
  return ledger.partners.findIndex((p) => p.id === id);
}

/**
 * `fleet` is the whole history when `ledger` and `store` hold one partner's slice
 * (src/history/partner-slice.ts): the gap-closing plan averages deal sizes over everyone.
 */
export function buildStatement(ledger: DetailedLedger, store: EventStore, partners: PartnerTable | undefined, p: number, fleet: EventStore = store): Statement {
  const program = ledger.program;
  const partner = ledger.partners[p];
  if (partner === undefined) throw new Error(`buildStatement: no partner at index ${p}`);
  const T = ledger.periods.length;
  const A = ledger.activityIds.length;
  const C = ledger.categoryIds.length;
  const R = ledger.rewardIds.length;
  const last = T - 1;
  const tierName = (i: number): string => (i >= 0 ? (ledger.tierNames[i] ?? NONE) : NONE);

  const totals = new Map<string, ActivityLine>();
  const categoryTotals = new Map<string, number>();
  const periods: StatementPeriod[] = [];
  let earned = 0;
  let clawedBack = 0;
  let redeemed = 0;
  let expired = 0;

  for (let t = 0; t < T; t++) {
    const period = ledger.periods[t];
    if (period === undefined) continue;
    const i = p * T + t;
    const byActivity: Record<string, ActivityLine> = {};
    ledger.activityIds.forEach((activity, a) => {
      const k = i * A + a;
      const line: ActivityLine = {
        count: ledger.countByActivity[k] ?? 0,
        base: ledger.basePointsByActivity[k] ?? 0,
        multipliers: ledger.multiplierPointsByActivity[k] ?? 0,
        promotions: ledger.promotionPointsByActivity[k] ?? 0,
        accelerator: ledger.acceleratorPointsByActivity[k] ?? 0,
        rounding: ledger.roundingPointsByActivity[k] ?? 0,
        released: ledger.releasedPointsByActivity?.[k] ?? 0,
        capped: ledger.cappedPointsByActivity[k] ?? 0,
        points: ledger.pointsByActivity[k] ?? 0,
        clawed_back: ledger.clawedBackPointsByActivity[k] ?? 0,
      };
      if (!touched(line)) return;
      byActivity[activity] = roundLine(line);
      const total = totals.get(activity) ?? emptyLine();
      for (const key of Object.keys(line) as (keyof ActivityLine)[]) total[key] += line[key];
      totals.set(activity, total);
    });
    const byCategory: Record<string, number> = {};
    ledger.categoryIds.forEach((category, c) => {
      const v = ledger.pointsByCategory[i * C + c] ?? 0;
      if (v === 0) return;
      byCategory[category] = roundPoints(v);
      categoryTotals.set(category, (categoryTotals.get(category) ?? 0) + v);
    });
    const redemptions: Record<string, number> = {};
    const expectedRedemptions: Record<string, number> = {};
    ledger.rewardIds.forEach((reward, r) => {
      const units = ledger.redeemedUnits[i * R + r] ?? 0;
      if (units === 0) return;
      redemptions[reward] = wholeUnits(units);
      expectedRedemptions[reward] = roundUnits(units);
    });
    earned += ledger.earned[i] ?? 0;
    clawedBack += ledger.clawedBack[i] ?? 0;
    redeemed += ledger.redeemed[i] ?? 0;
    expired += ledger.expired[i] ?? 0;
    periods.push({
      period: period.label,
      start: period.startDate,
      end: period.endDate,
      tier_during: tierName(ledger.startTier[i] ?? -1),
      tier: tierName(ledger.tier[i] ?? -1),
      in_grace: (ledger.inGrace[i] ?? 0) === 1,
      points_in_window: roundPoints(ledger.windowPoints[i] ?? 0),
      earned: roundPoints(ledger.earned[i] ?? 0),
      clawed_back: roundPoints(ledger.clawedBack[i] ?? 0),
      redeemed: roundPoints(ledger.redeemed[i] ?? 0),
      expired: roundPoints(ledger.expired[i] ?? 0),
      balance: roundPoints(ledger.balance[i] ?? 0),
      amount: roundMoney(ledger.amount[i] ?? 0),
      by_activity: byActivity,
      by_category: byCategory,
      redemptions,
      expected_redemptions: expectedRedemptions,
    });
  }

  const byActivity: Record<string, ActivityLine> = {};
  for (const activity of ledger.activityIds) {
    const line = totals.get(activity);
    if (line !== undefined) byActivity[activity] = roundLine(line);
  }
  const byCategory: Record<string, number> = {};
  for (const category of ledger.categoryIds) {
    const v = categoryTotals.get(category);
    if (v !== undefined) byCategory[category] = roundPoints(v);
  }

  // ---- rules applied ----
  const factors = ledger.appliedFactors[p] ?? [];
  const multipliers: AppliedRule[] = [];
  const accelerator: AppliedRule[] = [];
  const caps: AppliedRule[] = [];
  for (const activity of ledger.activityIds) {
    const line = totals.get(activity);
    const design = program.activities[activity];
    if (line === undefined || design === undefined) continue;
    if (line.multipliers !== 0) {
      // Only the factors this partner's events met, not every value the design lists.
      const a = ledger.activityIds.indexOf(activity);
      multipliers.push({ activity, rule: describeFactors(factors.filter((f) => f.activity === a)), points: roundPoints(line.multipliers) });
    }
    if (line.accelerator !== 0) {
      const a = ledger.activityIds.indexOf(activity);
      const held = new Set<string>();
      for (let t = 0; t < T; t++) {
        if ((ledger.acceleratorPointsByActivity[(p * T + t) * A + a] ?? 0) !== 0) {
          const tier = programAt(ledger, t).tiers[ledger.startTier[p * T + t] ?? -1];
          if (tier !== undefined) held.add(`${tier.name} ×${tier.earn_multiplier}`);
        }
      }
      accelerator.push({ activity, rule: `earn_multiplier of ${[...held].join(', ')}`, points: roundPoints(line.accelerator) });
    }
    if (line.capped !== 0) {
      const rules: string[] = [];
      if (design.cap !== undefined) rules.push(`cap ${design.cap.points} per ${design.cap.per}`);
      const categoryCap = program.categories[design.category]?.max_points;
      if (categoryCap !== undefined) rules.push(`category ${design.category} max ${categoryCap} per window`);
      if (design.requires !== undefined) rules.push('gate (requires)');
      for (const [group, members] of Object.entries(program.best_of ?? {})) if (members.includes(activity)) rules.push(`best of ${group}`);
      caps.push({ activity, rule: rules.join('; '), points: roundPoints(line.capped) });
    }
  }

  const promotions: PromotionApplied[] = [];
  for (const promotion of program.promotions) {
    const from = dayOf(promotion.from);
    const to = dayOf(promotion.to);
    const activities = new Set<string>();
    let points = 0;
    ledger.periods.forEach((period, t) => {
      if (period.end < from || period.start > to) return;
      ledger.activityIds.forEach((activity, a) => {
        if (promotion.activities !== undefined && !promotion.activities.includes(activity)) return;
        const category = program.activities[activity]?.category ?? '';
        if (promotion.categories !== undefined && !promotion.categories.includes(category)) return;
        const v = ledger.promotionPointsByActivity[(p * T + t) * A + a] ?? 0;
        if (v === 0) return;
        activities.add(activity);
        points += v;
      });
    });
    if (activities.size > 0) {
      promotions.push({ name: promotion.name, from: promotion.from, to: promotion.to, multiply: promotion.multiply, activities: [...activities], points: roundPoints(points) });
    }
  }

  const redemptions: RedemptionLine[] = [];
  ledger.rewardIds.forEach((reward, r) => {
    // Each period's units at the price and vendor cost in force then (dated changes).
    let units = 0;
    let points = 0;
    let money = 0;
    for (let t = 0; t < T; t++) {
      const u = ledger.redeemedUnits[(p * T + t) * R + r] ?? 0;
      if (u === 0) continue;
      const design = programAt(ledger, t).rewards.find((x) => x.id === reward);
      units += u;
      points += u * (design?.cost_points ?? 0);
      money += u * (design?.vendor_cost ?? 0);
    }
    if (units === 0) return;
    redemptions.push({
      reward,
      units: wholeUnits(units),
      expected_units: roundUnits(units),
      points: roundPoints(points),
      vendor_cost: roundMoney(money),
    });
  });

  // ---- expiry: the lot the engine's redemption reports as expiring next ----
  const months = program.points.expiry_months ?? null;
  const nextPoints = ledger.nextExpiryPoints[p] ?? 0;
  const next: Statement['expiry']['next'] = nextPoints > 0 ? { date: formatDay(ledger.nextExpiryDay[p] ?? 0), points: roundPoints(nextPoints) } : null;

  // ---- tiers ----
  const tierHistory: Statement['tier_history'] = [];
  let previous = T > 0 ? (ledger.startTier[p * T] ?? -1) : -1;
  for (let t = 0; t < T; t++) {
    const tier = ledger.tier[p * T + t] ?? -1;
    if (tier !== previous) tierHistory.push({ period: ledger.periods[t]?.label ?? '', from: tierName(previous), to: tierName(tier) });
    previous = tier;
  }

  const current = T > 0 ? (ledger.tier[p * T + last] ?? -1) : -1;
  let nextTier: Statement['next_tier'] = null;
  if (T > 0 && current + 1 < ledger.tierNames.length) {
    const target = current + 1;
    const standing = { ledger, p, t: last, windowStart: ledger.windowStart[last] ?? 0, thresholds: ledger.tierThresholds };
    const gaps = tierGaps(standing, target);
    const points = ledger.windowPoints[p * T + last] ?? 0;
    nextTier = {
      tier: tierName(target),
      points_needed: roundPoints(Math.max(0, tierThreshold(standing, target) - points)),
      gaps,
      plan: closeGap(gapContextFor({ ...standing, store, fleetAmounts: amountByActivity(fleet), partners }), gaps),
    };
  }

  return {
    format_version: 1,
    program: { name: program.program.name, currency: program.program.currency },
    partner: partner.id,
    name: partner.name,
    segment: partner.segment,
    region: partner.region,
    legacy_level: partner.legacyLevel,
    tier: tierName(current),
    evaluated_at: ledger.periods[last]?.label ?? '',
    in_grace: T > 0 && (ledger.inGrace[p * T + last] ?? 0) === 1,
    points_in_window: roundPoints(T > 0 ? (ledger.windowPoints[p * T + last] ?? 0) : 0),
    totals: {
      ...(program.launch?.opening_points !== undefined ? { opening: roundPoints(ledger.openingPoints[p] ?? 0) } : {}),
      earned: roundPoints(earned),
      clawed_back: roundPoints(clawedBack),
      redeemed: roundPoints(redeemed),
      expired: roundPoints(expired),
      balance: roundPoints(T > 0 ? (ledger.balance[p * T + last] ?? 0) : 0),
    },
    warm_up: warmUp(ledger),
    ...changesOf(designChanges(ledger)),
    by_activity: byActivity,
    by_category: byCategory,
    multipliers,
    promotions,
    accelerator,
    caps,
    redemptions,
    expiry: { months, expired: roundPoints(expired), next },
    rule_notes: ruleNotes(ledger, p).map((n) => ({ period: ledger.periods[n.t]?.label ?? '', rule: n.rule, text: n.text, points: n.points === null ? null : roundPoints(n.points) })),
    tier_history: tierHistory,
    next_tier: nextTier,
    periods,
    labels: designLabels(program),
  };
}

/** `{ changes }` when the design has dated changes, else nothing (the key is absent without them). */
function changesOf(changes: DesignChange[] | null): { changes?: DesignChange[] } {
  return changes === null ? {} : { changes };
}
