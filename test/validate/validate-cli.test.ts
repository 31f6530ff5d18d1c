import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { CLEAN, TYPO, UNREACHABLE, removeTempTrees, tempTree } from './design-files.js';
import { parseXml } from '../report-diagnostics/xml-check.js';

const STACK = /\n\s+at /;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

async function run(args: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo(options);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('pointsmith validate', () => {
  afterAll(removeTempTrees);

  it('passes the bundled samples in programs/ with exit 0', async () => {
    const r = await run(['validate', 'programs/']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('6 files valid\n');
    expect(r.err).toBe('');
  });

  it('reports an invalid design with file:line:col on stdout and exits 1', async () => {
    const cwd = tempTree({ 'typo.yaml': TYPO });
    const r = await run(['validate', 'typo.yaml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^typo\.yaml:5:21 {2}error {2}unknown-key {2}unknown key `pionts`/m);
    expect(r.out).toContain('did you mean `points`?');
    expect(r.out).toMatch(/1 error in 1 file\n$/);
    expect(r.out + r.err).not.toMatch(STACK);
  });

  it('checks every file of every folder, recursively and sorted, in one run', async () => {
    const cwd = tempTree({ 'designs/b.yaml': TYPO, 'designs/a.yml': CLEAN, 'designs/nested/c.yaml': CLEAN, 'designs/notes.txt': 'not a design', 'designs/.hidden/d.yaml': TYPO });
    const r = await run(['validate', 'designs', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { files: string[] };
    expect(doc.files).toEqual([join('designs', 'a.yml'), join('designs', 'b.yaml'), join('designs', 'nested', 'c.yaml')]);
  });

  it('exits 2 with one line and no stack trace for a missing file', async () => {
    const r = await run(['validate', 'programs/nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe('error: cannot read programs/nope.yaml: no such file or folder');
    expect(r.err).not.toMatch(STACK);
  });

  it('exits 2 before reporting anything when one of several inputs is missing', async () => {
    const r = await run(['validate', 'programs/', 'missing.yaml']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('missing.yaml');
  });

  it('exits 2 for a folder with no YAML in it', async () => {
    const cwd = tempTree({ 'empty/readme.txt': 'nothing here' });
    const r = await run(['validate', 'empty'], { cwd });
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: no .yaml or .yml files in folder empty');
    expect(r.err).not.toMatch(STACK);
  });

  it('passes a warning with exit 0, and fails it with --strict (exit 1)', async () => {
    const cwd = tempTree({ 'capped.yaml': UNREACHABLE });
    const lax = await run(['validate', 'capped.yaml'], { cwd });
    expect(lax.code).toBe(0);
    expect(lax.out).toMatch(/^capped\.yaml:\d+:\d+ {2}warning {2}unreachable-tier/m);
    expect(lax.out).toMatch(/1 warning in 1 file\n$/);
    const strict = await run(['validate', 'capped.yaml', '--strict'], { cwd });
    expect(strict.code).toBe(1);
  });

  it('prints exactly one JSON document for --format json, with the §6 keys', async () => {
    const cwd = tempTree({ 'typo.yaml': TYPO, 'clean.yaml': CLEAN });
    const r = await run(['validate', 'clean.yaml', 'typo.yaml', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    // JSON.parse of the whole of stdout fails if anything follows the document.
    const doc = JSON.parse(r.out) as { files: string[]; diagnostics: Record<string, unknown>[]; summary: Record<string, unknown> };
    expect(r.out.endsWith('}\n')).toBe(true);
    expect(doc.files).toEqual(['clean.yaml', 'typo.yaml']);
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'unknown-key', file: 'typo.yaml', line: 5, col: 21, hint: expect.stringContaining('points') }),
    ]);
    expect(doc.summary).toEqual({ files: 2, errors: 1, warnings: 0, ok: false });
  });

  it('writes well-formed github, junit and sarif reports', async () => {
    const cwd = tempTree({ 'typo.yaml': TYPO, 'clean.yaml': CLEAN });
    const github = await run(['validate', '.', '--format', 'github'], { cwd });
    expect(github.code).toBe(1);
    expect(github.out).toMatch(/^::error file=typo\.yaml,line=5,col=21,title=pointsmith unknown-key::unknown key `pionts`/m);
    const junit = await run(['validate', '.', '--format', 'junit'], { cwd });
    const suite = parseXml(junit.out).children[0]!;
    expect(suite.children.map((c) => [c.attrs.name, c.children.map((x) => x.name)])).toEqual([
      ['clean.yaml', []],
      ['typo.yaml', ['failure']],
    ]);
    const sarif = JSON.parse((await run(['validate', '.', '--format', 'sarif'], { cwd })).out) as { runs: { results: { ruleId: string; locations: unknown[] }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['unknown-key']);
    expect(sarif.runs[0]!.results[0]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'typo.yaml' }, region: { startLine: 5, startColumn: 21 } } }]);
  });

  it('refuses to overwrite --out without --force, and replaces it with --force', async () => {
    const cwd = tempTree({ 'clean.yaml': CLEAN, 'report.json': 'keep me' });
    const refused = await run(['validate', 'clean.yaml', '--format', 'json', '--out', 'report.json'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('already exists');
    expect(readFileSync(join(cwd, 'report.json'), 'utf8')).toBe('keep me');
    const forced = await run(['validate', 'clean.yaml', '--format', 'json', '--out', 'report.json', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(forced.out).toBe('');
    expect(JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8'))).toMatchObject({ files: ['clean.yaml'] });
  });

  it('colours only on a TTY without NO_COLOR or --no-color', async () => {
    const cwd = tempTree({ 'typo.yaml': TYPO });
    expect((await run(['validate', 'typo.yaml'], { cwd, tty: true })).out).toMatch(ANSI);
    expect((await run(['validate', 'typo.yaml'], { cwd, tty: false })).out).not.toMatch(ANSI);
    expect((await run(['validate', 'typo.yaml'], { cwd, tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(ANSI);
    expect((await run(['validate', 'typo.yaml', '--no-color'], { cwd, tty: true })).out).not.toMatch(ANSI);
    // Machine formats never carry colour, even on a TTY.
    expect((await run(['validate', 'typo.yaml', '--format', 'github'], { cwd, tty: true })).out).not.toMatch(ANSI);
  });

  it('validates a file named explicitly whatever its extension', async () => {
    const cwd = tempTree({ 'design.txt': CLEAN });
    const r = await run(['validate', 'design.txt'], { cwd });
    expect(r.code).toBe(0);
    expect(r.out).toBe('1 file valid\n');
  });

  it('exits 2 on an unknown --format, naming the choices', async () => {
    const r = await run(['validate', 'programs/', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/text, json, github, junit, sarif/);
  });

  it('exits 2 without a path', async () => {
    const r = await run(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("missing required argument 'paths'");
  });

  it('shows examples in --help', async () => {
    const r = await run(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Examples:');
    expect(r.out).toContain('$ pointsmith validate programs/ --format github');
  });

  it('gives the same bytes on every run', async () => {
    const cwd = tempTree({ 'typo.yaml': TYPO, 'capped.yaml': UNREACHABLE, 'clean.yaml': CLEAN });
    mkdirSync(join(cwd, 'more'));
    writeFileSync(join(cwd, 'more', 'z.yaml'), TYPO);
    const first = await run(['validate', '.', '--format', 'sarif'], { cwd });
    const second = await run(['validate', '.', '--format', 'sarif'], { cwd });
    expect(second.out).toBe(first.out);
  });
});

describe('pointsmith validate --history', () => {
  afterAll(removeTempTrees);

  it('reports every bad row of the history against the design, each at its line and column', async () => {
    const r = await run(['validate', 'fixtures/history/design.yaml', '--history', 'fixtures/history/bad-rows.csv']);
    expect(r.code).toBe(1);
    // bad-rows.csv: line 1 is the header, so row N is line N+1; columns are partner_id(1), date(2), activity(3), quantity(4), amount(5).
    const lines = r.out.split('\n').filter((l) => l.startsWith('fixtures/'));
    expect(lines.map((l) => l.split('  ').slice(0, 3).join(' '))).toEqual([
      'fixtures/history/bad-rows.csv:3:2 error csv-impossible-date', // 2024-02-30
      'fixtures/history/bad-rows.csv:4:3 warning csv-unscored-activity', // deal_closd: not scored, not an error
      'fixtures/history/bad-rows.csv:5:4 error csv-negative-quantity', // -1
      'fixtures/history/bad-rows.csv:6:5 error csv-bad-amount', // 5k
      'fixtures/history/bad-rows.csv:7:1 error csv-empty-partner', // empty partner_id
      'fixtures/history/bad-rows.csv:8:2 error csv-bad-date', // 24-1-9
    ]);
    expect(r.out).toContain('activity `deal_closd` is not in the design: 1 row(s) not scored, the first is row 3\n  hint: did you mean `deal_closed`?');
    // The design is clean: 5 errors and 1 warning in the history, one file valid.
    expect(r.out).toMatch(/5 errors, 1 warning in 1 file; 1 file valid\n$/);
  });

  it('passes a clean history (exit 0) and lists it among the files', async () => {
    const r = await run(['validate', 'fixtures/history/design.yaml', '--history', 'fixtures/history/good.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { files: string[] }).files).toEqual(['fixtures/history/design.yaml', 'fixtures/history/good.csv']);
  });

  it('reads renamed columns with --column', async () => {
    const cwd = tempTree({
      'design.yaml': CLEAN,
      'crm.csv': 'Account ID,date,activity\nA1,2024-02-01,deal_closed\nA2,2024-02-02,deal_close\n',
    });
    const r = await run(['validate', 'design.yaml', '--history', 'crm.csv', '--column', 'partner_id=Account ID'], { cwd });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^crm\.csv:3:3 {2}warning {2}csv-unscored-activity {2}activity `deal_close` is not in the design/m);
    // --strict: the warning fails the validation.
    expect((await run(['validate', 'design.yaml', '--history', 'crm.csv', '--column', 'partner_id=Account ID', '--strict'], { cwd })).code).toBe(1);
  });

  it('does not judge the history when the design has errors, and says so', async () => {
    const cwd = tempTree({ 'typo.yaml': TYPO, 'h.csv': 'partner_id,date,activity\nP1,2024-01-01,x\n' });
    const r = await run(['validate', 'typo.yaml', '--history', 'h.csv', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { files: string[] }).files).toEqual(['typo.yaml']);
    expect(r.err).toContain('note: h.csv was not checked: the design has errors');
  });

  it.each([
    ['two designs', ['programs/', '--history', 'fixtures/history/good.csv'], '--history checks a history against one design, but 6 design files were given'],
    ['a missing history', ['fixtures/history/design.yaml', '--history', 'nope.csv'], 'cannot read nope.csv: no such file or folder'],
    ['a folder as the history', ['fixtures/history/design.yaml', '--history', 'fixtures/history'], 'cannot read fixtures/history: it is a folder, not a history file'],
    ['--column without --history', ['fixtures/history/design.yaml', '--column', 'partner_id=Account'], '--column only applies with --history'],
    ['a malformed --column', ['fixtures/history/design.yaml', '--history', 'fixtures/history/good.csv', '--column', 'partner_id'], '--column partner_id: expected NAME=HEADER'],
  ])('exits 2 with one line for %s', async (_what, args, message) => {
    const r = await run(['validate', ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`error: ${message}`);
    expect(r.err).not.toMatch(STACK);
  });

  it('exits 2 for an unusable history (an empty file), printing its diagnostic', async () => {
    const r = await run(['validate', 'fixtures/history/design.yaml', '--history', 'fixtures/history/bad/empty.csv']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^fixtures\/history\/bad\/empty\.csv/);
    expect(r.err).not.toMatch(STACK);
  });
});
