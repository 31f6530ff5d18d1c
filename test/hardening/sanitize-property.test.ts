/**
 * The sanitising layer, end to end: random strings made of controls, bidi marks, ANSI /
 * OSC-8 sequences, workflow-command prefixes and Markdown / HTML syntax go into the
 * program name, an activity id, a tier name, a partner id and name and a history value,
 * and every command × format runs on them (in-process, no colour). Every output must
 * hold no raw control or bidi character, no line starting `::` but the github format's
 * own annotations, exit 0, 1 or 2, and show the program and partner names so that they
 * decode back to the input.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeMarkdown, decodeVisible } from '../../src/report/sanitize/index.js';
import { OWN_GITHUB_LINE, RAW_UNSAFE, invocations, invoke, writeInputs, type Hostile } from './hostile-inputs.js';

const PIECES = [
  '\r', '\n', '\r\n', '\t', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u200f', '\u2028',
  '\u001b[31m', '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007', '\u001b[2J', '::error::pwned', '::warning file=x::',
  '[x](javascript:alert(1))', '*', '_', '#', '|', '`', '<b>', '&amp;', '%0A', ':', ',', '"', "'", '\\', '\\u0041', '=', '-',
  'a', 'Z', 'é', ' ', '0',
];
const hostileText = (prefix: string): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => `${prefix}${parts.join('')}z`);
// (A letter at each end: the CSV readers trim a field's surrounding white space, which is theirs to do.)

const hostile: fc.Arbitrary<Hostile> = fc.record({
  program: hostileText('N'),
  activity: hostileText('k'),
  tier: hostileText('T'),
  partnerId: hostileText('P'),
  partnerName: hostileText('M'),
  badActivity: hostileText('v'),
});

const root = mkdtempSync(join(tmpdir(), 'pointsmith-sanitize-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const decodeHtml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Where the program name must be visible, and how to read it back. */
const SHOWS_PROGRAM: Readonly<Record<string, (out: string) => string>> = {
  'run table': decodeVisible,
  'run markdown': (out) => decodeVisible(decodeMarkdown(out)),
  'transition html': (out) => decodeVisible(decodeHtml(out)),
  'simulate table': decodeVisible,
};

describe('sanitising layer: every command × format on hostile strings', () => {
  let n = 0;
  it('no raw control byte, no foreign `::` line, exit 0/1/2, names round-trip', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (h) => {
        const dir = join(root, String(n++));
        writeInputs(dir, h);
        for (const inv of invocations(dir, h)) {
          const { code, out, err } = await invoke(inv.args);
          const what = `${inv.args.join(' ')}\n--- stdout\n${out}\n--- stderr\n${err}`;
          expect([0, 1, 2], what).toContain(code);
          expect(out, what).not.toMatch(RAW_UNSAFE);
          expect(err, what).not.toMatch(RAW_UNSAFE);
          expect(err, what).not.toContain('    at ');
          for (const line of err.split('\n')) expect(line.startsWith('::'), what).toBe(false);
          for (const line of out.split('\n')) {
            if (!line.startsWith('::')) continue;
            expect(inv.format, what).toBe('github');
            expect(line, what).toMatch(OWN_GITHUB_LINE);
          }
          const decode = SHOWS_PROGRAM[`${inv.command} ${inv.format}`];
          if (code === 0 && decode !== undefined) expect(decode(out), what).toContain(h.program);
          if (code === 0 && inv.format === 'json' && inv.command === 'run') expect((JSON.parse(out) as { program: { name: string } }).program.name).toBe(h.program);
          if (code === 0 && inv.command === 'explain') {
            if (inv.format === 'json') expect(out, what).toContain(JSON.stringify(h.partnerName).slice(1, -1).replace(/[\u007f-\u009f\u202e\u2066\u200f\u2028]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
            if (inv.format === 'table') expect(decodeVisible(out), what).toContain(h.partnerName);
          }
        }
      }),
      { seed: 20261124, numRuns: 6 },
    );
  }, 120_000);
});
