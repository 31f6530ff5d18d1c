/**
 * `generate`'s quantities and people: each segment's quantity distribution on the rows
 * whose quantity counts occurrences, cohorts of people on `distinct: person_id`
 * activities, and certified people that agree with the partners file over the tier window.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { BUILT_IN_PLAN } from '../../src/history/generator/activity-plan.js';

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ps-generate-q-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function generate(dir: string, ...args: string[]): Promise<void> {
  const io = memoryIo({ cwd: ROOT });
  const code = await main(['generate', '--out', join(work, dir), ...args], io);
  expect(code, io.err()).toBe(0);
}

interface Row {
  partner: string;
  date: string;
  activity: string;
  quantity: number;
  person: string;
}
function rows(dir: string): Row[] {
  return readFileSync(join(work, dir, 'history.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
    const f = line.split(',');
    return { partner: f[0] as string, date: f[1] as string, activity: f[2] as string, quantity: Number(f[3]), person: f[8] as string };
  });
}
function partners(dir: string): Map<string, { segment: string; legacy: string; certified: number }> {
  const lines = readFileSync(join(work, dir, 'partners.csv'), 'utf8').trim().split('\n');
  expect(lines[0]).toBe('partner_id,name,segment,region,legacy_level,certified,joined');
  return new Map(lines.slice(1).map((l) => {
    const f = l.split(',');
    return [f[0] as string, { segment: f[2] as string, legacy: f[4] as string, certified: Number(f[5]) }];
  }));
}

/*
 * The default distributions (src/history/generator/profile.ts), worked out by hand:
 *   segment     weights of 1,2,3,4           mean                               E[q²]                               variance = E[q²] − mean²
 *   reseller    0.80 0.15 0.05               0.80+0.30+0.15       = 1.25        0.80+0.60+0.45       = 1.85        1.85 − 1.5625 = 0.2875
 *   msp         0.70 0.20 0.10               0.70+0.40+0.30       = 1.40        0.70+0.80+0.90       = 2.40        2.40 − 1.96   = 0.44
 *   si          0.60 0.25 0.10 0.05          0.60+0.50+0.30+0.20  = 1.60        0.60+1.00+0.90+0.80  = 3.30        3.30 − 2.56   = 0.74
 *   consultant  0.75 0.20 0.05               0.75+0.40+0.15       = 1.30        0.75+0.80+0.45       = 2.00        2.00 − 1.69   = 0.31
 *   isv         0.85 0.15                    0.85+0.30            = 1.15        0.85+0.60            = 1.45        1.45 − 1.3225 = 0.1275
 *   agency      0.70 0.20 0.10               1.40 (as msp)                      2.40                               0.44
 * Share of rows above 1 = 1 − weight of 1. Each row is an independent draw, so over n rows
 * the mean is off by at most 4 × sqrt(variance / n) and the share by 4 × sqrt(p(1 − p) / n)
 * (four standard errors: a fixed seed makes the test deterministic; the bound says the
 * draw follows the stated distribution rather than matching one output).
 */
const EXPECTED: Record<string, { mean: number; variance: number; above1: number }> = {
  reseller: { mean: 1.25, variance: 0.2875, above1: 0.2 },
  msp: { mean: 1.4, variance: 0.44, above1: 0.3 },
  si: { mean: 1.6, variance: 0.74, above1: 0.4 },
  consultant: { mean: 1.3, variance: 0.31, above1: 0.25 },
  isv: { mean: 1.15, variance: 0.1275, above1: 0.15 },
  agency: { mean: 1.4, variance: 0.44, above1: 0.3 },
};

describe('generate: quantities', () => {
  beforeAll(async () => {
    await generate('q', '--partners', '600', '--from', '2024-01-01', '--to', '2025-12-31', '--seed', '9');
  }, 30_000);

  it('draws each segment’s quantity distribution on rows that count occurrences', () => {
    const kind = new Map(BUILT_IN_PLAN.map((a) => [a.id, a.quantity]));
    const segmentOf = partners('q');
    const bySegment = new Map<string, number[]>();
    for (const r of rows('q')) {
      if (kind.get(r.activity) !== 'units') continue;
      const seg = segmentOf.get(r.partner)?.segment as string;
      const list = bySegment.get(seg) ?? [];
      list.push(r.quantity);
      bySegment.set(seg, list);
    }
    for (const [segment, e] of Object.entries(EXPECTED)) {
      const q = bySegment.get(segment) ?? [];
      expect(q.length, segment).toBeGreaterThan(400);
      const mean = q.reduce((a, b) => a + b, 0) / q.length;
      const above = q.filter((x) => x > 1).length / q.length;
      expect(Math.abs(mean - e.mean), `${segment} mean ${mean} over ${q.length} rows`).toBeLessThanOrEqual(4 * Math.sqrt(e.variance / q.length));
      expect(Math.abs(above - e.above1), `${segment} share above 1: ${above}`).toBeLessThanOrEqual(4 * Math.sqrt((e.above1 * (1 - e.above1)) / q.length));
      // Only the values the distribution names.
      expect(Math.max(...q), segment).toBeLessThanOrEqual(segment === 'si' ? 4 : segment === 'isv' ? 2 : 3);
    }
  });

  it('keeps quantity 1 on deals, distinct customers and people (one row per person)', () => {
    const kind = new Map(BUILT_IN_PLAN.map((a) => [a.id, a.quantity]));
    const ones = rows('q').filter((r) => kind.get(r.activity) === 'one');
    expect(ones.length).toBeGreaterThan(1000);
    expect(ones.every((r) => r.quantity === 1)).toBe(true);
  });

  it('honours a profile’s quantity, and gives the same bytes for the same seed', async () => {
    const profile = join(work, 'q-profile.yaml');
    // Every segment: quantity 2 always (mean 2, none at 1).
    writeFileSync(profile, `segments:\n${['reseller', 'msp', 'si', 'consultant', 'isv', 'agency'].map((s) => `  ${s}: { quantity: { 2: 1 } }\n`).join('')}`);
    await generate('q2a', '--partners', '50', '--from', '2024-01-01', '--to', '2024-06-30', '--seed', '4', '--profile', profile);
    await generate('q2b', '--partners', '50', '--from', '2024-01-01', '--to', '2024-06-30', '--seed', '4', '--profile', profile);
    const kind = new Map(BUILT_IN_PLAN.map((a) => [a.id, a.quantity]));
    const units = rows('q2a').filter((r) => kind.get(r.activity) === 'units');
    expect(units.length).toBeGreaterThan(100);
    expect(units.every((r) => r.quantity === 2)).toBe(true);
    expect(readFileSync(join(work, 'q2a', 'history.csv'), 'utf8')).toBe(readFileSync(join(work, 'q2b', 'history.csv'), 'utf8'));
    expect(readFileSync(join(work, 'q2a', 'partners.csv'), 'utf8')).toBe(readFileSync(join(work, 'q2b', 'partners.csv'), 'utf8'));
  });

  it('rejects a quantity that is not a whole number', async () => {
    const profile = join(work, 'q-bad.yaml');
    writeFileSync(profile, 'segments:\n  msp: { quantity: { 1.5: 1 } }\n');
    const io = memoryIo({ cwd: ROOT });
    expect(await main(['generate', '--partners', '5', '--profile', profile, '--out', join(work, 'qbad')], io)).toBe(2);
    expect(io.err()).toContain('segments.msp.quantity');
  });
});

describe('generate: certified people', () => {
  /**
   * lifecycle.yaml: quarterly periods, tier_window trailing_4, certified activity
   * cert_earned. Over 2024-01-01..2025-12-31 the last tier window is the four quarters of
   * 2025: 2025-01-01..2025-12-31.
   */
  const windowFrom = '2025-01-01';
  function peopleOf(dir: string): { all: Map<string, Set<string>>; inWindow: Map<string, Set<string>> } {
    const all = new Map<string, Set<string>>();
    const inWindow = new Map<string, Set<string>>();
    const add = (m: Map<string, Set<string>>, p: string, v: string): void => void (m.get(p) ?? m.set(p, new Set()).get(p))?.add(v);
    for (const r of rows(dir)) {
      if (r.activity !== 'cert_earned') continue;
      expect(r.person).not.toBe('');
      expect(r.quantity).toBe(1);
      add(all, r.partner, r.person);
      if (r.date >= windowFrom) add(inWindow, r.partner, r.person);
    }
    return { all, inWindow };
  }

  it('writes in the partners file the certified people the history holds', async () => {
    await generate('people', '--partners', '400', '--program', 'programs/lifecycle.yaml', '--seed', '21');
    const file = partners('people');
    const { all, inWindow } = peopleOf('people');
    let withPeople = 0;
    let same = 0;
    for (const [id, p] of file) {
      // The partners file's count is the distinct person_ids over the whole history (what
      // `transition` counts for the legacy level) ...
      expect(all.get(id)?.size ?? 0, id).toBe(p.certified);
      // ... and the last tier window never holds more people than that.
      const w = inWindow.get(id)?.size ?? 0;
      expect(w, id).toBeLessThanOrEqual(p.certified);
      if (p.certified > 0) {
        withPeople++;
        if (w === p.certified) same++;
      }
    }
    // Every certified person renews within 300-359 days while the partner is active, so
    // the window holds all of them for a partner active to the end. Only partners that
    // leave (churn: 10% of partners) can fall short: at most ~10% of those with people,
    // plus 4 standard errors of that share over ~200 partners (4 × sqrt(0.1 × 0.9 / 200)
    // ≈ 0.085): at least 1 − 0.1 − 0.085 ≈ 0.8 hold exactly N in the window.
    expect(withPeople).toBeGreaterThan(150);
    expect(same / withPeople).toBeGreaterThanOrEqual(0.8);
  }, 30_000);

  it('without churn, every partner has exactly its N certified people in the last tier window', async () => {
    const profile = join(work, 'no-churn.yaml');
    writeFileSync(profile, 'churn: 0\n');
    await generate('people0', '--partners', '300', '--program', 'programs/lifecycle.yaml', '--seed', '22', '--profile', profile);
    const file = partners('people0');
    const { inWindow } = peopleOf('people0');
    let withPeople = 0;
    for (const [id, p] of file) {
      expect(inWindow.get(id)?.size ?? 0, id).toBe(p.certified);
      if (p.certified > 0) withPeople++;
    }
    expect(withPeople).toBeGreaterThan(100);
  }, 30_000);

  it('certifies people together: some days hold several new person_ids of one partner', async () => {
    const seen = new Map<string, number>();
    const first = new Map<string, string>();
    for (const r of rows('people')) {
      if (r.activity !== 'cert_earned' || first.has(r.person)) continue;
      first.set(r.person, r.date);
      const key = `${r.partner} ${r.date}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const cohorts = [...seen.values()];
    // Cohort sizes follow the segments' quantity: 15-40% of certification events above 1.
    expect(cohorts.filter((c) => c > 1).length / cohorts.length).toBeGreaterThan(0.1);
  });
});
