/**
 * Strings to small integer codes, in first-seen order while reading; `sorted()` then gives
 * the final, order-independent numbering so that the same rows in any order intern alike.
 */
export class Interner {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  private readonly reservedEmpty: boolean;

  constructor(reserveEmpty: boolean) {
    this.reservedEmpty = reserveEmpty;
    if (reserveEmpty) {
      this.codes.set('', 0);
      this.values.push('');
    }
  }

  private last = '';
  private lastCode = -1;

  code(value: string): number {
    // Runs of the same value (a blank column, one partner's rows, one region) skip the
    // hash lookup, which dominates reading: every lookup hashes a freshly parsed string.
    if (value === this.last && this.lastCode >= 0) return this.lastCode;
    if (value === '' && this.reservedEmpty) return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.codes.set(value, c);
      this.values.push(value);
    }
    this.last = value;
    this.lastCode = c;
    return c;
  }

  get size(): number {
    return this.values.length;
  }

  /**
   * The values sorted by UTF-16 code units (the empty string, when reserved, stays first
   * because it sorts first) and the map from first-seen code to sorted code.
   */
  sorted(): { values: string[]; remap: Uint32Array } {
    // The default sort compares UTF-16 code units natively, the same order as
    // compareStrings and several times faster than a JS comparator on 100,000s of ids.
    const values = [...this.values].sort();
    const remap = new Uint32Array(values.length);
    values.forEach((value, i) => (remap[this.codes.get(value) as number] = i));
    return { values, remap };
  }
}

/** Locale-independent ordering, so sorted ids are the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
