/**
 * Synthetic partner histories: month by month, each active partner draws a Poisson
 * number of events (pace × size × seasonality × growth), picks activities by its
 * segment's affinity for each lifecycle stage, and gets deal sizes, products, customers,
 * people and stages to match; with a seller programme, the sellers who did the rows
 * (seller-roster.ts). Rows are written month by month in date order through a
 * sink, so ten million rows never sit in memory; the partners file (with legacy levels
 * computed from the generated revenue and certified people) comes at the end.
 *
 * Everything is drawn from one seeded pure-rand generator in a fixed order: the same
 * options give byte-identical output.
 */
import { stringify } from 'csv-stringify/sync';
import { daysFromCivil, daysInMonth, formatDay } from '../day.js';
import type { ActivityPlan } from './activity-plan.js';
import { SEGMENTS, type Profile } from './profile.js';
import { cumulative, Random } from './random.js';
import { rosterSize, sellerId, SellerDraw } from './seller-roster.js';
import { drawTarget, monthlyBasis, targetColumns } from './targets.js';

export interface LegacyLevel {
  readonly name: string;
  readonly revenue: number;
  readonly certified: number;
}

export interface GenerateOptions {
  readonly partners: number;
  /** First and last day, YYYY-MM-DD, inclusive. */
  readonly from: string;
  readonly to: string;
  readonly seed: number;
  readonly activities: readonly ActivityPlan[];
  readonly profile: Profile;
  /** Low to high, as in a design's `legacy.levels`. */
  readonly legacyLevels: readonly LegacyLevel[];
  /** Activity whose distinct person_id counts certified people. */
  readonly certifiedActivity: string;
  /** MM-DD: revenue for legacy levels is summed over the fiscal year holding the last event. */
  readonly fiscalYearStart: string;
  /**
   * Months in the design's tier window (targets.ts windowMonths), for the partners' targets
   * when activities have `target`; capped at the range. Default 12 (trailing_4 quarters).
   */
  readonly windowMonths?: number;
}

export interface GenerateResult {
  readonly rows: number;
  readonly partnersCsv: string;
}

const PARTNER_COLUMNS = ['partner_id', 'name', 'segment', 'region', 'legacy_level', 'certified', 'joined'];

export const HISTORY_HEADER = 'partner_id,date,activity,quantity,amount,product,region,customer_id,person_id,stage\n';

/** Built-in legacy levels, those of programs/lifecycle.yaml. */
export const DEFAULT_LEGACY_LEVELS: readonly LegacyLevel[] = [
  { name: 'Registered', revenue: 0, certified: 0 },
  { name: 'Silver', revenue: 100000, certified: 2 },
  { name: 'Gold', revenue: 500000, certified: 5 },
  { name: 'Platinum', revenue: 2000000, certified: 10 },
];

const NAME_FIRST = ['North', 'Blue', 'Iron', 'Bright', 'Cedar', 'Summit', 'Harbor', 'Vertex', 'Lumen', 'Atlas', 'Nimbus', 'Quartz', 'Pioneer', 'Silver', 'Granite', 'Coastal', 'Apex', 'Orbit', 'Keystone', 'Redwood', 'Falcon', 'Meridian', 'Crescent', 'Aurora'];
const NAME_SECOND = ['field', 'stone', 'gate', 'point', 'line', 'bridge', 'path', 'wave', 'works', 'ridge', 'light', 'view'];
const NAME_SUFFIX: Record<(typeof SEGMENTS)[number], readonly string[]> = {
  reseller: ['Solutions', 'Technologies', 'IT', 'Distribution'],
  msp: ['Managed Services', 'Cloud Ops', 'Networks'],
  si: ['Systems', 'Integration', 'Consulting Group'],
  consultant: ['Advisory', 'Consulting', 'Partners'],
  isv: ['Software', 'Labs', 'Apps'],
  agency: ['Digital', 'Media', 'Creative'],
};
/** Month-in-quarter seasonality: deals bunch at quarter end. */
const QUARTER_PACE = [0.9, 0.95, 1.3];
const QUARTER_END_DECISION_BOOST = 1.6;
/** Deal amounts: log-normal with median deal_size × √size and this sigma. */
const DEAL_SIGMA = 0.8;
/** A `volume` row's quantity: 1 + ⌊log-normal(median, sigma)⌋. */
const VOLUME_MEDIAN = 8;
const VOLUME_SIGMA = 0.7;
/** A certified person renews RENEW_MIN + 0..RENEW_SPREAD-1 days after the last row: 300..359 days (see Renewals). */
const RENEW_MIN = 300;
const RENEW_SPREAD = 60;
/** Share of a staged activity's first stage that reaches the next one, and the delay in days. */
const STAGE_CONVERSION = 0.8;
/** Share of a clawback activity's rows reversed later (a churned customer, a cancelled deal, a refund), 30..299 days on. */
const REVERSAL_RATE = 0.06;

type Sink = (chunk: string) => void | Promise<void>;

/** A month's rows by day of the month (index 0 = the 1st), in draw order within a day. */
type MonthRows = string[][];

export async function generateHistory(options: GenerateOptions, sink: Sink): Promise<GenerateResult> {
  const rng = new Random(options.seed);
  const { profile, activities } = options;
  const first = dayOf(options.from);
  const last = dayOf(options.to);
  const n = options.partners;
  const years = (last - first + 1) / 365.25;

  // --- the partners ---------------------------------------------------------------
  const segmentShares = cumulative(SEGMENTS.map((s) => profile.segments[s].share));
  const regionNames = Object.keys(profile.regions).sort();
  const regionShares = cumulative(regionNames.map((r) => profile.regions[r] as number));
  const width = Math.max(5, String(n).length);
  const ids: string[] = [];
  const segment = new Uint8Array(n);
  const region = new Uint8Array(n);
  const size = new Float64Array(n);
  const joined = new Int32Array(n);
  const left = new Int32Array(n);
  const names: string[] = [];
  // A mean-one log-normal size: most partners are small, a few carry the channel.
  const sizeSigma = 1;
  for (let p = 0; p < n; p++) {
    ids.push(`P${String(p + 1).padStart(width, '0')}`);
    const s = rng.pick(segmentShares);
    segment[p] = s;
    region[p] = rng.pick(regionShares);
    size[p] = rng.lognormal(Math.exp((-sizeSigma * sizeSigma) / 2), sizeSigma);
    joined[p] = rng.chance(profile.joining) ? first + rng.int(last - first + 1) : first;
    left[p] = rng.chance(profile.churn) ? (joined[p] as number) + rng.int(last - (joined[p] as number) + 1) : last + 1;
    const seg = SEGMENTS[s] as (typeof SEGMENTS)[number];
    const suffixes = NAME_SUFFIX[seg];
    names.push(`${NAME_FIRST[rng.int(NAME_FIRST.length)]}${NAME_SECOND[rng.int(NAME_SECOND.length)]} ${suffixes[rng.int(suffixes.length)]}`);
  }

  // --- each segment's activity mix, normal months and quarter-end months --------------
  const affinity = (seg: (typeof SEGMENTS)[number], category: string): number => {
    const stages = profile.segments[seg].stages;
    for (const [keyword, w] of Object.entries(stages)) if (category.toLowerCase().includes(keyword)) return w;
    return 1;
  };
  const isDecision = activities.map((a) => a.category.toLowerCase().includes('decision') || a.amount);
  const mix = SEGMENTS.map((seg) => activities.map((a) => a.weight * affinity(seg, a.category)));
  const mixNormal = mix.map((w) => cumulative(w));
  const mixBoosted = mix.map((w) => w.map((x, i) => (isDecision[i] ? x * QUARTER_END_DECISION_BOOST : x)));
  const mixQuarterEnd = mixBoosted.map((w) => cumulative(w));
  // Each segment's quantity distribution: the values, ascending, and their cumulative weights.
  const quantityValues = SEGMENTS.map((seg) => Object.keys(profile.segments[seg].quantity).map(Number).sort((x, y) => x - y));
  const quantityWeights = SEGMENTS.map((seg, i) => cumulative((quantityValues[i] as number[]).map((q) => profile.segments[seg].quantity[String(q)] as number)));
  // Scale so the mean partner makes `eventsPerMonth` events (weights are relative).
  const paceScale = profile.eventsPerMonth;

  // --- running per-partner state -------------------------------------------------
  const customers = new Uint32Array(n);
  const people = new Uint32Array(n);
  const certified: Array<Set<number> | undefined> = new Array<Set<number> | undefined>(n);
  const fyStart = fiscalYearStartOf(options.fiscalYearStart, last);
  const revenueThisFy = new Float64Array(n);
  const revenuePrevFy = new Float64Array(n);
  const prevFyStart = fiscalYearStartOf(options.fiscalYearStart, fyStart - 1);
  let lastEventDay = -Infinity;
  let rows = 0;
  const later = new Map<number, MonthRows>();
  // Date strings of the whole range, made once (formatting per row showed in profiles).
  const dates: string[] = [];
  for (let d = first; d <= last; d++) dates.push(formatDay(d));
  const monthStart = (day: number): number => {
    const d = dates[day - first] as string;
    return daysFromCivil(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 1);
  };
  const place = (bucket: Map<number, MonthRows> | MonthRows, day: number, line: string): void => {
    const rowsOfMonth = bucket instanceof Map ? bucketFor(bucket, monthKey(day)) : bucket;
    ((rowsOfMonth[day - monthStart(day)] ??= []) as string[]).push(line);
  };

  const monthKey = (day: number): number => {
    const d = formatDay(day);
    return Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  };

  // Sellers only for a design whose seller programme scores some activity: other designs
  // make no draw for them, so their output is byte-identical to before.
  const sellerDraw = activities.some((a) => a.seller === true) ? new SellerDraw(rng) : undefined;
  const renewals = new Renewals(rng, monthKey, (p) => Math.min(last, (left[p] as number) - 1));
  const firstMonth = monthKey(first);
  const lastMonth = monthKey(last);
  let out: string[] = [];
  let outLength = 0;
  const flush = async (force: boolean): Promise<void> => {
    if (outLength === 0 || (!force && outLength < 1 << 16)) return;
    const text = out.join('');
    out = [];
    outLength = 0;
    await sink(text);
  };

  await sink(HISTORY_HEADER);
  for (let m = firstMonth; m <= lastMonth; m++) {
    const year = Math.floor(m / 12);
    const month = (m % 12) + 1;
    const monthFirst = Math.max(first, daysFromCivil(year, month, 1));
    const monthLast = Math.min(last, daysFromCivil(year, month, daysInMonth(year, month)));
    const fullMonth = daysInMonth(year, month);
    const inQuarter = (month - 1) % 3;
    const trend = Math.pow(1 + profile.growth, (monthFirst - first) / 365.25);
    const saasShift = years > 0 ? (profile.saasShift * (monthFirst - first)) / (last - first + 1) : 0;
    const monthRows: MonthRows = later.get(m) ?? [];
    later.delete(m);
    // People renewing this month: their rows first (in the order they were scheduled).
    renewals.run(m, (p, a, e, quantity, amount, product, customerNumber, day) => {
      const act = activities[a] as ActivityPlan;
      if (day >= fyStart) revenueThisFy[p] = (revenueThisFy[p] as number) + amount;
      else if (day >= prevFyStart) revenuePrevFy[p] = (revenuePrevFy[p] as number) + amount;
      if (day > lastEventDay) lastEventDay = day;
      const customer = customerNumber > 0 ? `${ids[p]}-C${customerNumber}` : '';
      place(monthRows, day, `${ids[p]},${dates[day - first]},${act.id},${quantity},${amount},${product},${regionNames[region[p] as number] as string},${customer},${ids[p]}-E${e},${act.stages[0] ?? ''}\n`);
    });

    for (let p = 0; p < n; p++) {
      const from = Math.max(monthFirst, joined[p] as number);
      const to = Math.min(monthLast, (left[p] as number) - 1);
      if (to < from) continue;
      const seg = SEGMENTS[segment[p] as number] as (typeof SEGMENTS)[number];
      const segProfile = profile.segments[seg];
      const active = (to - from + 1) / fullMonth;
      const lambda = paceScale * segProfile.pace * (size[p] as number) * (QUARTER_PACE[inQuarter] as number) * trend * active;
      const count = rng.poisson(lambda);
      const table = (inQuarter === 2 ? mixQuarterEnd : mixNormal)[segment[p] as number] as Float64Array;
      const units = quantityValues[segment[p] as number] as readonly number[];
      const unitWeights = quantityWeights[segment[p] as number] as Float64Array;
      for (let k = 0; k < count; k++) {
        const activityIndex = rng.pick(table);
        const a = activities[activityIndex] as ActivityPlan;
        const day = from + rng.int(to - from + 1);
        let amount = 0;
        if (a.amount) {
          amount = Math.round(rng.lognormal(segProfile.deal_size * Math.sqrt(size[p] as number), DEAL_SIGMA));
          if (a.minAmount > 0 && amount < a.minAmount && rng.chance(0.7)) amount = a.minAmount + rng.int(Math.max(1, a.minAmount));
        }
        let quantity = 1;
        if (a.quantity === 'volume') quantity = 1 + Math.floor(rng.lognormal(VOLUME_MEDIAN, VOLUME_SIGMA));
        else if (a.quantity === 'units') quantity = units[rng.pick(unitWeights)] as number;
        const product = a.product ? pickProduct(rng, segProfile.products, saasShift) : '';
        let customer = '';
        let customerNumber = 0;
        if (a.customer !== 'none') {
          const isNew = (customers[p] as number) === 0 || rng.chance(a.customer === 'new' ? 0.85 : 0.25);
          customerNumber = isNew ? ++(customers[p] as number) : 1 + rng.int(customers[p] as number);
          customer = `${ids[p]}-C${customerNumber}`;
        }
        // Who sold it: a long-tailed draw from the partner's roster (staged follow-ups and refunds keep the seller).
        const seller = a.seller === true && sellerDraw !== undefined ? sellerId(ids[p] as string, sellerDraw.draw(rosterSize(size[p] as number, segProfile.pace))) : '';
        const region_ = regionNames[region[p] as number] as string;
        const stage = a.stages[0] ?? '';
        const emit = (d: number, stageValue: string, person: string): string => {
          if (d >= fyStart) revenueThisFy[p] = (revenueThisFy[p] as number) + amount;
          else if (d >= prevFyStart) revenuePrevFy[p] = (revenuePrevFy[p] as number) + amount;
          if (d > lastEventDay) lastEventDay = d;
          // Every field comes from fixed, comma- and quote-free vocabularies (ids, dates,
          // numbers, names of the design), so the history needs no CSV quoting.
          return `${ids[p]},${dates[d - first]},${a.id},${quantity},${amount},${product},${region_},${customer},${person},${stageValue}\n`;
        };
        if (a.person) {
          // People certified together (the segment's quantity): one row each, each a new
          // person of the partner, who then renews yearly while the partner is active (Renewals).
          const together = units[rng.pick(unitWeights)] as number;
          for (let c = 0; c < together; c++) {
            const e = ++(people[p] as number);
            if (a.id === options.certifiedActivity) (certified[p] ??= new Set<number>()).add(e);
            place(monthRows, day, emit(day, stage, `${ids[p]}-E${e}`));
            renewals.add(p, activityIndex, e, quantity, amount, product, customerNumber, day);
          }
          continue;
        }
        place(monthRows, day, emit(day, stage, seller));
        // Only for a design with a clawback on customer_id: other designs draw exactly as before.
        if (a.reversal !== undefined && customer !== '' && rng.chance(REVERSAL_RATE)) {
          const next = day + 30 + rng.int(270);
          if (next <= Math.min(last, (left[p] as number) - 1)) {
            if (next > lastEventDay) lastEventDay = next;
            const line =
              a.reversal.when !== null
                ? `${ids[p]},${dates[next - first]},${a.reversal.when},1,0,,${region_},${customer},,\n`
                : `${ids[p]},${dates[next - first]},${a.id},1,${-Math.max(1, Math.round(amount * (0.25 + 0.75 * rng.float())))},${product},${region_},${customer},${seller},\n`;
            // A row of this month goes into this month's rows (the later bucket of this month was already taken).
            place(monthKey(next) === m ? monthRows : later, next, line);
          }
        }
        for (let s = 1; s < a.stages.length; s++) {
          if (!rng.chance(STAGE_CONVERSION)) break;
          const next = day + 30 * s + rng.int(90);
          if (next > last) break;
          place(later, next, emit(next, a.stages[s] as string, seller));
        }
      }
    }
    // Date order within the month; rows of one day keep their draw order.
    for (const day of monthRows) {
      if (day === undefined) continue;
      for (const line of day) {
        out.push(line);
        outLength += line.length;
        rows++;
      }
      if (outLength >= 1 << 16) await flush(false);
    }
  }
  await flush(true);

  // --- the partners file, with legacy levels from what was generated -----------------
  const useThisFy = lastEventDay >= fyStart;
  const records = ids.map((id, p) => {
    const revenue = useThisFy ? (revenueThisFy[p] as number) : (revenuePrevFy[p] as number);
    const certs = certified[p]?.size ?? 0;
    let level = '';
    for (const l of options.legacyLevels) if (revenue >= l.revenue && certs >= l.certified) level = l.name;
    return [id, names[p] as string, SEGMENTS[segment[p] as number] as string, regionNames[region[p] as number] as string, level, String(certs), formatDay(joined[p] as number)];
  });
  // --- each partner's own targets (designs with `target` activities; targets.ts) ----
  // Drawn after everything else, so a design without targets draws and writes as before.
  // A column the file already has (a design's target on `certified`) is not written twice.
  const targets = targetColumns(activities).filter((t) => !PARTNER_COLUMNS.includes(t.column));
  if (targets.length > 0) {
    const months = Math.min(options.windowMonths ?? 12, (last - first + 1) / (365.25 / 12));
    const trendMid = Math.pow(1 + profile.growth, years / 2);
    const perMonth = SEGMENTS.map((seg, s) => {
      const segProfile = profile.segments[seg];
      const units = Object.entries(segProfile.quantity);
      const meanUnits = units.reduce((sum, [q, w]) => sum + Number(q) * w, 0) / units.reduce((sum, [, w]) => sum + w, 0);
      const draws = {
        eventsPerMonth: paceScale * segProfile.pace,
        quarterPace: QUARTER_PACE,
        normal: mix[s] as number[],
        quarterEnd: mixBoosted[s] as number[],
        meanDeal: segProfile.deal_size * Math.exp((DEAL_SIGMA * DEAL_SIGMA) / 2),
        meanUnits,
        // E[1 + ⌊X⌋] ≈ E[X] + 1/2.
        meanVolume: VOLUME_MEDIAN * Math.exp((VOLUME_SIGMA * VOLUME_SIGMA) / 2) + 0.5,
      };
      return targets.map((t) => monthlyBasis(t, activities, draws));
    });
    records.forEach((record, p) => {
      const z = size[p] as number;
      targets.forEach((t, j) => {
        const expected = (perMonth[segment[p] as number]?.[j] as number) * (t.basis === 'amount' ? z * Math.sqrt(z) : z) * months * trendMid;
        record.push(String(drawTarget(expected, rng)));
      });
    });
  }
  const header = [...PARTNER_COLUMNS, ...targets.map((t) => t.column)];
  const partnersCsv = stringify([header, ...records]);
  return { rows, partnersCsv };
}

/**
 * Certified people renew every RENEW_MIN..RENEW_MIN + RENEW_SPREAD - 1 days while their
 * partner is active: the gap never reaches 365 days, so each person has a row in every
 * 12-month tier window (trailing 4 quarters, a fiscal year) after their first, and the
 * distinct person_ids of the last window are the people certified over the whole history
 * (the partners file's `certified`), for every partner active to the end.
 *
 * Only each person's next renewal is kept, as numbers in columns (not as rendered rows),
 * bucketed by month: memory grows with the people, not with their future rows.
 */
class Renewals {
  private size = 0;
  private partner = new Int32Array(1024);
  private activity = new Int32Array(1024);
  private person = new Int32Array(1024);
  private customer = new Int32Array(1024);
  private day = new Int32Array(1024);
  private quantity = new Float64Array(1024);
  private amount = new Float64Array(1024);
  /** Index into `products` (the distinct product values, '' first). */
  private product = new Uint8Array(1024);
  private readonly products: string[] = [''];
  private readonly byMonth = new Map<number, number[]>();

  constructor(
    private readonly rng: Random,
    private readonly monthKey: (day: number) => number,
    /** Last day partner p has rows on. */
    private readonly endOf: (p: number) => number,
  ) {}

  /** A person certified on `day`: schedules the first renewal. */
  add(p: number, activity: number, person: number, quantity: number, amount: number, product: string, customer: number, day: number): void {
    if (this.size === this.partner.length) this.grow();
    const i = this.size++;
    let code = this.products.indexOf(product);
    if (code < 0) code = this.products.push(product) - 1;
    this.partner[i] = p;
    this.activity[i] = activity;
    this.person[i] = person;
    this.quantity[i] = quantity;
    this.amount[i] = amount;
    this.product[i] = code;
    this.customer[i] = customer;
    this.day[i] = day;
    this.schedule(i);
  }

  /** Every renewal due in month `m`, in scheduling order; each schedules the next. */
  run(m: number, emit: (p: number, activity: number, person: number, quantity: number, amount: number, product: string, customer: number, day: number) => void): void {
    const due = this.byMonth.get(m);
    if (due === undefined) return;
    this.byMonth.delete(m);
    for (const i of due) {
      emit(this.partner[i] as number, this.activity[i] as number, this.person[i] as number, this.quantity[i] as number, this.amount[i] as number, this.products[this.product[i] as number] as string, this.customer[i] as number, this.day[i] as number);
      this.schedule(i);
    }
  }

  private schedule(i: number): void {
    const next = (this.day[i] as number) + RENEW_MIN + this.rng.int(RENEW_SPREAD);
    if (next > this.endOf(this.partner[i] as number)) return;
    this.day[i] = next;
    const key = this.monthKey(next);
    const list = this.byMonth.get(key);
    if (list === undefined) this.byMonth.set(key, [i]);
    else list.push(i);
  }

  private grow(): void {
    const widen = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.partner = widen(this.partner, (n) => new Int32Array(n));
    this.activity = widen(this.activity, (n) => new Int32Array(n));
    this.person = widen(this.person, (n) => new Int32Array(n));
    this.customer = widen(this.customer, (n) => new Int32Array(n));
    this.day = widen(this.day, (n) => new Int32Array(n));
    this.quantity = widen(this.quantity, (n) => new Float64Array(n));
    this.amount = widen(this.amount, (n) => new Float64Array(n));
    this.product = widen(this.product, (n) => new Uint8Array(n));
  }
}

function bucketFor(later: Map<number, MonthRows>, key: number): MonthRows {
  let rows = later.get(key);
  if (rows === undefined) later.set(key, (rows = []));
  return rows;
}

function pickProduct(rng: Random, mix: { saas: number; perpetual: number; services: number }, shift: number): string {
  const moved = Math.min(mix.perpetual, shift * (mix.saas + mix.perpetual));
  const saas = mix.saas + moved;
  const perpetual = mix.perpetual - moved;
  const x = rng.float() * (saas + perpetual + mix.services);
  return x < saas ? 'saas' : x < saas + perpetual ? 'perpetual' : 'services';
}

function dayOf(text: string): number {
  const [y, m, d] = text.split('-').map(Number);
  return daysFromCivil(y as number, m as number, d as number);
}

/** First day of the fiscal year (starting on MM-DD) that contains `day`. */
function fiscalYearStartOf(mmdd: string, day: number): number {
  const month = Number(mmdd.slice(0, 2));
  const dom = Number(mmdd.slice(3, 5));
  const year = Number(formatDay(day).slice(0, 4));
  const start = daysFromCivil(year, month, dom);
  return start > day ? daysFromCivil(year - 1, month, dom) : start;
}
