/**
 * Strings to small integer codes, in first-seen order while reading; `sorted()` then gives
 * the final, order-independent numbering so that the same rows in any order intern alike.
 *
 * The reader interns fields straight from the text slice they sit in (`codeAt`), so no
 * string is made for a value seen before: a `Map.get` of a freshly parsed string cost
 * 200-400 ns here (the string is new, its hash unknown, the map's keys spread over the old
 * heap), and interning seven columns that way took about half of a cold read. Our own
 * open-addressing table hashes the characters where they are and compares them with the
 * value already kept.
 */
export class Interner {
  readonly values: string[] = [];
  /**
   * Open addressing, linear probing, two Int32 per slot: the value's hash, then its code + 1
   * (0 for an empty slot). The hash sits next to the code so that a probe that misses reads
   * one cache line, not a second array indexed by code.
   */
  private table = new Int32Array(2048);
  private mask = 1023;
  private readonly reservedEmpty: boolean;

  constructor(reserveEmpty: boolean) {
    this.reservedEmpty = reserveEmpty;
    if (reserveEmpty) this.insert('', hashRange('', 0, 0), 0);
  }

  code(value: string): number {
    return this.codeAt(value, 0, value.length);
  }

  /** The code of `text.slice(start, end)`, made only when the value is new. */
  codeAt(text: string, start: number, end: number): number {
    if (start === end && this.reservedEmpty) return 0;
    const hash = hashRange(text, start, end);
    const length = end - start;
    const values = this.values;
    const table = this.table;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = table[2 * slot + 1] as number;
      if (entry === 0) return this.insert(text.slice(start, end), hash, slot);
      if (table[2 * slot] === hash) {
        const c = entry - 1;
        const value = values[c] as string;
        if (value.length === length && sameChars(value, text, start, length)) return c;
      }
    }
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
    values.forEach((value, i) => (remap[this.codeAt(value, 0, value.length)] = i));
    return { values, remap };
  }

  private insert(value: string, hash: number, slot: number): number {
    const c = this.values.length;
    this.values.push(value);
    this.table[2 * slot] = hash;
    this.table[2 * slot + 1] = c + 1;
    // Keep the table at most half full, so probes stay short.
    if ((c + 1) * 2 > this.mask + 1) this.grow();
    return c;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = table.length / 2 - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s + 1] === 0) continue;
      let slot = (old[s] as number) & mask;
      while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = old[s] as number;
      table[2 * slot + 1] = old[s + 1] as number;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** FNV-1a over UTF-16 code units, with a final mix so the low bits (the slot) depend on every character. */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

function sameChars(value: string, text: string, start: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (value.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Locale-independent ordering, so sorted ids are the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
