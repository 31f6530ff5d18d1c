/** `generate --format json` and `init --format json`: the report names what was written, checked against the files. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { DEFAULT_STARTER } from '../../src/program/starter.js';

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ps-json-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Data rows: the lines of the file less the header (the generator ends each line with \n and quotes no newline). */
const dataRows = (bytes: Buffer) => bytes.toString('utf8').split('\n').filter((l) => l !== '').length - 1;

describe('generate --format json', () => {
  it('lists each file with its rows, bytes and sha256, and the span, seed and inputs, on stdout only', async () => {
    const out = join(work, 'data');
    const io = memoryIo({ cwd: ROOT });
    const code = await main(['generate', '--partners', '40', '--from', '2024-01-01', '--to', '2024-06-30', '--seed', '7', '--program', 'programs/lifecycle.yaml', '--out', out, '--format', 'json'], io);
    expect(code).toBe(0);
    expect(io.err()).toBe('');
    const report = JSON.parse(io.out()) as Record<string, unknown> & { files: { path: string; kind: string; rows: number; bytes: number; sha256: string }[] };
    const history = readFileSync(join(out, 'history.csv'));
    const partners = readFileSync(join(out, 'partners.csv'));
    expect(report).toEqual({
      command: 'generate',
      files: [
        { path: join(out, 'history.csv'), kind: 'history', rows: dataRows(history), bytes: history.length, sha256: sha256(history) },
        { path: join(out, 'partners.csv'), kind: 'partners', rows: 40, bytes: partners.length, sha256: sha256(partners) },
      ],
      partners: 40,
      from: '2024-01-01',
      to: '2024-06-30',
      seed: 7,
      program: 'programs/lifecycle.yaml',
      profile: null,
    });
    // 40 partners, one line each under the header.
    expect(dataRows(partners)).toBe(40);
    expect(report.files[0]!.rows).toBeGreaterThan(0);
  });

  it('gives the same checksums for the same seed (byte-identical files)', async () => {
    const run = async (dir: string) => {
      const io = memoryIo({ cwd: ROOT });
      expect(await main(['generate', '--partners', '15', '--seed', '3', '--out', join(work, dir), '--format', 'json'], io)).toBe(0);
      return (JSON.parse(io.out()) as { files: { sha256: string }[] }).files.map((f) => f.sha256);
    };
    expect(await run('s1')).toEqual(await run('s2'));
  });

  it('rejects an unknown format with a did-you-mean, exit 2, nothing written', async () => {
    const io = memoryIo({ cwd: ROOT });
    expect(await main(['generate', '--partners', '5', '--out', join(work, 'never'), '--format', 'jsno'], io)).toBe(2);
    expect(io.err()).toContain("argument 'jsno' is invalid. Allowed choices are text, json.\nhint: did you mean `json`?\n");
    expect(() => readFileSync(join(work, 'never', 'history.csv'))).toThrow();
  });
});

describe('init --format json', () => {
  it('names the file written, its checksum and the answers (the defaults with --yes)', async () => {
    const dir = mkdtempSync(join(work, 'init-'));
    const io = memoryIo({ cwd: dir });
    expect(await main(['init', '--yes', '--out', 'mine.yaml', '--format', 'json'], io)).toBe(0);
    expect(io.err()).toBe('');
    const written = readFileSync(join(dir, 'mine.yaml'));
    expect(JSON.parse(io.out())).toEqual({
      command: 'init',
      file: 'mine.yaml',
      bytes: written.length,
      sha256: sha256(written),
      defaults: true,
      answers: {
        name: 'My Partner Points',
        currency: 'USD',
        starts: '2024-01-01',
        ends: '2025-12-31',
        period: 'quarter',
        activities: ['webinar_hosted', 'demo_delivered', 'deal_closed', 'cert_earned', 'case_study_published'],
        silver: 2500,
        gold: 8000,
        budget: 500000,
        regions: ['amer', 'apac', 'emea'],
        legacy: {
          base: 'Registered',
          levels: [
            { name: 'Silver', revenue: 100000, certified: 2 },
            { name: 'Gold', revenue: 500000, certified: 5 },
            { name: 'Platinum', revenue: 2000000, certified: 10 },
          ],
        },
      },
      history: null,
    });
    expect(JSON.parse(io.out()).answers).toEqual(JSON.parse(JSON.stringify(DEFAULT_STARTER)));
  });

  it('without --yes and no terminal: exit 2, the usual message, nothing on stdout', async () => {
    const dir = mkdtempSync(join(work, 'init-'));
    const io = memoryIo({ cwd: dir });
    expect(await main(['init', '--format', 'json'], io)).toBe(2);
    expect(io.err()).toBe('error: init asks questions, but this is not a terminal\nhint: run it in a terminal, or add --yes to take the defaults (each question has a flag: pointsmith init --help)\n');
    expect(io.out()).toBe('');
  });

  it('an existing file without --force: exit 2, no report', async () => {
    const dir = mkdtempSync(join(work, 'init-'));
    writeFileSync(join(dir, 'program.yaml'), 'keep me');
    const io = memoryIo({ cwd: dir });
    expect(await main(['init', '--yes', '--format', 'json'], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(readFileSync(join(dir, 'program.yaml'), 'utf8')).toBe('keep me');
  });
});
