/**
 * The real binary in a child process: what `npx pointsmith` does for a user or a CI job.
 * `npm test` builds first, so bin/pointsmith.js finds dist/.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { removeTempTrees, tempTree, TYPO } from './validate/design-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/pointsmith.js', import.meta.url));
const exec = promisify(execFile);

async function pointsmith(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // Piped (not a TTY) and without colour, as in CI.
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('bin/pointsmith.js', () => {
  afterAll(removeTempTrees);

  it('validates the bundled samples with exit 0', async () => {
    const r = await pointsmith(['validate', 'programs/']);
    expect(r).toEqual({ code: 0, stdout: '6 files valid\n', stderr: '' });
  });

  it('prints the committed schema/program.schema.json, all of it, through a pipe', async () => {
    const r = await pointsmith(['schema']);
    expect(r.code).toBe(0);
    // ~28 kB, well past a pipe buffer (16-64 kB chunks): the process must not exit before the write drains.
    expect(r.stdout).toBe(readFileSync(new URL('../schema/program.schema.json', import.meta.url), 'utf8'));
  });

  it('exits 1 on a bad design with file:line:col and the message, no stack trace', async () => {
    const cwd = tempTree({ 'typo.yaml': TYPO });
    const r = await pointsmith(['validate', 'typo.yaml'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('typo.yaml:5:21  error  unknown-key  unknown key `pionts`');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('delivers a complete JSON document when piped', async () => {
    const r = await pointsmith(['validate', 'programs/', '--format', 'sarif']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('exits 2 with one line for a missing file', async () => {
    const r = await pointsmith(['validate', 'no/such.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(2); // the error line and its hint
    expect(r.stderr).toMatch(/^error: cannot read no\/such\.yaml: no such file or folder\nhint: /);
  });
});
