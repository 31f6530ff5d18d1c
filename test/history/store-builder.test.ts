import { describe, expect, it } from 'vitest';
import { buildPartners, buildStore } from '../../src/history/store-builder.js';
import { sortOrder } from '../../src/history/store-accumulator.js';

describe('buildStore', () => {
  it('sorts by partner, then day, then row, and interns strings in sorted order', () => {
    const store = buildStore([
      { partner_id: 'p2', date: '2024-01-02', activity: 'demo', product: 'saas' }, // row 1
      { partner_id: 'p1', date: '2024-01-03', activity: 'deal', amount: 5000 }, //     row 2
      { partner_id: 'p1', date: '2024-01-01', activity: 'demo', quantity: 3 }, //      row 3
      { partner_id: 'p2', date: '2024-01-02', activity: 'deal', product: 'perpetual' }, // row 4
    ]);
    expect(store.size).toBe(4);
    expect(store.partnerIds).toEqual(['p1', 'p2']);
    // p1: row 3 (Jan 1) then row 2 (Jan 3); p2: rows 1 and 4, same day, so row order.
    expect([...store.row]).toEqual([3, 2, 1, 4]);
    expect([...store.partnerStart]).toEqual([0, 2, 4]);
    expect([...store.partner]).toEqual([0, 0, 1, 1]);
    // 2024-01-01 is 19723 days after 1970-01-01 (54 years × 365 + 13 leap days + 0 = 19723).
    expect([...store.day]).toEqual([19723, 19725, 19724, 19724]);
    expect(store.firstDay).toBe(19723);
    expect(store.lastDay).toBe(19725);
    expect(store.activityIds).toEqual(['deal', 'demo']);
    expect([...store.activity]).toEqual([1, 0, 1, 0]);
    expect([...store.quantity]).toEqual([3, 1, 1, 1]);
    expect([...store.amount]).toEqual([0, 5000, 0, 0]);
    const product = store.dimensions['product'];
    expect(product?.values).toEqual(['', 'perpetual', 'saas']);
    expect([...(product?.codes ?? [])]).toEqual([0, 0, 2, 1]);
  });

  it('builds an empty store', () => {
    const store = buildStore([]);
    expect(store.size).toBe(0);
    expect([...store.partnerStart]).toEqual([0]);
    expect(store.firstDay).toBe(0);
    expect(store.lastDay).toBe(-1);
  });

  it('rejects a bad date', () => {
    expect(() => buildStore([{ partner_id: 'p', date: '2024-02-30', activity: 'a' }])).toThrow(/row 1/);
  });
});

describe('buildPartners', () => {
  it('indexes partners by id and keeps every column as an attribute', () => {
    const table = buildPartners([{ partner_id: 'p1', name: 'Acme', segment: 'msp', region: 'emea', legacy_level: 'Gold', tier_hint: 3 }]);
    expect(table.byId.get('p1')?.segment).toBe('msp');
    expect(table.partners[0]?.legacyLevel).toBe('Gold');
    expect(table.partners[0]?.attributes['tier_hint']).toBe('3');
  });
  it('rejects a duplicate id', () => {
    expect(() => buildPartners([{ partner_id: 'p1' }, { partner_id: 'p1' }])).toThrow(/twice/);
  });
});

describe('sortOrder', () => {
  it('gives the same order for rows already in date order, with or without the sort by day', () => {
    // Rows in date order (days 5, 5, 6, 8, 8): partner 1's rows are 1 and 4, partner 0's
    // are 0, 2 and 3, each kept in row order: [0, 2, 3, 1, 4].
    const partner = Uint32Array.from([0, 1, 0, 0, 1]);
    const day = Int32Array.from([5, 5, 6, 8, 8]);
    expect([...sortOrder(partner, 2, day, 5, 8, true)]).toEqual([0, 2, 3, 1, 4]);
    expect([...sortOrder(partner, 2, day, 5, 8, false)]).toEqual([0, 2, 3, 1, 4]);
  });
});
