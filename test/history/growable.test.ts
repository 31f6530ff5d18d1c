import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Growable, locations } from '../../src/history/growable.js';

describe('Growable', () => {
  it('gives back every value pushed, across block boundaries, and gathers in any order', () => {
    // 2,200,000 values cross the doubling blocks (1,024 to 1,048,576 elements, 2,096,128 in
    // all) into the first fixed 1M block.
    const n = 2_200_000;
    const g = new Growable(Uint32Array);
    for (let i = 0; i < n; i++) g.push(i);
    const all = g.toArray();
    expect(all.length).toBe(n);
    expect(all[0]).toBe(0);
    expect(all[1023]).toBe(1023);
    expect(all[1024]).toBe(1024);
    expect(all[2_096_127]).toBe(2_096_127);
    expect(all[2_096_128]).toBe(2_096_128);
    expect(all[n - 1]).toBe(n - 1);
    const order = Uint32Array.from([n - 1, 0, 1024, 2_096_128, 2_096_127, 3071, 3072]);
    expect([...g.gatherInto(locations(order), new Float64Array(order.length))]).toEqual([...order]);
    const remap = new Uint32Array(n).map((_, i) => i * 2);
    expect([...g.gatherInto(locations(Uint32Array.from([5, 7])), new Uint32Array(2), remap)]).toEqual([10, 14]);
  });

  it('gathers like indexing the array (random sizes and orders)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 5000 }), fc.array(fc.nat(), { maxLength: 50 }), (values, picks) => {
        const g = new Growable(Uint16Array);
        for (const v of values) g.push(v);
        expect([...g.toArray()]).toEqual(values);
        if (values.length === 0) return;
        const order = Uint32Array.from(picks.map((p) => p % values.length));
        expect([...g.gatherInto(locations(order), new Uint16Array(order.length))]).toEqual([...order].map((j) => values[j]));
      }),
    );
  });
});
