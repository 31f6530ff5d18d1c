import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import { loadProgram } from '../../src/program/load.js';
import { SEGMENTS } from '../../src/history/generator/profile.js';
import { parseDay } from '../../src/history/day.js';

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ps-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function generate(dir: string, ...extra: string[]): Promise<{ code: number; err: string }> {
  const io = memoryIo({ cwd: ROOT });
  const code = await main(['generate', '--partners', '120', '--from', '2024-01-01', '--to', '2024-12-31', '--out', join(work, dir), ...extra], io);
  return { code, err: io.err() };
}

const read = (dir: string, file: string): string => readFileSync(join(work, dir, file), 'utf8');

describe('generate', () => {
  it('gives byte-identical files for the same seed, different ones for another seed', async () => {
    expect((await generate('a', '--seed', '7')).code).toBe(0);
    expect((await generate('b', '--seed', '7')).code).toBe(0);
    expect((await generate('c', '--seed', '8')).code).toBe(0);
    expect(read('a', 'history.csv')).toBe(read('b', 'history.csv'));
    expect(read('a', 'partners.csv')).toBe(read('b', 'partners.csv'));
    expect(read('a', 'history.csv')).not.toBe(read('c', 'history.csv'));
  });

  it('makes a history the reader accepts, with the design’s activities, in range, every segment present', async () => {
    const { code, err } = await generate('shape', '--seed', '3', '--program', 'programs/lifecycle.yaml');
    expect(code).toBe(0);
    expect(err).toMatch(/^wrote .*history\.csv \(\d+ rows, 2024-01-01 to 2024-12-31\) and .*partners\.csv \(120 partners\)\n$/);
    const { program } = loadProgram(readFileSync(join(ROOT, 'programs/lifecycle.yaml')), 'lifecycle.yaml');
    const activities = Object.keys(program?.activities ?? {});
    const { store, badRows } = await readHistory(Buffer.from(read('shape', 'history.csv')), { file: 'history.csv', activities });
    expect(badRows).toBe(0);
    expect(store.size).toBeGreaterThan(1000);
    // 2024-01-01 is day 19723; 2024-12-31 is 19723 + 365 (2024 is a leap year) = 20088.
    expect(store.firstDay).toBeGreaterThanOrEqual(19723);
    expect(store.lastDay).toBeLessThanOrEqual(20088);
    expect(store.activityIds.every((a) => activities.includes(a))).toBe(true);
    const partners = await readPartners(Buffer.from(read('shape', 'partners.csv')), { file: 'partners.csv' });
    expect(partners.partners).toHaveLength(120);
    expect(new Set(partners.partners.map((p) => p.segment))).toEqual(new Set(SEGMENTS));
    expect(new Set(partners.partners.map((p) => p.region))).toEqual(new Set(['amer', 'apac', 'emea']));
    const levels = new Set(['Registered', 'Silver', 'Gold', 'Platinum']);
    expect(partners.partners.every((p) => levels.has(p.legacyLevel))).toBe(true);
    // Every history partner is in the partners file.
    expect(store.partnerIds.every((id) => partners.byId.has(id))).toBe(true);
    expect(Object.keys(store.dimensions)).toEqual(['product', 'region', 'customer_id', 'person_id', 'stage']);
  });

  it('gives each partner the legacy level its generated revenue and certified people earn', async () => {
    expect((await generate('legacy', '--seed', '11', '--partners', '300', '--from', '2024-01-01', '--to', '2025-12-31', '--program', 'programs/lifecycle.yaml')).code).toBe(0);
    const { store } = await readHistory(Buffer.from(read('legacy', 'history.csv')), { file: 'history.csv' });
    const partners = await readPartners(Buffer.from(read('legacy', 'partners.csv')), { file: 'partners.csv' });
    // lifecycle.yaml: fiscal year from 02-01, so the year holding the last event (late 2025)
    // runs 2025-02-01 .. 2026-01-31; levels (revenue, certified): Registered (0, 0),
    // Silver (100,000, 2), Gold (500,000, 5), Platinum (2,000,000, 10); certified = distinct
    // person_id on cert_earned over the whole history.
    const fyFrom = parseDay('2025-02-01') as number;
    const levels: Array<[string, number, number]> = [['Registered', 0, 0], ['Silver', 100000, 2], ['Gold', 500000, 5], ['Platinum', 2000000, 10]];
    const cert = store.activityIds.indexOf('cert_earned');
    const person = store.dimensions['person_id'];
    const seen = new Set<string>();
    store.partnerIds.forEach((id, p) => {
      let revenue = 0;
      const people = new Set<number>();
      for (let e = store.partnerStart[p] as number; e < (store.partnerStart[p + 1] as number); e++) {
        if ((store.day[e] as number) >= fyFrom) revenue += store.amount[e] as number;
        if (store.activity[e] === cert) people.add(person?.codes[e] as number);
      }
      let expected = '';
      for (const [name, min, certified] of levels) if (revenue >= min && people.size >= certified) expected = name;
      expect(partners.byId.get(id)?.legacyLevel, id).toBe(expected);
      seen.add(expected);
    });
    // 300 partners are enough for more than the bottom level to appear.
    expect(seen.size).toBeGreaterThan(1);
  });

  it('writes stage values for a design with staged credit', async () => {
    expect((await generate('staged', '--seed', '5', '--program', 'programs/services.yaml')).code).toBe(0);
    const stages = new Set(read('staged', 'history.csv').trim().split('\n').slice(1).map((l) => l.split(',')[9]));
    expect(stages.size).toBeGreaterThan(1);
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const first = await generate('again', '--seed', '1');
    expect(first.code).toBe(0);
    const second = await generate('again', '--seed', '1');
    expect(second.code).toBe(2);
    expect(second.err).toContain('history.csv already exists; not overwriting it');
    expect(second.err).toContain('hint: add --force');
    expect((await generate('again', '--seed', '1', '--force')).code).toBe(0);
  });

  it('needs --out', async () => {
    const io = memoryIo({ cwd: ROOT });
    expect(await main(['generate', '--partners', '10'], io)).toBe(2);
    expect(io.err()).toBe('error: generate writes two files: name their folder with --out DIR\nhint: pointsmith generate --partners 2000 --out data/\n');
  });

  it.each([
    [['--partners', '0'], '--partners 0: expected a whole number from 1 to 10,000,000'],
    [['--partners', '10', '--from', '2024-02-30'], '--from 2024-02-30: expected a date like 2024-01-31'],
    [['--partners', '10', '--from', '2025-01-01', '--to', '2024-01-01'], '--to 2024-01-01 is before --from 2025-01-01'],
    [['--partners', '10', '--seed', 'abc'], '--seed abc: expected a whole number'],
  ])('rejects %j', async (args, message) => {
    const io = memoryIo({ cwd: ROOT });
    expect(await main(['generate', ...args, '--out', join(work, 'x')], io)).toBe(2);
    expect(io.err()).toContain(`error: ${message}`);
  });

  it('reads a profile, and names a bad key in it', async () => {
    const good = join(work, 'profile.yaml');
    writeFileSync(good, 'segments:\n  agency: { share: 0 }\nregions: { emea: 1 }\n');
    expect((await generate('profiled', '--seed', '2', '--profile', good)).code).toBe(0);
    const rows = read('profiled', 'partners.csv').trim().split('\n').slice(1);
    expect(rows.every((r) => r.includes(',emea,'))).toBe(true);
    expect(rows.some((r) => r.includes(',agency,'))).toBe(false);

    const bad = join(work, 'bad-profile.yaml');
    writeFileSync(bad, 'growht: 0.2\n');
    const io = memoryIo({ cwd: ROOT });
    expect(await main(['generate', '--partners', '10', '--profile', bad, '--out', join(work, 'y')], io)).toBe(2);
    expect(io.err()).toContain('profile-invalid');
    expect(io.err()).toContain('growht');
  });
});
