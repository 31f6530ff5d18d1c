/**
 * `generate` for a design with a seller programme (`individuals:`): each partner's roster
 * of sellers grows with the partner, who did each seller row follows a long (Zipf) tail,
 * the same seed gives the same bytes, certification rows keep their own people, and a
 * design without `individuals:` draws and writes exactly as before.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_SELLERS, rosterSize, sellerId, zipfWeights } from '../../src/history/generator/seller-roster.js';
import { pointsmith } from '../support/bin.js';

const work = mkdtempSync(join(tmpdir(), 'ps-generate-sellers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'fixtures/sellers-sample');
/** The activities programs/sellers.yaml's seller programme scores, but cert_earned (distinct person_id: certified people). */
const SELLER_ACTIVITIES = new Set(['deal_registered', 'deal_closed', 'demo_delivered']);

interface Row {
  partner: string;
  date: string;
  activity: string;
  person: string;
}
const rowsOf = (text: string): Row[] =>
  text.trim().split('\n').slice(1).map((line) => {
    const f = line.split(',');
    return { partner: f[0] as string, date: f[1] as string, activity: f[2] as string, person: f[8] as string };
  });
const sample = rowsOf(readFileSync(join(SAMPLE, 'history.csv'), 'utf8'));

/** Partner → seller → rows. */
function sellerRows(rows: readonly Row[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!SELLER_ACTIVITIES.has(r.activity)) continue;
    const m = out.get(r.partner) ?? new Map<string, number>();
    m.set(r.person, (m.get(r.person) ?? 0) + 1);
    out.set(r.partner, m);
  }
  return out;
}

describe('the seller roster (seller-roster.ts)', () => {
  it('sizes a roster from the partner’s size × pace: 2 + ⌊4 × size × pace⌋', () => {
    // Worked by hand: 2 + ⌊4 × 0.1 × 1⌋ = 2 + ⌊0.4⌋ = 2 (a small partner);
    // 2 + ⌊4 × 0.61 × 1⌋ = 2 + ⌊2.44⌋ = 4 (the median size, e^-0.5 ≈ 0.61);
    // 2 + ⌊4 × 6 × 1.2⌋ = 2 + ⌊28.8⌋ = 30 (a partner six times the mean, an SI's pace).
    expect(rosterSize(0.1, 1)).toBe(2);
    expect(rosterSize(0.61, 1)).toBe(4);
    expect(rosterSize(6, 1.2)).toBe(30);
  });

  it('never shrinks as the partner grows, and has at least two people', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), (a, b, pace) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(rosterSize(small, pace)).toBeGreaterThanOrEqual(MIN_SELLERS);
        expect(rosterSize(large, pace)).toBeGreaterThanOrEqual(rosterSize(small, pace));
      }),
    );
  });

  it('weighs seller k as 1/k: the top seller of 40 has 1/H(40) ≈ 23% of the rows, twenty times the median one', () => {
    const w = zipfWeights(40);
    const total = w.reduce((s, x) => s + x, 0);
    // H(40) = 1 + 1/2 + ... + 1/40 ≈ ln 40 + 0.5772 + 1/80 ≈ 3.6889 + 0.5772 + 0.0125 = 4.2786.
    expect(total).toBeCloseTo(4.2786, 3);
    // Top share 1 / 4.2786 ≈ 0.2337; seller 20 has (1/20) / 4.2786 ≈ 0.0117: 20 times less.
    expect((w[0] as number) / total).toBeCloseTo(0.2337, 3);
    expect((w[0] as number) / (w[19] as number)).toBeCloseTo(20, 9);
    fc.assert(fc.property(fc.integer({ min: 2, max: 999 }), (n) => zipfWeights(n).every((x, k, all) => k === 0 || x < (all[k - 1] as number))));
  });

  it('names seller k of a partner with two digits at least', () => {
    expect(sellerId('P00042', 7)).toBe('P00042-S07');
    expect(sellerId('P00042', 123)).toBe('P00042-S123');
  });
});

describe('generate --program programs/sellers.yaml (fixtures/sellers-sample)', () => {
  it('is the committed sample, byte for byte, with the same flags; another seed gives other sellers', async () => {
    const a = await pointsmith('generate', '--partners', '300', '--seed', '42', '--program', 'programs/sellers.yaml', '--out', join(work, 'a'));
    expect(a.code, a.err).toBe(0);
    expect(readFileSync(join(work, 'a', 'history.csv'), 'utf8')).toBe(readFileSync(join(SAMPLE, 'history.csv'), 'utf8'));
    expect(readFileSync(join(work, 'a', 'partners.csv'), 'utf8')).toBe(readFileSync(join(SAMPLE, 'partners.csv'), 'utf8'));
    const b = await pointsmith('generate', '--partners', '300', '--seed', '43', '--program', 'programs/sellers.yaml', '--out', join(work, 'b'));
    expect(b.code, b.err).toBe(0);
    expect(readFileSync(join(work, 'b', 'history.csv'), 'utf8')).not.toBe(readFileSync(join(SAMPLE, 'history.csv'), 'utf8'));
  }, 30_000);

  it('writes a seller of the row’s own partner on every seller row, and no one on the firm’s other rows', () => {
    for (const r of sample) {
      if (SELLER_ACTIVITIES.has(r.activity)) expect(r.person, `${r.partner} ${r.date} ${r.activity}`).toMatch(new RegExp(`^${r.partner}-S\\d{2,3}$`));
      else if (r.activity === 'cert_earned') expect(r.person).toMatch(new RegExp(`^${r.partner}-E\\d+$`));
      else expect(r.person).toBe('');
    }
  });

  it('gives a large partner a long tail: its top seller does several times the median seller’s rows', () => {
    const byPartner = sellerRows(sample);
    const [, largest] = [...byPartner.entries()].sort(([, x], [, y]) => sum(y) - sum(x))[0] as [string, Map<string, number>];
    const counts = [...largest.values()].sort((x, y) => y - x);
    // "Dozens": the largest partner (a size several times the mean) has 20 or more sellers at work.
    expect(counts.length).toBeGreaterThanOrEqual(20);
    // Zipf over n ≥ 20 people: the top seller has n/2 ≥ 10 times the median's expected rows;
    // a quarter of that (2.5×) leaves room for the draw and for the people who did few rows.
    const median = counts[Math.floor(counts.length / 2)] as number;
    expect(counts[0] as number).toBeGreaterThan(4 * median);
    // The top seller of the large partner is S01, the heaviest weight (1/H(n) of the rows, about 1/4.3 for n = 40).
    const top = [...largest.entries()].sort(([, x], [, y]) => y - x)[0]?.[0] as string;
    expect(top).toMatch(/-S01$/);
  });

  it('gives larger partners more people: a few at the smallest, many more at the largest', () => {
    const ranked = [...sellerRows(sample).values()].sort((x, y) => sum(x) - sum(y));
    const quarter = Math.floor(ranked.length / 4);
    const people = (ms: Map<string, number>[]): number => medianOf(ms.map((m) => m.size));
    // The smallest partners have rosters of 2 or 3 (2 + ⌊4 × size × pace⌋ with size × pace below 0.5).
    expect(people(ranked.slice(0, quarter))).toBeLessThanOrEqual(3);
    // The busiest quarter has many more: at least three times the people of the least busy.
    expect(people(ranked.slice(-quarter))).toBeGreaterThanOrEqual(3 * people(ranked.slice(0, quarter)));
  });

  it('keeps certification rows as they were: distinct cert_earned person ids are the partners file’s certified', () => {
    const certified = new Map<string, Set<string>>();
    for (const r of sample) if (r.activity === 'cert_earned') certified.set(r.partner, (certified.get(r.partner) ?? new Set<string>()).add(r.person));
    const lines = readFileSync(join(SAMPLE, 'partners.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('partner_id,name,segment,region,legacy_level,certified,joined');
    for (const line of lines.slice(1)) {
      const f = line.split(',');
      expect(certified.get(f[0] as string)?.size ?? 0, f[0]).toBe(Number(f[5]));
    }
  });
});

describe('generate for a design without individuals:', () => {
  it('writes what it wrote before sellers existed: fixtures/subscription, byte for byte', async () => {
    const r = await pointsmith('generate', '--partners', '300', '--seed', '42', '--program', 'programs/subscription.yaml', '--out', join(work, 'sub'));
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(work, 'sub', 'history.csv'), 'utf8')).toBe(readFileSync(join(ROOT, 'fixtures/subscription/history.csv'), 'utf8'));
    expect(readFileSync(join(work, 'sub', 'partners.csv'), 'utf8')).toBe(readFileSync(join(ROOT, 'fixtures/subscription/partners.csv'), 'utf8'));
    // Only certified people carry a person id.
    expect(rowsOf(readFileSync(join(work, 'sub', 'history.csv'), 'utf8')).every((row) => row.person === '' || /-E\d+$/.test(row.person))).toBe(true);
  }, 30_000);
});

describe('generate for a seller programme keyed by another column', () => {
  it('warns that generate writes people in person_id, and writes no sellers', async () => {
    const r = await pointsmith('generate', '--partners', '20', '--program', 'fixtures/sellers-sample/rep-column.yaml', '--out', join(work, 'rep'));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('warning: individuals.person_column is rep_id, but generate writes people in person_id');
    expect(rowsOf(readFileSync(join(work, 'rep', 'history.csv'), 'utf8')).every((row) => row.person === '')).toBe(true);
  });
});

function sum(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
