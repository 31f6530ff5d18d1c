/**
 * The fuzzer of issue 13 (item 6), shared by the suite (test/fuzz/fuzz.test.ts: fixed seed,
 * about 1,000 cases) and `npm run fuzz` (FUZZ_RUNS cases, a new seed each time, failing
 * inputs saved under fuzz-failures/).
 *
 * Inputs: a valid design and history mutated by byte flips, truncation, deep nesting,
 * huge or non-decimal numbers, control characters, and line deletion or duplication.
 * Oracles:
 * - exit code 0, 1 or 2 (never 3, an internal error) and no stack trace in any output;
 * - a successful `run --format json` holds no `∞`, `NaN`, `Infinity`, and no `null` where
 *   the report has a number (only the documented nullable fields may be null);
 * - an input broken by construction (a design number out of bounds or non-decimal, a
 *   history amount that is not a decimal) never claims success.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { loadProgram } from '../../src/program/load.js';

const enc = new TextEncoder();

/** Values that no design number may hold: each one alone makes a design invalid. */
export const BAD_DESIGN_NUMBERS = ['1e308', '1e400', '-1e400', '123456789012345678901234', '0x10', '0o17', '0b11', '.inf', '-.inf', '.nan', '1_000', '010'] as const;
/** Values no history amount may hold. */
export const BAD_AMOUNTS = ['0x10', '0b11', '1e400', '-1e308', '99999999999999999999', 'Infinity', 'NaN', '1_000', '--5'] as const;
/** Odd but possibly valid numbers: the replay must cope either way. */
const ODD_NUMBERS = ['0', '-0', '1e-300', '4.9e-324', '999999999999', '-999999999999', '0.000001', '1e11', '123.456789'] as const;
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u001b[2J', '\u001b]8;;x\u0007', '\r', '\r\n::error::x', '\u007f', '\u0085', '\u009b', '\u202e', '\u2028', '\ufeff', '\ud800'] as const;

export type Mutation =
  | { kind: 'flip'; flips: [number, number][] }
  | { kind: 'truncate'; at: number }
  | { kind: 'nest'; at: number; depth: number; open: '[' | '{a: ' }
  | { kind: 'number'; nth: number; value: string; broken: boolean }
  | { kind: 'control'; inserts: [number, string][] }
  | { kind: 'lines'; nth: number; op: 'delete' | 'duplicate' };

/** Mutations of a text. `maxDepth` bounds the nesting (deep nesting costs time). */
export function mutation(bad: readonly string[], maxDepth: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('nest' as const),
      at: fc.nat(),
      // Mostly shallow; one in four deep enough (past ~1,000 levels) to exhaust the YAML reader's stack.
      depth: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 64 }), weight: 3 }, { arbitrary: fc.integer({ min: Math.min(900, maxDepth), max: maxDepth }), weight: 1 }),
      open: fc.constantFrom('[' as const, '{a: ' as const),
    }),
    fc.oneof(
      fc.record({ kind: fc.constant('number' as const), nth: fc.nat(), value: fc.constantFrom(...bad), broken: fc.constant(true) }),
      fc.record({ kind: fc.constant('number' as const), nth: fc.nat(), value: fc.constantFrom(...ODD_NUMBERS), broken: fc.constant(false) }),
    ),
    fc.record({ kind: fc.constant('control' as const), inserts: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CONTROLS)), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('lines' as const), nth: fc.nat(), op: fc.constantFrom('delete' as const, 'duplicate' as const) }),
  );
}

/** Number values in a design: after `: ` and before `,`, `}` or the end of the line (dates are not matched). */
const DESIGN_NUMBER = /(?<=: )-?\d+(?:\.\d+)?(?=\s*(?:[,}\]]|$))/gm;
/** The amount cell of each unquoted data row of a history (the column named `amount` in its header). */
function amountCells(text: string): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  const column = text.slice(0, text.indexOf('\n')).split(',').indexOf('amount');
  if (column < 0) return cells;
  let offset = text.indexOf('\n') + 1;
  while (offset > 0 && offset < text.length) {
    const end = text.indexOf('\n', offset);
    const line = text.slice(offset, end < 0 ? text.length : end);
    const parts = line.split(',');
    if (parts.length > column && !line.includes('"')) {
      const start = offset + parts.slice(0, column).join(',').length + (column > 0 ? 1 : 0);
      cells.push({ start, end: start + (parts[column] ?? '').length });
    }
    offset = end < 0 ? text.length : end + 1;
  }
  return cells;
}

export interface Mutated {
  bytes: Uint8Array;
  /** True when the mutation alone makes the input invalid, so it must not succeed. */
  broken: boolean;
}

export function applyMutation(base: string, m: Mutation, target: 'design' | 'history'): Mutated {
  switch (m.kind) {
    case 'flip': {
      const bytes = enc.encode(base);
      for (const [at, xor] of m.flips) {
        const i = at % bytes.length;
        bytes[i] = (bytes[i] ?? 0) ^ xor;
      }
      return { bytes, broken: false };
    }
    case 'truncate': {
      const bytes = enc.encode(base);
      return { bytes: bytes.slice(0, m.at % (bytes.length + 1)), broken: false };
    }
    case 'nest': {
      const at = m.at % (base.length + 1);
      const close = m.open === '[' ? ']' : '}';
      return { bytes: enc.encode(base.slice(0, at) + m.open.repeat(m.depth) + '1' + close.repeat(m.depth) + base.slice(at)), broken: false };
    }
    case 'number': {
      if (target === 'design') {
        const found = [...base.matchAll(DESIGN_NUMBER)];
        const hit = found.length === 0 ? undefined : found[m.nth % found.length];
        if (hit?.index === undefined) return { bytes: enc.encode(base), broken: false };
        return { bytes: enc.encode(base.slice(0, hit.index) + m.value + base.slice(hit.index + hit[0].length)), broken: m.broken };
      }
      const cells = amountCells(base);
      const cell = cells.length === 0 ? undefined : cells[m.nth % cells.length];
      if (cell === undefined) return { bytes: enc.encode(base), broken: false };
      const bad = (BAD_AMOUNTS as readonly string[]).includes(m.value);
      return { bytes: enc.encode(base.slice(0, cell.start) + m.value + base.slice(cell.end)), broken: bad };
    }
    case 'control': {
      let text = base;
      for (const [at, c] of m.inserts) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + c + text.slice(i);
      }
      return { bytes: enc.encode(text), broken: false };
    }
    case 'lines': {
      const lines = base.split('\n');
      const i = m.nth % lines.length;
      if (m.op === 'delete') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] ?? '');
      return { bytes: enc.encode(lines.join('\n')), broken: false };
    }
  }
}

/** A stack frame as Node prints it (`    at fn (file:1:2)`). */
export const STACK_TRACE = /^\s+at .+(:\d+:\d+\)?|<anonymous>\)?)$/m;

/**
 * Fields of the run report that may be null (docs/commands/run.md): the budget without one,
 * reward capacity, and a dated change's optional dates, notice and description, and a
 * value it sets to null (`changes[]`).
 */
const NULLABLE = /(^|\.)(budget\.(amount|per|used_share|worst_year|worst_year_share)|budget\.by_year\[\]\.(amount|used_share)|capacity|capacity_per|equivalent)$|^changes\[\]\.(announced|notice_days|description|set\..+)$/;

/** Every problem of a successful JSON run report: non-finite words, nulls outside the nullable fields. */
export function reportProblems(json: string): string[] {
  const problems: string[] = [];
  if (/∞|NaN|Infinity/.test(json)) problems.push('the report holds ∞, NaN or Infinity');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [...problems, 'the report is not JSON'];
  }
  const walk = (value: unknown, path: string): void => {
    if (value === null) {
      if (!NULLABLE.test(path)) problems.push(`null at ${path}`);
      return;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`non-finite number at ${path}`);
    if (typeof value !== 'object') return;
    if (Array.isArray(value)) value.forEach((item: unknown) => walk(item, `${path}[]`));
    else for (const [key, item] of Object.entries(value)) walk(item, path === '' ? key : `${path}.${key}`);
  };
  walk(data, '');
  return problems;
}

export interface CaseResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the real entry in process on files in `dir`. */
export async function runCli(args: readonly string[]): Promise<CaseResult> {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** The oracles of one CLI case; returns the problems (empty when they hold). */
export function cliProblems(result: CaseResult, broken: boolean, json: boolean): string[] {
  const problems: string[] = [];
  if (![0, 1, 2].includes(result.code)) problems.push(`exit code ${result.code}`);
  if (STACK_TRACE.test(result.out) || STACK_TRACE.test(result.err)) problems.push('a stack trace in the output');
  if (/internal error|this is a bug in pointsmith/i.test(result.err)) problems.push('an internal error');
  if (broken && result.code === 0) problems.push('a broken input claimed success');
  if (json && result.code === 0) problems.push(...reportProblems(result.out));
  return problems;
}

/** The oracles of the design loader called directly: never throws, no internal error, broken never loads. */
export function loaderProblems(bytes: Uint8Array, broken: boolean): string[] {
  const problems: string[] = [];
  const result = loadProgram(bytes, 'fuzz.yaml');
  if (result.diagnostics.some((d) => d.code === 'internal-error')) problems.push(`internal error: ${result.diagnostics.find((d) => d.code === 'internal-error')?.message ?? ''}`);
  const failed = result.diagnostics.some((d) => d.severity === 'error');
  if (failed !== (result.program === undefined)) problems.push('a program returned with errors, or none without');
  if (broken && result.program !== undefined) problems.push('a broken design loaded');
  for (const d of result.diagnostics) {
    if (!Number.isInteger(d.line) || !Number.isInteger(d.col) || d.line < 0 || d.col < 0) problems.push(`diagnostic ${d.code} without a position`);
    if (d.message === '' || d.hint === undefined || d.hint === '') problems.push(`diagnostic ${d.code} without a message or hint`);
  }
  return problems;
}

/** Saves a failing case (long runs only): the input files, the arguments and the problems. */
export function saveFailure(root: string, seed: number, index: number, files: Record<string, Uint8Array>, args: readonly string[], problems: readonly string[], result?: CaseResult): string {
  const dir = join(root, `seed-${seed}-case-${index}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify({ seed, args, problems, code: result?.code, stdout: result?.out.slice(0, 4000), stderr: result?.err.slice(0, 4000) }, null, 2)}\n`);
  return dir;
}
