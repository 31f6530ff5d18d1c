/**
 * Append-only typed columns for an unknown number of rows. Values go into blocks that
 * double from 1K to 1M elements and then stay at 1M; they are never copied while reading,
 * and at the end each column is gathered straight from its blocks into its final, sorted
 * array. Small stores stay small, large ones waste at most one block per column, and the
 * large blocks are big enough for the C allocator to map and unmap them individually,
 * so their memory goes back to the system once a finished column's blocks are collected
 * (small blocks would stay in the allocator's heap and keep the process's RSS high).
 */
type TypedArray = Uint16Array | Uint32Array | Int32Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

const FIRST_BITS = 10;
const LAST_BITS = 20;
/** Elements held by the doubling blocks 2^10 .. 2^20: 2^10 × (2^11 − 1). */
const DOUBLING_TOTAL = (1 << FIRST_BITS) * ((1 << (LAST_BITS - FIRST_BITS + 1)) - 1);
const LAST_MASK = (1 << LAST_BITS) - 1;
const DOUBLING_BLOCKS = LAST_BITS - FIRST_BITS + 1;

/**
 * Element indexes → packed (block << 20 | offset), computed once per store and shared by
 * every column's gather (all columns have the same block layout). Offsets are below 2^20
 * and a Uint32 leaves 12 bits of block number: 4,096 blocks hold over 4 billion rows.
 */
export function locations(order: Uint32Array): Uint32Array {
  const packed = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    // locate(), inlined: this runs once per event.
    const j = order[i] as number;
    if (j < DOUBLING_TOTAL) {
      const k = 31 - Math.clz32((j >>> FIRST_BITS) + 1);
      packed[i] = ((k << LAST_BITS) | (j - (1 << FIRST_BITS) * ((1 << k) - 1))) >>> 0;
    } else {
      const rest = j - DOUBLING_TOTAL;
      packed[i] = (((DOUBLING_BLOCKS + (rest >>> LAST_BITS)) << LAST_BITS) | (rest & LAST_MASK)) >>> 0;
    }
  }
  return packed;
}

/** Which block holds element `j`, and where in it. */
export function locate(j: number): [block: number, offset: number] {
  if (j < DOUBLING_TOTAL) {
    // Block k starts at 2^10 × (2^k − 1), so k = floor(log2(j / 2^10 + 1)).
    const k = 31 - Math.clz32((j >>> FIRST_BITS) + 1);
    return [k, j - (1 << FIRST_BITS) * ((1 << k) - 1)];
  }
  const rest = j - DOUBLING_TOTAL;
  return [DOUBLING_BLOCKS + (rest >>> LAST_BITS), rest & LAST_MASK];
}

export class Growable<T extends TypedArray> {
  private blocks: T[] = [];
  private current: T;
  private fill = 0;
  length = 0;
  private readonly make: TypedArrayConstructor<T>;

  constructor(make: TypedArrayConstructor<T>) {
    this.make = make;
    this.current = new make(1 << FIRST_BITS);
    this.blocks.push(this.current);
  }

  push(value: number): void {
    if (this.fill === this.current.length) this.nextBlock();
    this.current[this.fill++] = value;
    this.length++;
  }

  /**
   * The block being filled, for a writer that fills several columns at one index and keeps
   * the count itself (StoreAccumulator): it writes the block's elements in order, calls
   * `nextBlock` when the block is full, and sets `length` before the column is read back.
   */
  get block(): T {
    return this.current;
  }

  /** Starts the next block (the current one is full) and returns it. */
  nextBlock(): T {
    this.current = new this.make(Math.min(1 << LAST_BITS, this.current.length * 2));
    this.blocks.push(this.current);
    this.fill = 0;
    return this.current;
  }

  /** Every value pushed, in one exact-size array (a copy). */
  toArray(): T {
    const out = new this.make(this.length);
    let at = 0;
    for (const block of this.blocks) {
      const n = Math.min(block.length, this.length - at);
      if (n <= 0) break;
      out.set(n === block.length ? block : block.subarray(0, n), at);
      at += n;
    }
    return out;
  }

  /**
   * `target[i] = remap[this[j]]` (or without remap) for each packed location of
   * `locations(order)`, read straight from the blocks.
   */
  gatherInto<U extends TypedArray>(packed: Uint32Array, target: U, remap?: Uint32Array): U {
    const blocks = this.blocks;
    if (remap === undefined) {
      for (let i = 0; i < packed.length; i++) {
        const at = packed[i] as number;
        target[i] = (blocks[at >>> LAST_BITS] as T)[at & LAST_MASK] as number;
      }
    } else {
      for (let i = 0; i < packed.length; i++) {
        const at = packed[i] as number;
        target[i] = remap[(blocks[at >>> LAST_BITS] as T)[at & LAST_MASK] as number] as number;
      }
    }
    return target;
  }

  /** Drops the blocks, so their memory can be reclaimed before the next column is built. */
  release(): void {
    this.blocks = [];
    this.current = new this.make(0);
    this.fill = 0;
    this.length = 0;
  }
}
