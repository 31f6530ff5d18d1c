/**
 * Compile: program × store (× partners) → lookup tables the scoring loop reads by index.
 * Everything that depends only on the design and on the interned values of the history
 * (activity rules, multiplier factors per dimension code, promotion masks, where masks,
 * per-partner thresholds and redemption behaviour) is computed here once, so a replay
 * allocates nothing per event and looks nothing up by name.
 */
import { reversingActivities } from '../program/history-activities.js';
import type { EventStore } from '../history/event-store.js';
import type { Program } from '../program/program.js';
import { scoringTracks, trackProgram } from '../program/track-program.js';
import { changesOf, versionPrograms } from '../program/versions.js';
import { hashRange } from '../history/interner.js';
import { buildCalendar, dayOf, type Calendar } from './calendar.js';
import type { PartnerIndex } from './partner-index.js';
import type { EventPlan, PreparedHistory } from './prepare.js';
import { CREDIT_KINDS, type EventWeights } from './rules/index.js';
import { compileLaunch, type CompiledLaunch } from './launch.js';
import { compileRounding, compileTotalRounding, type CompiledRounding, type CompiledTotalRounding } from './rounding.js';
import { compileTerm, type CompiledTerm } from './term.js';
import { compileWhere, matchesText, type CompiledWhere } from './where.js';

export interface MultiplierColumn {
  /** Codes of the history column, or null when the column is only a partner attribute. */
  readonly codes: Uint32Array | null;
  /** Factor per value code of the history column (1 when the value is not listed). */
  readonly byCode: Float64Array;
  /** Factor per ledger partner, used when the event's value is blank or the column is not in the history. */
  readonly byPartner: Float64Array;
}

export interface CompiledActivity {
  readonly id: string;
  readonly index: number;
  readonly category: number;
  readonly points: number;
  /** Points per unit of amount (points_per.points / points_per.amount), 0 when none. */
  readonly perAmount: number;
  readonly perQuantity: number;
  readonly where: CompiledWhere | null;
  readonly multipliers: readonly MultiplierColumn[];
  /** Codes of the `distinct` column, or null. */
  readonly distinct: Uint32Array | null;
  readonly distinctValues: number;
  /** Share per code of the `stage` column, or null when the activity is not staged. */
  readonly stageShare: Float64Array | null;
  readonly stageCodes: Uint32Array | null;
  /** Cap in points (Infinity: none) and whether it runs over the tier window rather than the period. */
  readonly cap: number;
  readonly capWindow: boolean;
  readonly round: CompiledRounding;
}

export interface CompiledPromotion {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly factor: number;
  /** 1 for every activity index the promotion applies to. */
  readonly activities: Uint8Array;
  readonly where: CompiledWhere | null;
}

export interface CompiledTiers {
  readonly names: readonly string[];
  /** One P × K threshold table per alternative: one without tracks or with assigned tracks; one per track in `best` mode. */
  readonly thresholds: readonly Float64Array[];
  /** Per tier: category index / minimum points in the window. */
  readonly reqCategory: readonly Int32Array[];
  readonly reqCategoryMin: readonly Float64Array[];
  /** Per tier: activity index / minimum count in the window. */
  readonly reqActivity: readonly Int32Array[];
  readonly reqActivityMin: readonly Float64Array[];
  readonly earnMultiplier: Float64Array;
  readonly grace: Int32Array;
  /** Per tier, `grace_days` (-1 when the tier counts grace in evaluations), and each period's last day. */
  readonly graceDays: Int32Array;
  readonly periodEnd: Int32Array;
  readonly annualCost: Float64Array;
  readonly discountPct: Float64Array;
}

export interface CompiledRedemption {
  /** Behaviour index of each ledger partner (0 = default). */
  readonly behaviourOf: Int32Array;
  /** Per behaviour: spend rate, and share of the spend per reward (B × R). */
  readonly rate: Float64Array;
  readonly mix: Float64Array;
  /** A hash of each ledger partner's id: seeds its redemption draws whatever its index (see draw-uniform.ts). */
  readonly partnerKey: Uint32Array;
}

export interface CompiledRewards {
  readonly ids: readonly string[];
  readonly costPoints: Float64Array;
  readonly vendorCost: Float64Array;
  /** Units available per whole period (Infinity: unlimited); a yearly capacity is split evenly over the year's periods. */
  readonly capacityPerPeriod: Float64Array;
  /** 1 for a yearly capacity: its share of a period cut by the program's dates is prorated. */
  readonly capacityYearly: Uint8Array;
}

export interface CompiledVersion {
  /** First day in force (version 0: before every day). */
  readonly from: number;
  readonly compiled: CompiledProgram;
}

export interface CompiledProgram {
  readonly program: Program;
  readonly store: EventStore;
  /** The prepared history the program was compiled against (see prepare.ts). */
  readonly history: PreparedHistory;
  /** Each event's period and activity index, in replay order. */
  readonly plan: EventPlan;
  readonly calendar: Calendar;
  readonly partners: PartnerIndex;
  readonly activityIds: readonly string[];
  /** Activity id → index. */
  readonly activityIndex: ReadonlyMap<string, number>;
  readonly categoryIds: readonly string[];
  readonly activities: readonly CompiledActivity[];
  /** Store activity code → activity index (-1: not in the design; -2: not scored, read by a clawback's `when`). */
  readonly activityOfCode: Int32Array;
  readonly promotions: readonly CompiledPromotion[];
  readonly categoryCap: Float64Array;
  readonly tiers: CompiledTiers;
  readonly rewards: CompiledRewards;
  readonly redemption: CompiledRedemption;
  readonly basisBalance: boolean;
  /** `points.round` when it rounds a window total rather than each event (window-rounding.ts), else null. */
  readonly totalRounding: CompiledTotalRounding | null;
  /** `launch:` (grandfathered tiers, opening balances), or null. */
  readonly launch: CompiledLaunch | null;
  /** `calendar.term`, or null. */
  readonly term: CompiledTerm | null;
  /** Periods after the period of earning at whose end unspent points expire (0: never). */
  readonly expiryPeriods: number;
  /** Tracks scored as programs of their own (`tracks.mode: best` with `set`; best-track.ts), in the design's order; empty otherwise. */
  readonly trackNames: readonly string[];
  readonly trackPrograms: readonly CompiledProgram[];
  /**
   * Dated changes (src/program/versions.ts): every version compiled on its own, version 0
   * (the design as written) first, with the first day each is in force; empty when the
   * design has no `changes`. The tables of this object are version 0's.
   */
  readonly versions: readonly CompiledVersion[];
  /** Per period, the version in force on its last day (the one its evaluation reads); all 0 without changes. */
  readonly periodVersion: Int32Array;
  /** Most events of one partner (scratch sizing). */
  readonly maxPartnerEvents: number;
  /** Replay order of the events (PreparedHistory.order). */
  readonly order: Uint32Array | null;
}

function factorTable(
  table: Readonly<Record<string, number>>,
  column: string,
  store: EventStore,
  partners: PartnerIndex,
): MultiplierColumn {
  const dim = store.dimensions[column];
  const byCode = factorsOf(dim?.values ?? [], table);
  // A column of the history falls back to the partners file only; any other column is a partner attribute.
  const values = dim !== undefined ? partners.fileAttributeCodes(column) : partners.attributeCodes(column);
  const byValue = factorsOf(values.values, table);
  const byPartner = new Float64Array(values.codes.length);
  for (let p = 0; p < byPartner.length; p++) byPartner[p] = byValue[values.codes[p] as number] as number;
  return { codes: dim?.codes ?? null, byCode, byPartner };
}

/** Factor of each value (1 when unlisted); a plain loop, as `Float64Array.from` with a mapper is slow on 20,000 partners. */
function factorsOf(values: readonly string[], table: Readonly<Record<string, number>>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = table[values[i] as string] ?? 1;
  return out;
}

/** The per-event weights of the activity's way (steps and targets credit at the period's end: none). */
function eventWeights(activity: Program['activities'][string]): EventWeights {
  const values = activity as Readonly<Record<string, unknown>>;
  for (const kind of CREDIT_KINDS) {
    const value = values[kind.key];
    if (value !== undefined && kind.weights !== undefined) return kind.weights(value);
  }
  return { points: 0, perAmount: 0, perQuantity: 0 };
}

export function compile(program: Program, history: PreparedHistory): CompiledProgram {
  const changes = changesOf(program);
  if (changes.length === 0) return compileVersion(program, history);
  // Each version compiled once; the design's own tables are version 0's (it is the design as written).
  const versions = versionPrograms(program).map((version, i) => ({
    from: i === 0 ? -0x80000000 : dayOf((changes[i - 1] as { effective: string }).effective),
    compiled: compileVersion(version, history),
  }));
  const base = (versions[0] as CompiledVersion).compiled;
  return { ...base, program, versions, periodVersion: Int32Array.from(base.calendar.periods, (period) => versionOn(versions, period.end)) };
}

/** One version of a design (or a design without changes): its lookup tables, no versions of its own. */
function compileVersion(program: Program, history: PreparedHistory): CompiledProgram {
  const store = history.store;
  const calendar = buildCalendar(program, store.lastDay);
  const partners = history.partners;
  const P = partners.ids.length;
  const categoryIds = Object.keys(program.categories);
  const activityIds = Object.keys(program.activities);
  const categoryIndex = new Map(categoryIds.map((c, i) => [c, i]));
  const activityIndex = new Map(activityIds.map((a, i) => [a, i]));

  const globalRound = compileRounding(program.points.round);
  const stageDim = store.dimensions['stage'];
  const activities: CompiledActivity[] = activityIds.map((id, index) => {
    const a = program.activities[id];
    if (a === undefined) throw new Error(`activity ${id} vanished`);
    let stageShare: Float64Array | null = null;
    if (a.staged !== undefined) {
      stageShare = new Float64Array(stageDim?.values.length ?? 0);
      for (const s of a.staged) {
        stageDim?.values.forEach((v, code) => {
          if (code !== 0 && v === s.on) stageShare![code] = (stageShare![code] ?? 0) + s.share;
        });
      }
    }
    const distinctDim = a.distinct !== undefined ? store.dimensions[a.distinct] : undefined;
    return {
      id,
      index,
      category: categoryIndex.get(a.category) ?? 0,
      ...eventWeights(a),
      where: compileWhere(a.where, store, partners),
      multipliers: Object.entries(a.multipliers ?? {}).map(([column, table]) => factorTable(table, column, store, partners)),
      // A distinct column absent from the history: every row has the blank value, which never scores.
      distinct: a.distinct !== undefined ? (distinctDim?.codes ?? new Uint32Array(store.size)) : null,
      distinctValues: distinctDim?.values.length ?? 1,
      stageShare,
      stageCodes: stageShare !== null ? (stageDim?.codes ?? new Uint32Array(store.size)) : null,
      cap: a.cap !== undefined ? a.cap.points : Infinity,
      capWindow: a.cap?.per === 'window',
      round: a.round !== undefined ? compileRounding(a.round) : globalRound,
    };
  });

  // -2: an activity of the history the design does not score but a clawback's `when` reads
  // (a lapse, a cancellation): its rows stay in the walk for the rule, not counted as unknown.
  const reversing = new Set(reversingActivities(program));
  const activityOfCode = Int32Array.from(store.activityIds, (id) => activityIndex.get(id) ?? (reversing.has(id) ? -2 : -1));

  const promotions: CompiledPromotion[] = program.promotions.map((promo) => {
    const mask = new Uint8Array(activityIds.length);
    activityIds.forEach((id, i) => {
      const act = program.activities[id];
      const byActivity = promo.activities === undefined || promo.activities.includes(id);
      const byCategory = promo.categories === undefined || (act !== undefined && promo.categories.includes(act.category));
      mask[i] = byActivity && byCategory ? 1 : 0;
    });
    return {
      name: promo.name,
      from: dayOf(promo.from),
      to: dayOf(promo.to),
      factor: promo.multiply,
      activities: mask,
      where: compileWhere(promo.where, store, partners),
    };
  });

  const categoryCap = Float64Array.from(categoryIds, (c) => program.categories[c]?.max_points ?? Infinity);

  return {
    program,
    store,
    calendar,
    partners,
    activityIds,
    activityIndex,
    categoryIds,
    activities,
    activityOfCode,
    promotions,
    categoryCap,
    tiers: compileTiers(program, partners, categoryIndex, activityIndex, calendar),
    rewards: compileRewards(program, calendar),
    redemption: compileRedemption(program, partners, P),
    basisBalance: program.calendar.tier_basis === 'balance',
    totalRounding: compileTotalRounding(program.points.round),
    trackNames: scoringTracks(program) ?? [],
    trackPrograms: (scoringTracks(program) ?? []).map((name) => compile(trackProgram(program, name), history)),
    launch: compileLaunch(program, partners, program.tiers.map((t) => t.name)),
    term: compileTerm(program, partners),
    expiryPeriods:
      program.points.expiry_months !== undefined ? Math.ceil(program.points.expiry_months / calendar.monthsPerPeriod) : 0,
    history,
    plan: history.planFor(calendar.firstDay, calendar.lastDay, calendar.periodOfDay, activityOfCode),
    maxPartnerEvents: history.maxPartnerEvents,
    order: history.order,
    versions: [],
    periodVersion: new Int32Array(calendar.periods.length),
  };
}

/** The index of the version in force on `day` (0 without versions). */
export function versionOn(versions: readonly CompiledVersion[], day: number): number {
  let v = 0;
  while (v + 1 < versions.length && (versions[v + 1] as CompiledVersion).from <= day) v++;
  return v;
}

function compileTiers(
  program: Program,
  partners: PartnerIndex,
  categoryIndex: ReadonlyMap<string, number>,
  activityIndex: ReadonlyMap<string, number>,
  calendar: Calendar,
): CompiledTiers {
  const tiers = program.tiers;
  const K = tiers.length;
  const P = partners.ids.length;

  // Regional thresholds: the first `min_points_by` column (in the design's order) whose value matches the partner.
  const base = new Float64Array(P * K);
  tiers.forEach((tier, k) => {
    // Each column's threshold per partner (NaN: the partner's value is not listed), looked
    // up once per distinct value; indexed loops, as for..of over the columns allocated two
    // iterators per partner and tier (about 7 MB of garbage a replay on the bench history).
    const columns = Object.entries(tier.min_points_by ?? {}).map(([col, table]) => {
      const { values, codes } = partners.attributeCodes(col);
      const byValue = Float64Array.from(values, (value) => (Object.hasOwn(table, value) ? (table[value] as number) : Number.NaN));
      const out = new Float64Array(P);
      for (let p = 0; p < P; p++) out[p] = byValue[codes[p] as number] as number;
      return out;
    });
    for (let p = 0; p < P; p++) {
      let threshold = tier.min_points;
      for (let j = 0; j < columns.length; j++) {
        const v = (columns[j] as Float64Array)[p] as number;
        if (!Number.isNaN(v)) {
          threshold = v;
          break;
        }
      }
      base[p * K + k] = threshold;
    }
  });

  const thresholds: Float64Array[] = [];
  const tracks = program.tracks;
  const trackNames = Object.keys(tracks?.list ?? {});
  if (tracks === undefined || trackNames.length === 0) thresholds.push(base);
  else if (tracks.mode === 'best') {
    for (const name of trackNames) {
      const t = base.slice();
      const mins = tracks.list[name]?.min_points ?? {};
      tiers.forEach((tier, k) => {
        const m = mins[tier.name];
        if (m !== undefined) for (let p = 0; p < P; p++) t[p * K + k] = m;
      });
      thresholds.push(t);
    }
  } else {
    const by = partners.attribute(tracks.by);
    const t = base.slice();
    for (let p = 0; p < P; p++) {
      const value = by[p] ?? '';
      const name = trackNames.find((n) => {
        const match = tracks.list[n]?.match;
        return match !== undefined ? match.includes(value) : n === value;
      });
      if (name === undefined) continue;
      const mins = tracks.list[name]?.min_points ?? {};
      tiers.forEach((tier, k) => {
        const m = mins[tier.name];
        if (m !== undefined) t[p * K + k] = m;
      });
    }
    thresholds.push(t);
  }

  return {
    names: tiers.map((t) => t.name),
    thresholds,
    reqCategory: tiers.map((t) => Int32Array.from(Object.keys(t.requires?.categories ?? {}), (c) => categoryIndex.get(c) ?? -1)),
    reqCategoryMin: tiers.map((t) => Float64Array.from(Object.values(t.requires?.categories ?? {}))),
    reqActivity: tiers.map((t) => Int32Array.from(Object.keys(t.requires?.activities ?? {}), (a) => activityIndex.get(a) ?? -1)),
    reqActivityMin: tiers.map((t) => Float64Array.from(Object.values(t.requires?.activities ?? {}))),
    earnMultiplier: Float64Array.from(tiers, (t) => t.earn_multiplier),
    grace: Int32Array.from(tiers, (t) => t.grace_periods),
    graceDays: Int32Array.from(tiers, (t) => t.grace_days ?? -1),
    periodEnd: Int32Array.from(calendar.periods, (period) => period.end),
    annualCost: Float64Array.from(tiers, (t) => t.benefits?.annual_cost ?? 0),
    discountPct: Float64Array.from(tiers, (t) => t.benefits?.discount_pct ?? 0),
  };
}

function compileRewards(program: Program, calendar: Calendar): CompiledRewards {
  return {
    ids: program.rewards.map((r) => r.id),
    costPoints: Float64Array.from(program.rewards, (r) => r.cost_points),
    vendorCost: Float64Array.from(program.rewards, (r) => r.vendor_cost),
    capacityPerPeriod: Float64Array.from(program.rewards, (r) =>
      r.capacity === undefined ? Infinity : r.capacity.per === 'year' ? r.capacity.units / calendar.periodsPerYear : r.capacity.units,
    ),
    capacityYearly: Uint8Array.from(program.rewards, (r) => (r.capacity?.per === 'year' ? 1 : 0)),
  };
}

function compileRedemption(program: Program, partners: PartnerIndex, P: number): CompiledRedemption {
  const rewardIndex = new Map(program.rewards.map((r, i) => [r.id, i]));
  const R = program.rewards.length;
  const red = program.redemption;
  const behaviourOf = new Int32Array(P);
  const partnerKey = Uint32Array.from(partners.ids, (id) => hashRange(id, 0, id.length));
  if (red === undefined) return { behaviourOf, rate: new Float64Array(1), mix: new Float64Array(R), partnerKey };
  const segments = Object.keys(red.by_segment ?? {});
  const list = [red.default, ...segments.map((s) => red.by_segment?.[s] ?? red.default)];
  const rate = Float64Array.from(list, (b) => Math.min(1, Math.max(0, b.rate)));
  const mix = new Float64Array(list.length * R);
  list.forEach((b, bi) => {
    for (const [id, share] of Object.entries(b.mix)) {
      const r = rewardIndex.get(id);
      if (r !== undefined) mix[bi * R + r] = share;
    }
  });
  // Matched once per distinct segment value, not once per partner.
  const { values, codes } = partners.attributeCodes('segment');
  const bySegment = Int32Array.from(values, (value) => segments.findIndex((name) => matchesText(name, value)) + 1);
  for (let p = 0; p < P; p++) behaviourOf[p] = bySegment[codes[p] as number] as number;
  return { behaviourOf, rate, mix, partnerKey };
}
