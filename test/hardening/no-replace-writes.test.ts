/**
 * `--out` is created with a no-replace primitive (link, not rename): several real
 * processes racing for one new file, exactly one writes it and the others are refused
 * with exit 2; --force replaces; a temp file left by a dead writer is cleaned up.
 * Runs bin/pointsmith.js (the built dist/, as `npm test` builds first).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'pointsmith-out-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pointsmith(args: readonly string[]): Promise<{ code: number; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bin/pointsmith.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, err }));
  });
}

describe('--out: no-replace writes', () => {
  it('six concurrent writers to one new file: exactly one succeeds, the others exit 2', async () => {
    for (let trial = 0; trial < 1; trial++) {
      const target = join(root, `race-${trial}.json`);
      const results = await Promise.all(Array.from({ length: 6 }, () => pointsmith(['schema', '--out', target])));
      const winners = results.filter((r) => r.code === 0);
      expect(winners, JSON.stringify(results)).toHaveLength(1);
      for (const r of results.filter((x) => x.code !== 0)) {
        expect(r.code).toBe(2);
        expect(r.err).toBe(`error: ${target} already exists; not overwriting it\nhint: add --force to replace it, or choose another --out file\n`);
      }
      expect(JSON.parse(readFileSync(target, 'utf8'))).toHaveProperty('$schema');
      expect(readdirSync(root).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }
  }, 60_000);

  it('--force replaces an existing file', async () => {
    const target = join(root, 'forced.json');
    writeFileSync(target, 'old');
    const r = await pointsmith(['schema', '--out', target, '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('"$schema"');
  }, 30_000);

  it('a temp file of ours left by a writer that no longer runs is removed by the next write; others are kept', async () => {
    const target = join(root, 'stale.json');
    // pid 2^22+1 is above Linux's pid_max limit, so no process has it
    const stale = join(root, '.stale.json.4194305.deadbeef.tmp');
    const foreign = join(root, '.other.json.4194305.deadbeef.tmp');
    writeFileSync(stale, 'x'.repeat(1024));
    writeFileSync(foreign, 'x');
    const r = await pointsmith(['schema', '--out', target]);
    expect(r.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(foreign)).toBe(true);
  }, 30_000);
});
