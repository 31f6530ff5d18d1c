/**
 * Fuzzing in the suite (issue 13, item 6): the design loader, the history reader and
 * `run`, on mutated inputs (see fuzz-cases.ts for the mutations and the oracles).
 *
 * In the suite: a fixed seed and 1,000 cases (450 loader, 350 run on a mutated design, 200
 * run on a mutated history), a few seconds. `npm run fuzz` sets FUZZ_RUNS (10,000 by
 * default) and a new seed each time (or FUZZ_SEED to replay one), prints the seed, and
 * saves each failing input under fuzz-failures/ (git-ignored).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMutation, BAD_AMOUNTS, BAD_DESIGN_NUMBERS, cliProblems, loaderProblems, mutation, runCli, saveFailure, type Mutation } from './fuzz-cases.js';

const LONG = process.env.FUZZ_RUNS !== undefined && process.env.FUZZ_RUNS !== '';
const TOTAL = LONG ? Number(process.env.FUZZ_RUNS) : 1000;
const SEED = LONG ? (process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '' ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31) : 20_261_206;
const FAILURES = resolve('fuzz-failures');
/** Deep enough to pass the YAML reader's stack (about 1,000 levels) now and then. */
const MAX_DEPTH = LONG ? 20_000 : 1_200;
const TIMEOUT = LONG ? 24 * 3600_000 : 60_000;

if (LONG) process.stderr.write(`fuzz: ${TOTAL} cases, seed ${SEED} (replay with FUZZ_SEED=${SEED}); failing inputs go to ${FAILURES}\n`);

const DESIGN = readFileSync('programs/lifecycle.yaml', 'utf8');
/** Every section and form of the format, for the loader (half the cost of lifecycle.yaml). */
const EVERY_SECTION = readFileSync('fixtures/valid/every-section.yaml', 'utf8');
/** The transition fixture's design with a dated change and a seller programme: mutations reach the version tables and the person ledger. */
const SMALL_DESIGN = readFileSync('fixtures/fuzz/design.yaml', 'utf8');
const SMALL_HISTORY = readFileSync('fixtures/transition/history.csv', 'utf8');
const HISTORY = readFileSync('fixtures/fuzz/history.csv', 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'pointsmith-fuzz-'));
/** Process warnings (a library's process.emitWarning reaches stderr raw, outside every renderer). */
const processWarnings: string[] = [];
process.on('warning', (warning) => processWarnings.push(warning.message));
let saved = 0;

/** Fails the case with its problems; in a long run, saves the input first (the first 50 failures). */
function report(problems: string[], files: Record<string, Uint8Array>, args: readonly string[], result?: Awaited<ReturnType<typeof runCli>>): void {
  if (problems.length === 0) return;
  if (LONG && saved < 50) {
    saved++;
    const where = saveFailure(FAILURES, SEED, saved, files, args, problems, result);
    process.stderr.write(`fuzz: failing input saved in ${where}\n`);
  }
  throw new Error(problems.join('; '));
}

const options = (share: number): fc.Parameters<[Mutation]> => ({ seed: SEED, numRuns: Math.max(1, Math.round(TOTAL * share)), endOnFailure: LONG });

describe('fuzz (issue 13): mutated designs and histories', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`the design loader: never throws, no internal error, a broken design never loads (${Math.round(TOTAL * 0.45)} cases, seed ${SEED})`, () => {
    fc.assert(
      fc.property(mutation(BAD_DESIGN_NUMBERS, MAX_DEPTH), (m) => {
        const { bytes, broken } = applyMutation(EVERY_SECTION, m, 'design');
        report(loaderProblems(bytes, broken), { 'design.yaml': bytes }, ['(loadProgram)']);
      }),
      options(0.45),
    );
  }, TIMEOUT);

  it(`run --format json on a mutated design: exit 0/1/2, no stack trace, a clean report (${Math.round(TOTAL * 0.35)} cases)`, async () => {
    const design = join(dir, 'design.yaml');
    const history = join(dir, 'history.csv');
    writeFileSync(history, SMALL_HISTORY);
    await fc.assert(
      fc.asyncProperty(mutation(BAD_DESIGN_NUMBERS, MAX_DEPTH), async (m) => {
        const { bytes, broken } = applyMutation(SMALL_DESIGN, m, 'design');
        writeFileSync(design, bytes);
        const args = ['run', design, '--history', history, '--format', 'json', '--no-cache', '--quiet'];
        const result = await runCli(args);
        report(cliProblems(result, broken, true), { 'design.yaml': bytes, 'history.csv': new TextEncoder().encode(SMALL_HISTORY) }, args, result);
      }),
      options(0.35),
    );
  }, TIMEOUT);

  it(`run --format json on a mutated history: exit 0/1/2, no stack trace, a bad amount never succeeds (${Math.round(TOTAL * 0.2)} cases)`, async () => {
    const design = join(dir, 'lifecycle.yaml');
    const history = join(dir, 'mutated.csv');
    writeFileSync(design, DESIGN);
    await fc.assert(
      fc.asyncProperty(mutation(BAD_AMOUNTS, MAX_DEPTH), async (m) => {
        const { bytes, broken } = applyMutation(HISTORY, m, 'history');
        writeFileSync(history, bytes);
        const args = ['run', design, '--history', history, '--format', 'json', '--no-cache', '--quiet'];
        const result = await runCli(args);
        report(cliProblems(result, broken, true), { 'design.yaml': new TextEncoder().encode(DESIGN), 'history.csv': bytes }, args, result);
      }),
      options(0.2),
    );
  }, TIMEOUT);

  it('no process warning was emitted by any case (a library printing raw to stderr)', async () => {
    await new Promise((done) => setImmediate(done));
    expect(processWarnings).toEqual([]);
  });

  it('a failing case is saved with its inputs, arguments, problems and output (what npm run fuzz keeps)', () => {
    const where = saveFailure(join(dir, 'failures'), 7, 1, { 'design.yaml': new TextEncoder().encode('x: 1\n') }, ['run', 'd.yaml'], ['exit code 3'], { code: 3, out: '', err: 'boom' });
    expect(where).toBe(join(dir, 'failures', 'seed-7-case-1'));
    expect(readFileSync(join(where, 'design.yaml'), 'utf8')).toBe('x: 1\n');
    expect(JSON.parse(readFileSync(join(where, 'case.json'), 'utf8'))).toMatchObject({ seed: 7, args: ['run', 'd.yaml'], problems: ['exit code 3'], code: 3, stderr: 'boom' });
  });

  it('the mutations do break inputs: each bad design number and each bad amount alone fails', async () => {
    for (const value of BAD_DESIGN_NUMBERS) {
      const { bytes, broken } = applyMutation(SMALL_DESIGN, { kind: 'number', nth: 0, value, broken: true }, 'design');
      expect(broken).toBe(true);
      expect(loaderProblems(bytes, true), value).toEqual([]);
    }
    const history = join(dir, 'bad-amount.csv');
    for (const value of BAD_AMOUNTS) {
      const { bytes, broken } = applyMutation(HISTORY, { kind: 'number', nth: 3, value, broken: true }, 'history');
      expect(broken, value).toBe(true);
      writeFileSync(history, bytes);
      const result = await runCli(['run', 'programs/lifecycle.yaml', '--history', history, '--no-cache', '--quiet']);
      expect(result.code, value).toBe(2);
    }
  });
});
