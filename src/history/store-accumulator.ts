/**
 * Builds an EventStore from rows pushed one at a time (by the CSV reader or by
 * `buildStore`): growing typed arrays and interners while reading, then one sort by
 * partner, day and row with two stable counting sorts (O(n), no array of objects).
 */
import type { DimensionColumn, EventStore } from './event-store.js';
import { Growable, locations } from './growable.js';
import { Interner } from './interner.js';

/** Activity codes are Uint16 in the store. */
export const MAX_ACTIVITIES = 65535;

export class StoreAccumulator {
  readonly dimensionNames: readonly string[];
  private readonly partners = new Interner(false);
  private readonly activities = new Interner(false);
  private readonly dimensionInterners: Interner[];
  private readonly partnerCol = new Growable(Uint32Array);
  private readonly dayCol = new Growable(Int32Array);
  private readonly activityCol = new Growable(Uint16Array);
  private readonly quantityCol = new Growable(Float64Array);
  private readonly amountCol = new Growable(Float64Array);
  private readonly rowCol = new Growable(Uint32Array);
  private readonly lineCol = new Growable(Uint32Array);
  private readonly dimensionCols: Growable<Uint32Array>[];
  private readonly dimensionCodes: Uint32Array;
  /**
   * Every column has the same block sizes, so rows are written straight into the current
   * block of each at one shared index (one bounds check a row, not one a column).
   */
  private count = 0;
  private fill = 0;
  private partnerBlock: Uint32Array;
  private dayBlock: Int32Array;
  private activityBlock: Uint16Array;
  private quantityBlock: Float64Array;
  private amountBlock: Float64Array;
  private rowBlock: Uint32Array;
  private lineBlock: Uint32Array;
  private readonly dimensionBlocks: Uint32Array[];
  /** Whether rows came in date order (exports usually do): then the sort by day is the identity. */
  private dayOrdered = true;
  private lastDay = -Infinity;
  private minDay = Infinity;
  private maxDay = -Infinity;

  constructor(dimensionNames: readonly string[]) {
    this.dimensionNames = dimensionNames;
    this.dimensionInterners = dimensionNames.map(() => new Interner(true));
    this.dimensionCols = dimensionNames.map(() => new Growable(Uint32Array));
    this.dimensionCodes = new Uint32Array(dimensionNames.length);
    this.partnerBlock = this.partnerCol.block;
    this.dayBlock = this.dayCol.block;
    this.activityBlock = this.activityCol.block;
    this.quantityBlock = this.quantityCol.block;
    this.amountBlock = this.amountCol.block;
    this.rowBlock = this.rowCol.block;
    this.lineBlock = this.lineCol.block;
    this.dimensionBlocks = this.dimensionCols.map((c) => c.block);
  }

  get size(): number {
    return this.count;
  }

  /** The number of distinct activity ids so far (the caller stops before MAX_ACTIVITIES). */
  get activityCount(): number {
    return this.activities.size;
  }

  hasActivity(id: string): boolean {
    return this.activities.values.includes(id);
  }

  /** `dimensions[i]` is the value of `dimensionNames[i]` ('' when blank). */
  add(partner: string, day: number, activity: string, quantity: number, amount: number, row: number, line: number, dimensions: ArrayLike<string>): void {
    for (let d = 0; d < this.dimensionCols.length; d++) this.dimensionCodes[d] = (this.dimensionInterners[d] as Interner).code(dimensions[d] ?? '');
    this.addCodes(this.partners.code(partner), day, this.activities.code(activity), quantity, amount, row, line, this.dimensionCodes);
  }

  /** The interners the codes of `addCodes` come from (the CSV reader interns fields in place). */
  get partnerInterner(): Interner {
    return this.partners;
  }

  get activityInterner(): Interner {
    return this.activities;
  }

  dimensionInterner(d: number): Interner {
    return this.dimensionInterners[d] as Interner;
  }

  /** Like `add`, with each string already interned by the matching interner. */
  addCodes(partner: number, day: number, activity: number, quantity: number, amount: number, row: number, line: number, dimensions: ArrayLike<number>): void {
    if (this.fill === this.partnerBlock.length) this.nextBlocks();
    const f = this.fill++;
    this.count++;
    this.partnerBlock[f] = partner;
    this.dayBlock[f] = day;
    if (day < this.lastDay) this.dayOrdered = false;
    this.lastDay = day;
    if (day < this.minDay) this.minDay = day;
    if (day > this.maxDay) this.maxDay = day;
    this.activityBlock[f] = activity;
    this.quantityBlock[f] = quantity;
    this.amountBlock[f] = amount;
    this.rowBlock[f] = row;
    this.lineBlock[f] = line;
    const blocks = this.dimensionBlocks;
    for (let d = 0; d < blocks.length; d++) (blocks[d] as Uint32Array)[f] = dimensions[d] as number;
  }

  private nextBlocks(): void {
    this.partnerBlock = this.partnerCol.nextBlock();
    this.dayBlock = this.dayCol.nextBlock();
    this.activityBlock = this.activityCol.nextBlock();
    this.quantityBlock = this.quantityCol.nextBlock();
    this.amountBlock = this.amountCol.nextBlock();
    this.rowBlock = this.rowCol.nextBlock();
    this.lineBlock = this.lineCol.nextBlock();
    this.dimensionCols.forEach((c, d) => (this.dimensionBlocks[d] = c.nextBlock()));
    this.fill = 0;
  }

  finish(columns?: Readonly<Record<string, number>>): EventStore {
    const n = this.size;
    for (const column of [this.partnerCol, this.dayCol, this.activityCol, this.quantityCol, this.amountCol, this.rowCol, this.lineCol, ...this.dimensionCols]) column.length = n;
    const partners = this.partners.sorted();
    const activities = this.activities.sorted();
    const partnerCodes = remapped(take(this.partnerCol), partners.remap);
    const days = take(this.dayCol);
    const order = sortOrder(partnerCodes, partners.values.length, days, n === 0 ? 0 : this.minDay, n === 0 ? 0 : this.maxDay, this.dayOrdered);

    // One column at a time, gathered from its blocks into sorted order and then released,
    // so the blocks of finished columns can be reclaimed while the next is built.
    const partner = gather(partnerCodes, order, new Uint32Array(n));
    const partnerStart = new Uint32Array(partners.values.length + 1);
    for (let i = 0; i < n; i++) (partnerStart[(partner[i] as number) + 1] as number)++;
    for (let p = 0; p < partners.values.length; p++) partnerStart[p + 1] = (partnerStart[p + 1] as number) + (partnerStart[p] as number);
    const day = gather(days, order, new Int32Array(n));
    const packed = locations(order);

    const dimensions: Record<string, DimensionColumn> = {};
    this.dimensionNames.forEach((name, d) => {
      const sorted = (this.dimensionInterners[d] as Interner).sorted();
      const codes = gathered(this.dimensionCols[d] as Growable<Uint32Array>, packed, new Uint32Array(n), sorted.remap);
      dimensions[name] = { values: sorted.values, codes };
    });
    const activity = gathered(this.activityCol, packed, new Uint16Array(n), activities.remap);
    const quantity = gathered(this.quantityCol, packed, new Float64Array(n));
    const amount = gathered(this.amountCol, packed, new Float64Array(n));
    const row = gathered(this.rowCol, packed, new Uint32Array(n));
    const line = gathered(this.lineCol, packed, new Uint32Array(n));
    return {
      size: n,
      partnerIds: partners.values,
      partnerStart,
      partner,
      day,
      activityIds: activities.values,
      activity,
      quantity,
      amount,
      row,
      line,
      dimensions,
      firstDay: n === 0 ? 0 : this.minDay,
      lastDay: n === 0 ? -1 : this.maxDay,
      ...(columns ? { columns } : {}),
    };
  }
}

function gathered<T extends Uint16Array | Uint32Array | Int32Array | Float64Array, U extends Uint16Array | Uint32Array | Int32Array | Float64Array>(
  column: Growable<T>,
  packed: Uint32Array,
  target: U,
  remap?: Uint32Array,
): U {
  column.gatherInto(packed, target, remap);
  column.release();
  return target;
}

/** The column as one array, its blocks released. */
function take<T extends Uint16Array | Uint32Array | Int32Array | Float64Array>(column: Growable<T>): T {
  const out = column.toArray();
  column.release();
  return out;
}

function remapped(codes: Uint32Array, remap: Uint32Array): Uint32Array {
  const out = new Uint32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = remap[codes[i] as number] as number;
  return out;
}

function gather<T extends Uint16Array | Uint32Array | Int32Array | Float64Array>(source: T, order: Uint32Array, target: T): T {
  for (let i = 0; i < order.length; i++) target[i] = source[order[i] as number] as number;
  return target;
}

/**
 * The permutation that sorts events by partner, then day, then arrival (row) order: a
 * stable counting sort by day, then a stable counting sort by partner (LSD radix). Rows
 * arrive in file order, so stability keeps equal (partner, day) events in row order.
 * `dayOrdered` (rows already in date order) skips the sort by day.
 */
export function sortOrder(partner: Uint32Array, partnerCount: number, day: Int32Array, minDay: number, maxDay: number, dayOrdered = false): Uint32Array {
  const n = partner.length;
  const byDay = new Uint32Array(n);
  const span = maxDay - minDay + 1;
  if (dayOrdered) {
    for (let i = 0; i < n; i++) byDay[i] = i;
  } else if (n > 0 && span <= Math.max(1 << 20, n)) {
    const count = new Uint32Array(span + 1);
    for (let i = 0; i < n; i++) (count[(day[i] as number) - minDay + 1] as number)++;
    for (let k = 1; k <= span; k++) count[k] = (count[k] as number) + (count[k - 1] as number);
    for (let i = 0; i < n; i++) byDay[(count[(day[i] as number) - minDay] as number)++] = i;
  } else {
    // Dates spread over millennia: a comparison sort is cheaper than a huge count array.
    for (let i = 0; i < n; i++) byDay[i] = i;
    byDay.sort((a, b) => (day[a] as number) - (day[b] as number) || a - b);
  }
  const count = new Uint32Array(partnerCount + 1);
  for (let i = 0; i < n; i++) (count[(partner[i] as number) + 1] as number)++;
  for (let p = 1; p <= partnerCount; p++) count[p] = (count[p] as number) + (count[p - 1] as number);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byDay[k] as number;
    order[(count[partner[i] as number] as number)++] = i;
  }
  return order;
}
