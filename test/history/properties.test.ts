import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import type { EventStore } from '../../src/history/event-store.js';
import { parseHistory } from '../../src/history/read-history.js';
import { decodeStore, encodeStore } from '../../src/history/store-codec.js';

const ACTIVITIES = ['deal_closed', 'demo_delivered', 'cert_earned'];

/** Rows of a history: a few partners, two years of dates, awkward dimension values (commas, quotes, newlines, unicode). */
const rowArb = fc.record({
  partner_id: fc.constantFrom('P1', 'P2', 'P3', 'Ünïcode', 'a,b'),
  date: fc.integer({ min: 0, max: 730 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  activity: fc.constantFrom(...ACTIVITIES),
  quantity: fc.integer({ min: 0, max: 20 }),
  amount: fc.oneof(fc.constant(0), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })),
  product: fc.constantFrom('', 'saas', 'perpetual', 'has "quotes"', 'line\nbreak'),
});
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

const toCsv = (rows: readonly Row[]): Buffer =>
  Buffer.from(stringify(rows.map((r) => [r.partner_id, r.date, r.activity, r.quantity, r.amount, r.product]), { header: true, columns: ['partner_id', 'date', 'activity', 'quantity', 'amount', 'product'] }));

/** Each event as a comparable tuple, without its row number (which shuffling changes). */
function events(store: EventStore): string[][] {
  const out: string[][] = [];
  const product = store.dimensions['product'];
  for (let i = 0; i < store.size; i++) {
    out.push([
      store.partnerIds[store.partner[i] as number] as string,
      String(store.day[i]),
      store.activityIds[store.activity[i] as number] as string,
      String(store.quantity[i]),
      String(store.amount[i]),
      product ? (product.values[product.codes[i] as number] as string) : '',
    ]);
  }
  return out;
}

/** Events within a (partner, day) keep file order, so compare each partner-day as a sorted group. */
const canonical = (store: EventStore): string => JSON.stringify(events(store).map((e) => e.join('\u0001')).sort());

describe('history properties', () => {
  it('shuffling the rows gives the same store (ids, ranges, days and the multiset of events)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 40 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), async ([rows, shuffled]) => {
        const a = (await parseHistory(toCsv(rows), { file: 'a.csv' })).store;
        const b = (await parseHistory(toCsv(shuffled), { file: 'b.csv' })).store;
        expect(b.partnerIds).toEqual(a.partnerIds);
        expect(b.activityIds).toEqual(a.activityIds);
        expect([...b.partnerStart]).toEqual([...a.partnerStart]);
        expect([...b.partner]).toEqual([...a.partner]);
        expect([...b.day]).toEqual([...a.day]);
        expect(b.dimensions['product']?.values).toEqual(a.dimensions['product']?.values);
        expect(canonical(b)).toBe(canonical(a));
      }),
      { numRuns: 60 },
    );
  });

  it('the codec round-trips any parsed history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 40 }), async (rows) => {
        const parsed = await parseHistory(toCsv(rows), { file: 'h.csv' });
        const decoded = decodeStore(Buffer.concat(encodeStore(parsed)));
        expect(decoded).toBeDefined();
        const { store } = parsed;
        const back = decoded?.store as EventStore;
        expect(back.size).toBe(store.size);
        expect(back.partnerIds).toEqual(store.partnerIds);
        expect([...back.partnerStart]).toEqual([...store.partnerStart]);
        expect([...back.day]).toEqual([...store.day]);
        expect([...back.activity]).toEqual([...store.activity]);
        expect([...back.quantity]).toEqual([...store.quantity]);
        expect([...back.amount]).toEqual([...store.amount]);
        expect([...back.row]).toEqual([...store.row]);
        expect([...(back.line ?? [])]).toEqual([...(store.line ?? [])]);
        expect(back.columns).toEqual(store.columns);
        expect(back.dimensions['product']?.values).toEqual(store.dimensions['product']?.values);
        expect([...(back.dimensions['product']?.codes ?? [])]).toEqual([...(store.dimensions['product']?.codes ?? [])]);
        expect([back.firstDay, back.lastDay]).toEqual([store.firstDay, store.lastDay]);
      }),
      { numRuns: 60 },
    );
  });

  it('a cache entry with a flipped byte or cut short is rejected, never trusted', async () => {
    const parsed = await parseHistory(toCsv([{ partner_id: 'P1', date: '2024-01-01', activity: 'deal_closed', quantity: 1, amount: 5, product: 'saas' }]), { file: 'h.csv' });
    const bytes = Buffer.concat(encodeStore(parsed));
    await fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const flipped = Buffer.from(bytes);
        flipped[at] = (flipped[at] as number) ^ mask;
        expect(decodeStore(flipped)).toBeUndefined();
      }),
    );
    await fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), (length) => {
        expect(decodeStore(bytes.subarray(0, length))).toBeUndefined();
      }),
    );
    // Bytes appended after a valid entry break the checksum too.
    expect(decodeStore(Buffer.concat([bytes, Buffer.from([0])]))).toBeUndefined();
    expect(decodeStore(bytes)).toBeDefined();
  });

  it('keeps parse-time diagnostics with the entry', async () => {
    const parsed = await parseHistory(Buffer.from('partner_id,date,activity\nP1,2024-02-30,deal_closed\nP1,2024-01-01,x\n'), { file: 'h.csv' });
    expect(parsed.badRows).toBe(1);
    const back = decodeStore(Buffer.concat(encodeStore(parsed)));
    expect(back?.badRows).toBe(1);
    expect(back?.diagnostics).toEqual(parsed.diagnostics);
  });
});
