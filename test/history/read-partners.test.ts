import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.js';
import { includePartners, matchPartners } from '../../src/history/match-partners.js';
import { readPartners } from '../../src/history/read-partners.js';
import { buildPartners, buildStore } from '../../src/history/store-builder.js';

const read = (text: string, options: { columns?: Record<string, string>; lenientColumns?: boolean } = {}) => readPartners(Buffer.from(text), { file: 'p.csv', ...options });

async function problems(text: string): Promise<DiagnosticError> {
  try {
    await read(text);
  } catch (error) {
    if (error instanceof DiagnosticError) return error;
    throw error;
  }
  throw new Error('expected a DiagnosticError');
}

describe('readPartners', () => {
  it('reads the known columns and keeps every column as an attribute', async () => {
    const table = await read('partner_id,name,segment,region,legacy_level,tier_hint\nP1,"Acme, Inc.",reseller,emea,Gold,3\nP2,Bolt,msp,amer,,\n');
    expect(table.partners.map((p) => p.id)).toEqual(['P1', 'P2']);
    expect(table.byId.get('P1')).toEqual({
      id: 'P1',
      name: 'Acme, Inc.',
      segment: 'reseller',
      region: 'emea',
      legacyLevel: 'Gold',
      attributes: { partner_id: 'P1', name: 'Acme, Inc.', segment: 'reseller', region: 'emea', legacy_level: 'Gold', tier_hint: '3' },
    });
    expect(table.byId.get('P2')?.legacyLevel).toBe('');
  });

  it('needs only partner_id', async () => {
    const table = await read('partner_id\nP1\n');
    expect(table.byId.get('P1')).toMatchObject({ name: '', segment: '', region: '', legacyLevel: '' });
  });

  it('applies the mappings whose header it has when lenient', async () => {
    const table = await read('Account ID,Segment\nA1,isv\n', { columns: { partner_id: 'Account ID', segment: 'Segment', amount: 'Net USD' }, lenientColumns: true });
    expect(table.byId.get('A1')?.segment).toBe('isv');
  });

  it('reports a duplicate id with both lines', async () => {
    const e = await problems('partner_id,name\nP1,Acme\nP2,Bolt\nP1,Again\n');
    expect(e.diagnostics).toEqual([
      { severity: 'error', code: 'partners-duplicate-id', message: 'row 3: partner `P1` is already on line 2', file: 'p.csv', line: 4, col: 1, hint: 'each partner appears once in the partners file' },
    ]);
  });

  it('reports an empty id, a missing column and an empty file', async () => {
    expect((await problems('partner_id,name\n,Acme\n')).diagnostics[0]).toMatchObject({ code: 'csv-empty-partner', line: 2, col: 1 });
    expect((await problems('id,name\nP1,Acme\n')).diagnostics[0]).toMatchObject({ code: 'csv-missing-column', message: 'the partners file has no `partner_id` column' });
    expect((await problems('')).diagnostics[0]).toMatchObject({ code: 'csv-empty', message: 'the partners file is empty' });
  });
});

describe('matchPartners and includePartners', () => {
  const store = buildStore([
    { partner_id: 'B', date: '2024-01-01', activity: 'a' },
    { partner_id: 'D', date: '2024-01-02', activity: 'a' },
    { partner_id: 'D', date: '2024-01-03', activity: 'a' },
  ]);

  it('names history partners missing from the partners file', () => {
    const table = buildPartners([{ partner_id: 'B' }]);
    expect(matchPartners(store, table, 'h.csv', 'p.csv')).toEqual([
      {
        severity: 'error',
        code: 'partners-missing',
        message: '1 partner(s) of the history h.csv are not in the partners file: `D`',
        file: 'p.csv',
        line: 0,
        col: 0,
        hint: 'add them to the partners file, or check that both files use the same partner ids (--column partner_id=...)',
      },
    ]);
  });

  it('shortens a long list to five ids and a count', () => {
    const many = buildStore(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'].map((id) => ({ partner_id: id, date: '2024-01-01', activity: 'a' })));
    const [d] = matchPartners(many, buildPartners([]), 'h.csv', 'p.csv');
    expect(d?.message).toBe('7 partner(s) of the history h.csv are not in the partners file: `P1`, `P2`, `P3`, `P4`, `P5`, … (2 more)');
  });

  it('adds partners without activity as empty ranges, keeping events sorted', () => {
    const table = buildPartners([{ partner_id: 'A' }, { partner_id: 'B' }, { partner_id: 'C' }, { partner_id: 'D' }]);
    expect(matchPartners(store, table, 'h.csv', 'p.csv')).toEqual([]);
    const all = includePartners(store, table);
    expect(all.partnerIds).toEqual(['A', 'B', 'C', 'D']);
    // A: no events; B: event 0; C: none; D: events 1-2.
    expect([...all.partnerStart]).toEqual([0, 0, 1, 1, 3]);
    expect([...all.partner]).toEqual([1, 3, 3]);
    expect(includePartners(store, buildPartners([{ partner_id: 'B' }, { partner_id: 'D' }]))).toBe(store);
  });
});
