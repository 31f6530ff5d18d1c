import { describe, expect, it } from 'vitest';
import { buildStore } from '../../src/history/store-builder.js';
import { decodeStore, encodeStore } from '../../src/history/store-codec.js';

describe('store codec: the interned strings', () => {
  it('round-trips ids and values of any UTF-16 content, blanks and a lone surrogate included', () => {
    const rows = [
      { partner_id: 'Zürich AG', date: '2024-01-05', activity: 'deal', customer_id: '😀-1', note: '' },
      { partner_id: 'p\uD800x', date: '2024-01-06', activity: 'démo', customer_id: 'a,b\n"c"', note: 'x' },
      { partner_id: 'Zürich AG', date: '2024-01-07', activity: 'deal', customer_id: '', note: '\uDC00' },
    ];
    const store = buildStore(rows);
    const back = decodeStore(Buffer.concat(encodeStore({ store, diagnostics: [], badRows: 0 })))?.store;
    expect(back).toBeDefined();
    expect(back?.partnerIds).toEqual(store.partnerIds);
    expect(back?.activityIds).toEqual(store.activityIds);
    expect(back?.dimensions['customer_id']?.values).toEqual(store.dimensions['customer_id']?.values);
    expect(back?.dimensions['note']?.values).toEqual(store.dimensions['note']?.values);
    expect(back?.partnerIds).toContain('p\uD800x');
  });
});
