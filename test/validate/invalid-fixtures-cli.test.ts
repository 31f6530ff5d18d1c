/**
 * Every file of fixtures/invalid/ through `pointsmith validate`, as a CI job would run it:
 * the exit code, a `file:line:col` for the mistake, and never a stack trace. The expected
 * code and position of each file come from fixtures/invalid/EXPECTED.md (the loader's own
 * table), so the two tests cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STACK = /\n\s+at /;

interface Expected {
  readonly file: string;
  readonly code: string;
  readonly line: number;
  readonly col: number;
  readonly severity: 'error' | 'warning';
}

function expectedTable(): Expected[] {
  const text = readFileSync(new URL('../../fixtures/invalid/EXPECTED.md', import.meta.url), 'utf8');
  const rows: Expected[] = [];
  for (const m of text.matchAll(/^\| (\S+) \| `([^`]+)` \| (\d+) \| (\d+) \| (error|warning) \|$/gm)) {
    rows.push({ file: m[1]!, code: m[2]!, line: Number(m[3]), col: Number(m[4]), severity: m[5] as 'error' | 'warning' });
  }
  return rows;
}

const table = expectedTable();

async function validate(args: string[]) {
  const io = memoryIo({ cwd: root });
  const code = await main(['validate', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('validate on fixtures/invalid/', () => {
  it('has a row in EXPECTED.md for every fixture, and at least 25 fixtures', () => {
    const files = readdirSync(new URL('../../fixtures/invalid/', import.meta.url)).filter((f) => f !== 'EXPECTED.md').sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(table.map((r) => r.file).sort()).toEqual(files);
  });

  it.each(table.map((r) => [r.file, r] as const))('%s: exit code, file:line:col and code, no stack trace', async (_name, row) => {
    const path = `fixtures/invalid/${row.file}`;
    const r = await validate([path]);
    // Errors fail (1); a file with only warnings passes (0) unless --strict.
    expect(r.code).toBe(row.severity === 'error' ? 1 : 0);
    // A whole-file problem (0:0 in the table) is shown at 1:1 in the text format.
    const where = `${path}:${row.line || 1}:${row.col || 1}`;
    expect(r.out).toContain(`${where}  ${row.severity}  ${row.code}  `);
    for (const line of r.out.split('\n')) {
      if (line.startsWith(path)) expect(line).toMatch(/^\S+:\d+:\d+ {2}(error|warning) {2}\S+ {2}\S/);
    }
    expect(r.out + r.err).not.toMatch(STACK);
    expect(r.err).toBe('');
    if (row.severity === 'warning') expect((await validate([path, '--strict'])).code).toBe(1);
  });

  it('reports every fixture in one run of the folder, as one JSON document', async () => {
    const r = await validate(['fixtures/invalid', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { files: string[]; diagnostics: { file: string; code: string }[] };
    expect(doc.files).toHaveLength(table.length);
    for (const row of table) {
      expect(doc.diagnostics.some((d) => d.file.endsWith(row.file) && d.code === row.code), row.file).toBe(true);
    }
  });
});
