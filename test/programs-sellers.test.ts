/**
 * programs/sellers.yaml over fixtures/sellers-sample (generated for it: a roster of sellers
 * per partner): it validates clean against its data, `run` reports the seller programme
 * and the dated change, and `compare --as-of` before the change differs from the design
 * with the change by exactly what the change's new deal points earn.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../src/analysis/summary-types.js';
import { pointsmith } from './support/bin.js';

const DATA = ['--history', 'fixtures/sellers-sample/history.csv', '--partners', 'fixtures/sellers-sample/partners.csv'];
const DESIGN = 'programs/sellers.yaml';

interface SellersJson {
  sellers: { sellers: number; partners: number; unattributed_events: number; cost: { total: number } };
  changes: { effective: string; announced: string; notice_days: number; short_notice: boolean; periods: string[] }[];
}
interface CompareJson {
  columns: string[];
  rows: { key: string; values: number[] }[];
}

describe('programs/sellers.yaml over fixtures/sellers-sample', () => {
  it('validates clean with --strict against its data', async () => {
    const v = await pointsmith('validate', DESIGN, '--strict', ...DATA);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
  });

  it('run: every seller row credited, the seller cost inside the total, the change in force from 2025-Q3 with its notice kept', async () => {
    const r = await pointsmith('run', DESIGN, ...DATA, '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out) as RunSummary & SellersJson;
    // The generator writes a person on every row the seller programme scores.
    expect(s.sellers.unattributed_events).toBe(0);
    expect(s.sellers.sellers).toBeGreaterThan(s.sellers.partners);
    expect(s.sellers.cost.total).toBeGreaterThan(0);
    expect(s.cost.total).toBeGreaterThan(s.sellers.cost.total);
    // Announced 2025-03-01, in force 2025-07-01: 30 (rest of March) + 30 + 31 + 30 (April-June) + 1 = 122 days ≥ 90.
    expect(s.changes).toHaveLength(1);
    expect(s.changes[0]).toMatchObject({ effective: '2025-07-01', announced: '2025-03-01', notice_days: 122, short_notice: false, periods: ['2025-Q3', '2025-Q4'] });
  });

  it('compare --as-of 2025-06-30: the change adds 10 points per registered deal from 1 July, and nothing else to the firm’s points earned', async () => {
    const r = await pointsmith('compare', DESIGN, '--as-of', '2025-06-30', ...DATA, '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const c = JSON.parse(r.out) as CompareJson;
    expect(c.columns).toEqual(['sellers as of 2025-06-30', 'sellers with the changes']);
    // deal_registered earns 20 points × quantity before the change and 30 after; no tier
    // multiplier, cap or category maximum touches `sell`, so the difference is
    // (30 − 20) × the units registered on or after 2025-07-01, counted here from the data.
    let units = 0;
    for (const line of readFileSync(new URL('../fixtures/sellers-sample/history.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)) {
      const f = line.split(',');
      if (f[2] === 'deal_registered' && (f[1] as string) >= '2025-07-01') units += Number(f[3]);
    }
    expect(units).toBeGreaterThan(0);
    const earned = c.rows.find((row) => row.key === 'points.earned')?.values as number[];
    expect((earned[1] as number) - (earned[0] as number)).toBeCloseTo(10 * units, 6);
  });
});
