/**
 * Numbers (issue 13, item 2): design numbers in hex/octal/binary, with `_` separators, a
 * leading zero, `.inf` or `.nan` are refused at their position; a replay whose arithmetic
 * leaves the doubles (a sum at ±Infinity or NaN) fails with exit 2 naming the figure and
 * the design path, and never prints `∞`, `NaN` or a JSON `null` in its place.
 */
import { describe, expect, it } from 'vitest';
import { describeNonFinite, findNonFinite } from '../../src/analysis/finite-guard.js';
import { loadProgram } from '../../src/program/load.js';
import { invoke } from './hostile-inputs.js';

const PER = ['fixtures/hostile/overflow-points-per.yaml', '--history', 'fixtures/hostile/overflow-history.csv', '--no-cache'];
const MULT = ['fixtures/hostile/overflow-multipliers.yaml', '--history', 'fixtures/hostile/overflow-multipliers.csv', '--no-cache'];
const OVERFLOWED = 'the replay overflowed: the run summary\'s figure `points.earned` is infinite (+∞), so no report is printed';

function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);
}

describe('overflow in a replay', () => {
  it('run (text and json): exit 2, the figure and the points_per path named, nothing on stdout', async () => {
    for (const format of ['table', 'json']) {
      const r = await invoke(['run', ...PER, '--format', format]);
      expect(r.code, format).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(OVERFLOWED);
      expect(r.err).toContain('likely from `activities.deal_closed.points_per.amount`');
      expect(r.err).toContain('hint: a points_per amount or quantity far below 1');
      expect(r.err).not.toContain('∞ │');
      expectNoStack(r.err);
    }
  });

  it('run: multipliers of many columns that multiply past the doubles name the activity\'s multipliers', async () => {
    const r = await invoke(['run', ...MULT]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(OVERFLOWED);
    expect(r.err).toContain('likely from `activities.deal_closed.multipliers`');
  });

  it('explain, check, simulate and compare fail the same way', async () => {
    const explain = await invoke(['explain', ...PER, '--partner', 'P1']);
    expect(explain.code).toBe(2);
    expect(explain.out).toBe('');
    expect(explain.err).toContain('the replay overflowed: the statement\'s figure');
    const check = await invoke(['check', ...PER]);
    expect(check.code).toBe(2);
    expect(check.err).toContain(OVERFLOWED);
    const simulate = await invoke(['simulate', ...PER, '--runs', '2']);
    expect(simulate.code).toBe(2);
    expect(simulate.out).toBe('');
    expect(simulate.err).toContain('the replay overflowed: the simulation\'s figure');
    const compare = await invoke(['compare', 'fixtures/hostile/overflow-points-per.yaml', 'fixtures/hostile/design.yaml', '--history', 'fixtures/hostile/overflow-history.csv', '--no-cache']);
    expect(compare.code).toBe(2);
    expect(compare.out).toBe('');
    expect(compare.err).toContain('run summary\'s figure `points.earned` is infinite (+∞)');
    // sensitivity and calibrate check the design as written before any variant: a cost.total
    // of $0 beside infinite points is no base to move.
    const sensitivity = await invoke(['sensitivity', ...PER, '--vary', 'activities.*.points_per.points']);
    expect([sensitivity.code, sensitivity.out]).toEqual([2, '']);
    expect(sensitivity.err).toContain(OVERFLOWED);
    const calibrate = await invoke(['calibrate', ...PER, '--target', 'points.earned=10', '--vary', 'activities.*.points_per.points', '--scale']);
    expect([calibrate.code, calibrate.out]).toEqual([2, '']);
    expect(calibrate.err).toContain(OVERFLOWED);
  });

  it('findNonFinite: breadth first, named by path; finite reports and nulls pass', () => {
    expect(findNonFinite({ a: 1, b: [1, 2, { c: null }], d: 'x' })).toBeUndefined();
    expect(findNonFinite({ periods: [{ points: { earned: Infinity } }], points: { earned: Infinity } })).toEqual({ figure: 'points.earned', value: Infinity });
    expect(findNonFinite({ rows: [{ v: 1 }, { v: NaN }] })?.figure).toBe('rows[1].v');
    expect(findNonFinite({ column: new Float64Array([1, -Infinity]) })).toEqual({ figure: 'column[1]', value: -Infinity });
    expect(describeNonFinite(NaN)).toBe('not a number (NaN)');
    expect(describeNonFinite(-Infinity)).toBe('infinite (−∞)');
  });
});

describe('design number notations through the CLI', () => {
  it('run on a design with `points: 0x32`: exit 2, file:line:col, the decimal to write', async () => {
    const r = await invoke(['run', 'fixtures/invalid/hex-points.yaml', '--history', 'fixtures/hostile/history.csv', '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('fixtures/invalid/hex-points.yaml:7:50');
    expect(r.err).toContain('number-notation');
    expect(r.err).toContain('`0x32` is a hexadecimal number; the format takes decimal numbers only');
    expect(r.err).toContain('write 50, or quote it if it is meant as text');
    expectNoStack(r.err);
  });

  it('validate: `.inf`, `.nan`, `250_000`, `0o62`, `0b1111101000` each exit 1 with one positioned error', async () => {
    const cases: [string, string, string][] = [
      ['infinite-points.yaml', '7:50', '`.inf` is infinity'],
      ['nan-points.yaml', '7:50', '`.nan` is not a number (NaN)'],
      ['underscore-budget.yaml', '9:30', '`250_000` uses `_` as a digit separator'],
      ['octal-points.yaml', '7:50', '`0o62` is an octal number'],
      ['binary-threshold.yaml', '10:33', '`0b1111101000` is a binary number'],
    ];
    for (const [file, at, says] of cases) {
      const r = await invoke(['validate', `fixtures/invalid/${file}`]);
      expect(r.code, file).toBe(1);
      expect(r.out + r.err).toContain(`fixtures/invalid/${file}:${at}`);
      expect(r.out + r.err).toContain(says);
      expect(r.out + r.err).toContain('1 error in 1 file');
    }
  });

  it('a quoted "0x10" stays text, keys are ids, and decimals with exponents stay numbers', () => {
    const text = [
      'pointsmith: 1',
      'program: { name: "0x10", starts: 2024-01-01, ends: 2024-12-31 }',
      'categories:',
      '  "0b11": {}',
      'activities:',
      '  0x10: { category: "0b11", points: 1.5e3 }',
      'tiers:',
      '  - { name: Registered, min_points: +0 }',
    ].join('\n');
    const result = loadProgram(text, 'quoted.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.program?.program.name).toBe('0x10');
    expect(result.program?.activities['16']?.points).toBe(1500);
  });
});

describe('a key that is a list or a mapping', () => {
  it('is a positioned yaml-collection-key error, and the yaml library prints no raw warning of its own on stderr', async () => {
    const { execFile } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-key-'));
    const file = join(dir, 'key.yaml');
    writeFileSync(file, 'pointsmith: 1\nprogram: { name: X, starts: 2024-01-01 }\ncategories:\n  ? { "a\\e[2J": 2500 }\n  : {}\n');
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, ['bin/pointsmith.js', 'validate', file], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
        done({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
      );
    });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(`${file}:4:5  error  yaml-collection-key  this key is a list or a mapping`);
    expect(r.stderr).not.toContain('Warning');
    expect(r.stdout + r.stderr).not.toContain('\u001b');
  });
});

describe('nesting deeper than the YAML reader\'s stack', () => {
  it('validate and run: one yaml-too-deep error at a position, exit 1 and 2, no stack trace', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const file = join(mkdtempSync(join(tmpdir(), 'pointsmith-deep-')), 'deep.yaml');
    writeFileSync(file, `pointsmith: 1\nprogram: ${'['.repeat(20_000)}1${']'.repeat(20_000)}\n`);
    const validate = await invoke(['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.out + validate.err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+  error  yaml-too-deep  the YAML nests lists or mappings too deeply to be read`));
    expect(validate.out + validate.err).toContain('hint: a design nests a few levels deep');
    const run = await invoke(['run', file, '--history', 'fixtures/hostile/history.csv', '--no-cache']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('yaml-too-deep');
    expect(run.out + run.err).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });
});
