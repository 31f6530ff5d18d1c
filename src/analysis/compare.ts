/**
 * Side-by-side comparison of designs (or scenarios of one design) replayed over the same
 * history: one row per measure, one column per variant, and the absolute and relative
 * change of every column against the first. Plus, for each later column, the partners
 * whose final tier differs from the first column's: a count matrix and the biggest
 * movers by points.
 */
import type { Ledger } from '../engine/ledger.js';
import { SELLER_METRICS, type MetricKind } from './metrics.js';
import { roundPoints, roundShare, type RunSummary } from './summary-types.js';

export interface CompareVariant {
  /** Column heading: the file name, the scenario name, or both. */
  readonly label: string;
  readonly summary: RunSummary;
  readonly outcomes: PartnerOutcomes;
}

/**
 * What compare keeps of a ledger: each partner's final tier and points. Taken at once so
 * that five designs over a large history never hold five ledgers.
 */
export interface PartnerOutcomes {
  /** Tier names low to high. */
  readonly tierNames: readonly string[];
  /** By partner id. */
  readonly partners: ReadonlyMap<string, { readonly name: string; readonly tier: string; readonly points: number }>;
}

export interface CompareRow {
  /** Section of the report: points, cost, budget, tiers, rewards. */
  readonly section: string;
  /** Stable key, e.g. `cost.total`, `tiers.Gold.share`, `rewards.mdf_1000.shortfall`. */
  readonly key: string;
  readonly kind: MetricKind;
  /** One per column; null when the column cannot say (no budget, a tier the design lacks). */
  readonly values: readonly (number | null)[];
  /** value − first column's value; null in the first column or when either is null. */
  readonly delta: readonly (number | null)[];
  /** delta / first column's value (a share: 0.1 = +10%); null when the first value is 0 or null. */
  readonly deltaShare: readonly (number | null)[];
}

export interface TierMove {
  readonly partner: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  /** Points in the tier window at the last evaluation (what the thresholds read), in each column. */
  readonly pointsFrom: number;
  readonly pointsTo: number;
  readonly pointsDelta: number;
}

export interface TierChanges {
  /** Labels of the two columns compared (the first column and this one). */
  readonly from: string;
  readonly to: string;
  readonly fromTiers: readonly string[];
  readonly toTiers: readonly string[];
  /** counts[i][j]: partners in fromTiers[i] under the first column and toTiers[j] under this one. */
  readonly counts: readonly (readonly number[])[];
  /** Partners whose tier differs. */
  readonly changed: number;
  /** The `top` partners whose tier differs, by |window points difference| (then id). */
  readonly top: readonly TierMove[];
}

export interface CompareReport {
  readonly columns: readonly string[];
  readonly currency: string;
  readonly partners: number;
  /** Rows of the history every column replayed. */
  readonly events: number;
  readonly rows: readonly CompareRow[];
  readonly tierChanges: readonly TierChanges[];
}

/** Name shown for partners below the lowest tier. */
export const NO_TIER = '(none)';

/** `events`: rows in the history (default: the first column's replayed events, which leave out activities it does not score). */
export function compareVariants(variants: readonly CompareVariant[], options: { top?: number; events?: number } = {}): CompareReport {
  const first = variants[0];
  if (first === undefined) throw new RangeError('compare needs at least one variant');
  const top = options.top ?? 10;
  const rows: CompareRow[] = [];
  const add = (section: string, key: string, kind: MetricKind, read: (s: RunSummary) => number | null): void => {
    const values = variants.map((v) => read(v.summary));
    const base = values[0] ?? null;
    const delta = values.map((v, i) => (i === 0 || v === null || base === null ? null : round(kind, v - base)));
    const deltaShare = values.map((v, i) => (i === 0 || v === null || base === null || base === 0 ? null : roundShare((v - base) / Math.abs(base))));
    rows.push({ section, key, kind, values, delta, deltaShare });
  };

  add('points', 'points.earned', 'points', (s) => s.points.earned);
  add('points', 'points.redeemed', 'points', (s) => s.points.redeemed);
  add('points', 'points.expired', 'points', (s) => s.points.expired);
  // Clawbacks and debts only when a design has them (a design without clawbacks always reads 0).
  const clawing = variants.some((v) => v.summary.points.clawed_back !== 0 || v.summary.points.debt !== 0);
  if (clawing) add('points', 'points.clawed_back', 'points', (s) => s.points.clawed_back);
  add('points', 'points.outstanding', 'points', (s) => s.points.outstanding);
  if (clawing) add('points', 'points.debt', 'points', (s) => s.points.debt);
  add('points', 'points.breakage', 'share', (s) => s.points.breakage);
  add('cost', 'cost.rewards', 'money', (s) => s.cost.rewards);
  add('cost', 'cost.benefits', 'money', (s) => s.cost.benefits);
  add('cost', 'cost.discounts', 'money', (s) => s.cost.discounts);
  add('cost', 'cost.total', 'money', (s) => s.cost.total);
  add('cost', 'cost.liability', 'money', (s) => s.cost.liability);
  add('budget', 'budget.amount', 'money', (s) => s.budget.amount);
  add('budget', 'budget.used_share', 'share', (s) => s.budget.used_share);
  add('budget', 'budget.worst_year_share', 'share', (s) => s.budget.worst_year_share);
  // The seller programme's rows when a column has one (a column without reads '-').
  if (variants.some((v) => v.summary.sellers !== undefined)) for (const m of SELLER_METRICS) add('sellers', m.name, m.kind, m.read);
  for (const tier of unionInOrder(variants.map((v) => v.summary.tiers.map((t) => t.tier)))) {
    const row = (s: RunSummary) => s.tiers.find((t) => t.tier === tier);
    add('tiers', `tiers.${tier}.partners`, 'count', (s) => row(s)?.partners ?? null);
    add('tiers', `tiers.${tier}.share`, 'share', (s) => row(s)?.share ?? null);
  }
  for (const reward of unionInOrder(variants.map((v) => v.summary.rewards.map((r) => r.reward)))) {
    const row = (s: RunSummary) => s.rewards.find((r) => r.reward === reward);
    add('rewards', `rewards.${reward}.units`, 'units', (s) => row(s)?.units ?? null);
    add('rewards', `rewards.${reward}.shortfall`, 'units', (s) => row(s)?.shortfall ?? null);
  }

  return {
    columns: variants.map((v) => v.label),
    currency: first.summary.program.currency,
    partners: first.summary.partners,
    events: options.events ?? first.summary.events,
    rows,
    tierChanges: variants.slice(1).map((v) => tierChanges(first, v, top)),
  };
}

function round(kind: MetricKind, value: number): number {
  return kind === 'share' ? roundShare(value) : roundPoints(value);
}

function unionInOrder(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) for (const item of list) seen.add(item);
  return [...seen];
}

/**
 * Each partner's final tier name and the points its last tier evaluation counted (the tier
 * window's total, `Ledger.windowPoints`, as explain and transition's `points_in_window`),
 * by partner id: the figure the tier thresholds are compared with, not the whole span's.
 */
export function partnerOutcomes(ledger: Ledger): PartnerOutcomes {
  return { tierNames: [...ledger.tierNames], partners: finalTiers(ledger) };
}

function finalTiers(ledger: Ledger): Map<string, { name: string; tier: string; points: number }> {
  const T = ledger.periods.length;
  const result = new Map<string, { name: string; tier: string; points: number }>();
  ledger.partners.forEach((partner, p) => {
    const points = T > 0 ? (ledger.windowPoints[p * T + T - 1] ?? 0) : 0;
    const index = T > 0 ? (ledger.tier[p * T + T - 1] ?? -1) : -1;
    result.set(partner.id, { name: partner.name, tier: ledger.tierNames[index] ?? NO_TIER, points });
  });
  return result;
}

function tierChanges(a: CompareVariant, b: CompareVariant, top: number): TierChanges {
  const before = a.outcomes.partners;
  const after = b.outcomes.partners;
  const fromTiers = [...a.outcomes.tierNames];
  const toTiers = [...b.outcomes.tierNames];
  const moves: TierMove[] = [];
  // Partners are the same (one store), but match by id so that nothing depends on order.
  for (const [id, x] of before) {
    const y = after.get(id);
    if (y === undefined) continue;
    if (x.tier === NO_TIER && !fromTiers.includes(NO_TIER)) fromTiers.unshift(NO_TIER);
    if (y.tier === NO_TIER && !toTiers.includes(NO_TIER)) toTiers.unshift(NO_TIER);
    moves.push({
      partner: id,
      name: x.name,
      from: x.tier,
      to: y.tier,
      pointsFrom: roundPoints(x.points),
      pointsTo: roundPoints(y.points),
      pointsDelta: roundPoints(y.points - x.points),
    });
  }
  const counts = fromTiers.map(() => toTiers.map(() => 0));
  for (const m of moves) {
    const row = counts[fromTiers.indexOf(m.from)];
    const j = toTiers.indexOf(m.to);
    if (row !== undefined && j >= 0) row[j] = (row[j] ?? 0) + 1;
  }
  const changedMoves = moves.filter((m) => m.from !== m.to);
  changedMoves.sort((x, y) => Math.abs(y.pointsDelta) - Math.abs(x.pointsDelta) || (x.partner < y.partner ? -1 : x.partner > y.partner ? 1 : 0));
  return { from: a.label, to: b.label, fromTiers, toTiers, counts, changed: changedMoves.length, top: changedMoves.slice(0, top) };
}
