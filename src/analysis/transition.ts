/**
 * Ledger (+ the store it was replayed from) → the transition report model: for every
 * partner its legacy level against its new tier, the migration matrix, who moves up or
 * down, who is at risk and what would close the gap, and the cost of both programs.
 * Pure: no I/O.
 *
 * Conventions a reader of the report needs (the HTML and Markdown repeat them):
 *   - "new tier" is the tier after the last evaluation of the replay;
 *   - movement compares it with the tier `legacy.equivalent` maps the legacy level to,
 *     by rank (tiers low to high); a level without an equivalent is `unmapped`;
 *   - at risk = moves down (holds a lower tier than the one equivalent to its level), or
 *     holds the equivalent tier only thanks to a grace period, or to the launch state's
 *     grandfathering, at the last evaluation;
 *   - cost is compared over the last year of the replay (the last 4 quarters, 12 months,
 *     2 halves or 1 year; fewer when the replay is shorter), counting only the days
 *     inside the program's dates: the new program's rewards at vendor cost + tier
 *     benefits + discounts, against the legacy levels' annual benefit cost prorated to
 *     those days + their discount_pct on the partner's amount over the same span.
 */
import { coveredDates, coveredShare } from './period-coverage.js';
import type { Ledger } from '../engine/ledger.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { amountByActivity, gapContextFor, tierGaps, tierThreshold } from './at-risk.js';
import { writeExecutiveSummary } from './executive-summary.js';
import { closeGap } from './gap-closing.js';
import { DETAIL_BATCH, detailFromLedger, type DetailSource } from './partner-detail.js';
import { designLabels } from './transition-labels.js';
import { assessLegacyLevels } from './legacy-level.js';
import { warmUp, warmUpLine } from './warm-up.js';
import { changeLines, designChanges } from './design-versions.js';
import { roundMoney, roundPoints, roundShare } from './summary-types.js';
import {
  MOVEMENTS,
  NONE,
  type AtRiskPartner,
  type GroupTransition,
  type MigrationMatrix,
  type Movement,
  type TransitionPartner,
  type TransitionReport,
} from './transition-types.js';

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `detail` gives the at-risk partners' per-activity figures (activity counts and points,
 * category points in the tier window); omitted, they are read from `ledger`, which must
 * then be detailed. A lean ledger (`detail: false`) with `detailFromSlices` gives the same
 * report with memory for a batch of partners instead of everyone's arrays.
 */
export function buildTransition(ledger: Ledger, store: EventStore, partners?: PartnerTable, detailSource?: DetailSource): TransitionReport {
  const program = ledger.program;
  const legacyDesign = program.legacy;
  if (legacyDesign === undefined) throw new Error('buildTransition: the design has no `legacy:` section');
  // The at-risk gaps read activity counts and points in the window: a lean ledger has none.
  if (detailSource === undefined && !ledger.detailed) throw new Error('buildTransition: needs a detailed ledger (replay without `detail: false`) or a detail source');
  const detail = detailSource ?? detailFromLedger(ledger);
  const T = ledger.periods.length;
  const last = T - 1;
  const P = ledger.partners.length;
  const warnings: string[] = [];

  const legacy = assessLegacyLevels(program, store, ledger.partners);
  warnings.push(...legacy.warnings);
  const warm = warmUp(ledger);
  if (program.launch !== undefined) {
    // The launch state reads the level partners were told (legacy_level), not one computed from revenue after the launch.
    const computed = [...legacy.byPartner.values()].filter((a) => a.source === 'computed').length;
    if (computed > 0) warnings.push(`launch grandfathers partners by their legacy_level: the ${computed} partner(s) whose level is computed here (no legacy_level) started the replay as new partners`);
  }

  const tierIndex = new Map(ledger.tierNames.map((name, i) => [name, i]));
  const equivalentOf = (level: string): string | null => {
    const tier = legacyDesign.equivalent[level];
    return tier !== undefined && tierIndex.has(tier) ? tier : null;
  };
  for (const [level, tier] of Object.entries(legacyDesign.equivalent).sort(([a], [b]) => byKey(a, b))) {
    if (!tierIndex.has(tier)) warnings.push(`legacy.equivalent maps ${level} to \`${tier}\`, which is not a tier of this design`);
  }
  const tierName = (i: number): string => (i >= 0 ? (ledger.tierNames[i] ?? NONE) : NONE);
  const movementOf = (equivalent: string | null, tier: number): Movement => {
    if (equivalent === null) return 'unmapped';
    const target = tierIndex.get(equivalent) ?? -1;
    return tier > target ? 'up' : tier < target ? 'down' : 'same';
  };

  // ---- the cost span: the last year of the replay ----
  const perYear = ledger.periodsPerYear;
  const spanStart = Math.max(0, T - perYear);
  const spanPeriods = ledger.periods.slice(spanStart);
  // The legacy levels' annual cost over the same days the new program's figures cover: a
  // last quarter cut by program.ends accrues only its days inside (engine proration).
  const yearFraction = spanPeriods.reduce((sum, period) => sum + coveredShare(ledger, period), 0) / perYear;
  const spanDates = coveredDates(ledger, spanPeriods);
  const levelDesign = new Map(legacyDesign.levels.map((l) => [l.name, l]));

  const thresholds = ledger.tierThresholds;
  const fleetAmounts = amountByActivity(store);

  const rows: TransitionPartner[] = [];
  const atRisk: AtRiskPartner[] = [];
  // At-risk partners with a target tier, priced after the loop a batch at a time (their detail is replayed per batch).
  const pending: { p: number; level: string; equivalent: string; tier: number; inGrace: boolean; grandfathered: boolean }[] = [];
  const legacyCost = { benefits: 0, discounts: 0 };
  const newCost = { rewards: 0, benefits: 0, discounts: 0 };

  ledger.partners.forEach((partner, p) => {
    const assessed = legacy.byPartner.get(partner.id) ?? { level: NONE, source: 'computed' as const, revenue: 0, certified: 0 };
    const tier = T > 0 ? (ledger.tier[p * T + last] ?? -1) : -1;
    const equivalent = equivalentOf(assessed.level);
    const movement = movementOf(equivalent, tier);
    // Holding the equivalent tier only thanks to a grace period is being at risk too:
    // the next evaluation takes it away unless the gap closes.
    const inGrace = T > 0 && (ledger.inGrace[p * T + last] ?? 0) === 1;
    // So is holding it only because the launch state grandfathers it: `launch.until` takes it away.
    const grandfathered = T > 0 && (ledger.grandfathered[p * T + last] ?? 0) === 1;
    const atRiskNow = movement === 'down' || (movement === 'same' && (inGrace || grandfathered));

    let rewards = 0;
    let benefits = 0;
    let discounts = 0;
    let amount = 0;
    for (let t = spanStart; t < T; t++) {
      const i = p * T + t;
      benefits += ledger.benefitCost[i] ?? 0;
      discounts += ledger.discountCost[i] ?? 0;
      amount += ledger.amount[i] ?? 0;
      rewards += ledger.rewardCost[i] ?? 0;
    }
    newCost.rewards += rewards;
    newCost.benefits += benefits;
    newCost.discounts += discounts;
    const level = levelDesign.get(assessed.level);
    const oldBenefits = (level?.benefits?.annual_cost ?? 0) * yearFraction;
    const oldDiscounts = ((level?.benefits?.discount_pct ?? 0) / 100) * amount;
    legacyCost.benefits += oldBenefits;
    legacyCost.discounts += oldDiscounts;

    rows.push({
      partner: partner.id,
      name: partner.name,
      segment: partner.segment,
      region: partner.region,
      legacy_level: assessed.level,
      legacy_source: assessed.source,
      legacy_revenue: roundMoney(assessed.revenue),
      legacy_certified: assessed.certified,
      equivalent_tier: equivalent,
      new_tier: tierName(tier),
      movement,
      points_in_window: roundPoints(T > 0 ? (ledger.windowPoints[p * T + last] ?? 0) : 0),
      tiers_by_period: ledger.periods.map((_, t) => tierName(ledger.tier[p * T + t] ?? -1)),
      legacy_cost: roundMoney(oldBenefits + oldDiscounts),
      new_cost: roundMoney(rewards + benefits + discounts),
      at_risk: atRiskNow,
    });

    if (atRiskNow && equivalent !== null) pending.push({ p, level: assessed.level, equivalent, tier, inGrace, grandfathered });
  });

  // ---- the at-risk partners' gaps and plans: the only figures that need per-activity detail ----
  for (let from = 0; from < pending.length && T > 0; from += DETAIL_BATCH) {
    const batch = pending.slice(from, from + DETAIL_BATCH);
    const detailOf = detail(batch.map((x) => x.p));
    for (const { p, level, equivalent, tier, inGrace, grandfathered } of batch) {
      const partner = ledger.partners[p];
      if (partner === undefined) continue;
      const target = tierIndex.get(equivalent) ?? 0;
      const standing = { ledger, p, t: last, windowStart: ledger.windowStart[last] ?? 0, thresholds, detail: detailOf(p) };
      const gaps = tierGaps(standing, target);
      const threshold = tierThreshold(standing, target);
      const points = ledger.windowPoints[p * T + last] ?? 0;
      atRisk.push({
        partner: partner.id,
        name: partner.name,
        segment: partner.segment,
        region: partner.region,
        legacy_level: level,
        target_tier: equivalent,
        new_tier: tierName(tier),
        in_grace: inGrace,
        grandfathered,
        points_in_window: roundPoints(points),
        threshold,
        points_short: roundPoints(Math.max(0, threshold - points)),
        gaps,
        plan: closeGap(gapContextFor({ ...standing, store, fleetAmounts, partners }), gaps),
      });
    }
  }

  const matrix = migrationMatrix(rows, legacyDesign.levels.map((l) => l.name), ledger.tierNames);
  const belowLowest = matrix.tiers[0] === NONE;

  // ---- movement, distribution, periods ----
  const movement = Object.fromEntries(
    MOVEMENTS.map((m) => {
      const n = rows.filter((r) => r.movement === m).length;
      return [m, { partners: n, share: P > 0 ? roundShare(n / P) : 0 }];
    }),
  ) as TransitionReport['movement'];
  const distributionTiers = belowLowest || rows.some((r) => r.equivalent_tier === null) ? [...ledger.tierNames, NONE] : [...ledger.tierNames];
  const tierDistribution = distributionTiers.map((tier) => ({
    tier,
    before: rows.filter((r) => (r.equivalent_tier ?? NONE) === tier).length,
    after: rows.filter((r) => r.new_tier === tier).length,
  }));
  const byPeriod = ledger.periods.map((period, t) => {
    const tally: Record<Movement, number> = { up: 0, same: 0, down: 0, unmapped: 0 };
    rows.forEach((r, p) => tally[movementOf(r.equivalent_tier, ledger.tier[p * T + t] ?? -1)]++);
    return { period: period.label, ...tally };
  });

  const legacyTotal = legacyCost.benefits + legacyCost.discounts;
  const newTotal = newCost.rewards + newCost.benefits + newCost.discounts;
  const sources = new Set(rows.map((r) => r.legacy_source));
  const report: TransitionReport = {
    format_version: 1,
    program: { name: program.program.name, currency: program.program.currency },
    partners: P,
    evaluated_at: ledger.periods[last]?.label ?? '',
    legacy: {
      source: sources.size === 1 ? (rows[0]?.legacy_source ?? 'computed') : sources.size === 0 ? 'computed' : 'mixed',
      revenue_from: legacy.revenueFrom,
      revenue_to: legacy.revenueTo,
      certified_activity: legacy.certifiedActivity,
      levels: legacyDesign.levels.map((l) => ({
        name: l.name,
        revenue: l.revenue,
        certified: l.certified,
        annual_cost: l.benefits?.annual_cost ?? 0,
        discount_pct: l.benefits?.discount_pct ?? 0,
        equivalent: equivalentOf(l.name),
      })),
    },
    movement,
    matrix,
    tier_distribution: tierDistribution,
    by_period: byPeriod,
    cost: {
      from: spanDates.from,
      to: spanDates.to,
      periods: spanPeriods.map((p) => p.label),
      legacy: {
        benefits: roundMoney(legacyCost.benefits),
        discounts: roundMoney(legacyCost.discounts),
        total: roundMoney(legacyTotal),
      },
      new: {
        rewards: roundMoney(newCost.rewards),
        benefits: roundMoney(newCost.benefits),
        discounts: roundMoney(newCost.discounts),
        total: roundMoney(newTotal),
      },
      difference: roundMoney(newTotal - legacyTotal),
      difference_share: legacyTotal > 0 ? roundShare((newTotal - legacyTotal) / legacyTotal) : null,
    },
    by_segment: groupTransitions(rows, 'segment'),
    by_region: groupTransitions(rows, 'region'),
    at_risk: atRisk.sort((a, b) => b.points_short - a.points_short || byKey(a.partner, b.partner)),
    executive_summary: [],
    warnings,
    warm_up: warm,
    partner_rows: rows,
    labels: designLabels(program),
  };
  const changes = designChanges(ledger);
  if (changes !== null) report.changes = changes;
  report.executive_summary = writeExecutiveSummary(report);
  // The new tiers were reached under these versions of the design: every figure above depends on them.
  report.executive_summary.push(...changeLines(changes).map((line) => `Dated change: ${line}.`));
  // Last, as a caveat on every figure above it: the replay started with no launch state.
  const warmLine = warmUpLine(warm);
  if (warmLine !== null) report.executive_summary.push(warmLine);
  return report;
}

/** Legacy level (rows: `(none)` first, the design's levels, then unknown ones) × new tier (columns). */
function migrationMatrix(rows: readonly TransitionPartner[], levels: readonly string[], tierNames: readonly string[]): MigrationMatrix {
  const extra = [...new Set(rows.map((r) => r.legacy_level).filter((l) => !levels.includes(l)))].sort(byKey);
  const legacyLevels = [...extra.filter((l) => l === NONE), ...levels, ...extra.filter((l) => l !== NONE)];
  const tiers = rows.some((r) => r.new_tier === NONE) ? [NONE, ...tierNames] : [...tierNames];
  const counts = legacyLevels.map(() => tiers.map(() => 0));
  for (const r of rows) {
    const row = counts[legacyLevels.indexOf(r.legacy_level)];
    const c = tiers.indexOf(r.new_tier);
    if (row !== undefined && c >= 0) row[c] = (row[c] ?? 0) + 1;
  }
  const rowShares = counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((n) => (total > 0 ? roundShare(n / total) : 0));
  });
  return { legacy_levels: legacyLevels, tiers, counts, row_shares: rowShares };
}

/** Movements, at-risk count and both costs per segment or region (blank → `(none)`), by key. */
function groupTransitions(rows: readonly TransitionPartner[], field: 'segment' | 'region'): GroupTransition[] {
  const groups = new Map<string, TransitionPartner[]>();
  for (const r of rows) {
    const key = r[field] === '' ? NONE : r[field];
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.keys()].sort(byKey).map((key) => {
    const members = groups.get(key) ?? [];
    const count = (m: Movement): number => members.filter((r) => r.movement === m).length;
    return {
      key,
      partners: members.length,
      up: count('up'),
      same: count('same'),
      down: count('down'),
      unmapped: count('unmapped'),
      at_risk: members.filter((r) => r.at_risk).length,
      legacy_cost: roundMoney(members.reduce((s, r) => s + r.legacy_cost, 0)),
      new_cost: roundMoney(members.reduce((s, r) => s + r.new_cost, 0)),
    };
  });
}
