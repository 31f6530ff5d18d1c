import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { renderDiagnosticsGithub } from '../../src/report/diagnostics/github.js';
import { renderDiagnosticsJson } from '../../src/report/diagnostics/json.js';
import { renderDiagnosticsJunit } from '../../src/report/diagnostics/junit.js';
import { githubMessage, githubProperty, xmlText } from '../../src/report/sanitize/index.js';
import { artifactUri, FINGERPRINT_KEY, renderDiagnosticsSarif } from '../../src/report/diagnostics/sarif.js';
import { summarize, summaryLine } from '../../src/report/diagnostics/summary.js';
import { renderDiagnosticsText } from '../../src/report/diagnostics/text.js';
import { parseXml } from './xml-check.js';

const files = ['programs/a.yaml', 'programs/b.yaml', 'programs/c.yaml'];
const diagnostics: Diagnostic[] = [
  { severity: 'error', code: 'unknown-key', message: "unknown key 'pionts'", file: 'programs/a.yaml', line: 12, col: 5, hint: "did you mean 'points'?" },
  { severity: 'warning', code: 'unreachable-tier', message: 'tier Platinum cannot be reached', file: 'programs/a.yaml', line: 40, col: 17 },
  { severity: 'error', code: 'empty-file', message: 'the file is empty', file: 'programs/b.yaml', line: 0, col: 0, hint: 'start with `pointsmith: 1`' },
];
const sarifOptions = { toolVersion: '9.9.9', informationUri: 'https://example.test/pointsmith', helpUri: 'https://example.test/diagnostics.md' };

describe('summary line', () => {
  it('counts errors and warnings and the files they are in', () => {
    // 2 errors + 1 warning, in a.yaml and b.yaml; c.yaml is clean.
    expect(summaryLine(summarize(diagnostics, files))).toBe('2 errors, 1 warning in 2 files; 1 file valid');
  });
  it('says how many files are valid when clean, with singulars', () => {
    expect(summaryLine(summarize([], files))).toBe('3 files valid');
    expect(summaryLine(summarize([], ['x.yaml']))).toBe('1 file valid');
    expect(summaryLine(summarize([diagnostics[1]!], ['programs/a.yaml']))).toBe('1 warning in 1 file');
  });
  it('treats warnings as failures only under strict', () => {
    expect(summarize([diagnostics[1]!], files).ok).toBe(true);
    expect(summarize([diagnostics[1]!], files, { strict: true }).ok).toBe(false);
  });
});

describe('text', () => {
  it('prints file:line:col, severity, code, message and the hint, grouped by file, then the summary', () => {
    const text = renderDiagnosticsText(diagnostics, files);
    expect(text).toBe(
      [
        "programs/a.yaml:12:5  error  unknown-key  unknown key 'pionts'",
        "  hint: did you mean 'points'?",
        'programs/a.yaml:40:17  warning  unreachable-tier  tier Platinum cannot be reached',
        '',
        // A whole-file problem (line 0) points at 1:1, so the line still opens in an editor.
        'programs/b.yaml:1:1  error  empty-file  the file is empty',
        '  hint: start with `pointsmith: 1`',
        '',
        '2 errors, 1 warning in 2 files; 1 file valid',
        '',
      ].join('\n'),
    );
  });
  it('has no ANSI codes with the plain style', () => {
    // eslint-disable-next-line no-control-regex
    expect(renderDiagnosticsText(diagnostics, files)).not.toMatch(/\u001b\[/);
  });
});

describe('json', () => {
  it('is one document with the DESIGN §6 keys', () => {
    const doc = JSON.parse(renderDiagnosticsJson(diagnostics, files)) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['format_version', 'files', 'diagnostics', 'summary']);
    expect(doc.format_version).toBe(1);
    expect(doc.files).toEqual(files);
    const list = doc.diagnostics as Record<string, unknown>[];
    expect(list).toHaveLength(3);
    for (const d of list) expect(Object.keys(d)).toEqual(['severity', 'code', 'message', 'file', 'line', 'col', 'hint']);
    expect(list[1]).toEqual({ severity: 'warning', code: 'unreachable-tier', message: 'tier Platinum cannot be reached', file: 'programs/a.yaml', line: 40, col: 17, hint: null });
    expect(doc.summary).toEqual({ files: 3, errors: 2, warnings: 1, ok: false });
  });
});

describe('github', () => {
  it('escapes % and the renderer\'s own line breaks in data, and also : and , in properties', () => {
    expect(githubMessage('100% done', 'next')).toBe('100%25 done%0Anext');
    expect(githubProperty('C:\\a,b%.yaml')).toBe('C%3A\\a%2Cb%25.yaml');
  });
  it('shows CR, LF and other controls from the input as visible escapes, never as a line break', () => {
    expect(githubMessage('a\r\n::error::x\u001b[2J')).toBe('a\\r\\n::error::x\\u001B[2J');
    expect(githubProperty('a\nb')).toBe('a\\nb');
  });
  it('writes one annotation per diagnostic with escaped file and message', () => {
    const odd: Diagnostic = { severity: 'error', code: 'invalid-value', message: 'share 90% is\r\nnot 1', file: 'designs/a:b,c.yaml', line: 3, col: 7, hint: 'sum to 1' };
    const out = renderDiagnosticsGithub([odd, diagnostics[1]!, diagnostics[2]!], ['designs/a:b,c.yaml', 'programs/a.yaml', 'programs/b.yaml']);
    expect(out.split('\n')).toEqual([
      '::error file=designs/a%3Ab%2Cc.yaml,line=3,col=7,title=pointsmith invalid-value::share 90%25 is\\r\\nnot 1%0Ahint: sum to 1',
      '::warning file=programs/a.yaml,line=40,col=17,title=pointsmith unreachable-tier::tier Platinum cannot be reached',
      '::error file=programs/b.yaml,title=pointsmith empty-file::the file is empty%0Ahint: start with `pointsmith: 1`',
      '2 errors, 1 warning in 3 files',
      '',
    ]);
  });
});

describe('junit', () => {
  it('is well-formed XML with one testsuite and one testcase per file', () => {
    const root = parseXml(renderDiagnosticsJunit(diagnostics, files));
    expect(root.name).toBe('testsuites');
    expect(root.children).toHaveLength(1);
    const suite = root.children[0]!;
    expect(suite.name).toBe('testsuite');
    // a.yaml and b.yaml have errors; c.yaml passes.
    expect(suite.attrs).toMatchObject({ tests: '3', failures: '2', errors: '0' });
    expect(suite.children.map((c) => c.attrs.name)).toEqual(files);
    const [a, b, c] = suite.children;
    expect(a!.children.map((x) => x.name)).toEqual(['failure', 'system-out']);
    expect(a!.children[0]!.attrs.type).toBe('unknown-key');
    expect(a!.children[0]!.text).toContain("programs/a.yaml:12:5  error  unknown-key  unknown key 'pionts'");
    expect(a!.children[1]!.text).toContain('unreachable-tier');
    expect(b!.children[0]!.attrs.message).toBe('programs/b.yaml:1:1: the file is empty');
    expect(c!.children).toEqual([]);
  });
  it('escapes markup, shows controls as escapes and replaces characters XML cannot hold', () => {
    expect(xmlText(`<a href="x">&'\u0001\uFFFF`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\\u0001\uFFFD');
    const nasty: Diagnostic = { severity: 'error', code: 'x&y', message: 'expected <number> & "text" \'here\'\u0007\nsecond line', file: 'a&b<c>.yaml', line: 1, col: 1 };
    const root = parseXml(renderDiagnosticsJunit([nasty], ['a&b<c>.yaml']));
    const testcase = root.children[0]!.children[0]!;
    expect(testcase.attrs.name).toBe('a&b<c>.yaml');
    expect(testcase.children[0]!.attrs.type).toBe('x&y');
    // The newline from the input is shown as an escape; the message is one line.
    expect(testcase.children[0]!.attrs.message).toBe('a&b<c>.yaml:1:1: expected <number> & "text" \'here\'\\u0007\\nsecond line');
  });
  it('counts a warning as a failure under strict', () => {
    const root = parseXml(renderDiagnosticsJunit([diagnostics[1]!], ['programs/a.yaml'], { strict: true }));
    expect(root.attrs.failures).toBe('1');
    expect(root.children[0]!.children[0]!.children[0]!.name).toBe('failure');
  });
});

describe('sarif', () => {
  it('is SARIF 2.1.0 with rules, levels and regions', () => {
    const log = JSON.parse(renderDiagnosticsSarif(diagnostics, files, sarifOptions)) as {
      $schema: string;
      version: string;
      runs: { tool: { driver: Record<string, unknown> & { rules: { id: string; shortDescription: { text: string } }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'pointsmith', version: '9.9.9', informationUri: 'https://example.test/pointsmith' });
    // Rules are the distinct codes, sorted, each with the doc's words and a link to its heading.
    expect(run.tool.driver.rules.map((r) => [r.id, r.shortDescription.text])).toEqual([
      ['empty-file', 'Empty file'],
      ['unknown-key', 'Unknown key'],
      ['unreachable-tier', 'Unreachable tier'],
    ]);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'empty-file',
      shortDescription: { text: 'Empty file' },
      fullDescription: { text: 'Nothing but blanks and comments.' },
      helpUri: 'https://example.test/diagnostics.md#empty-file',
      help: {
        text:
          'Nothing but blanks and comments.\n\nExample: `the file is empty (no YAML content, only blanks or comments)`\n\n' +
          'How to fix: Start from `pointsmith init` or a sample in `programs/`.\n\nhttps://example.test/diagnostics.md#empty-file',
        markdown:
          '**`empty-file`** (error)\n\nNothing but blanks and comments.\n\n**Example:** `the file is empty (no YAML content, only blanks or comments)`\n\n' +
          '**How to fix:** Start from `pointsmith init` or a sample in `programs/`.\n\n[empty-file in docs/diagnostics.md](https://example.test/diagnostics.md#empty-file)',
      },
      defaultConfiguration: { level: 'error' },
    });
    // A code with a concrete before → after carries it in both forms of its help.
    const unknownKey = run.tool.driver.rules[1] as unknown as { help: { text: string; markdown: string } };
    expect(unknownKey.help.text).toContain('\n\nExample fix: `webinar_hosted: { categroy: awareness, points: 50 }` → `webinar_hosted: { category: awareness, points: 50 }`\n\n');
    expect(unknownKey.help.markdown).toContain('\n\n**Example fix:** `webinar_hosted: { categroy: awareness, points: 50 }` → `webinar_hosted: { category: awareness, points: 50 }`\n\n');
    expect(run.results.map(({ partialFingerprints, ...rest }) => rest)).toEqual([
      {
        ruleId: 'unknown-key',
        ruleIndex: 1,
        level: 'error',
        message: { text: "unknown key 'pionts' (hint: did you mean 'points'?)" },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'programs/a.yaml' }, region: { startLine: 12, startColumn: 5 } } }],
      },
      {
        ruleId: 'unreachable-tier',
        ruleIndex: 2,
        level: 'warning',
        message: { text: 'tier Platinum cannot be reached' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'programs/a.yaml' }, region: { startLine: 40, startColumn: 17 } } }],
      },
      {
        ruleId: 'empty-file',
        ruleIndex: 0,
        level: 'error',
        message: { text: 'the file is empty (hint: start with `pointsmith: 1`)' },
        // line 0: the whole file, so no region.
        locations: [{ physicalLocation: { artifactLocation: { uri: 'programs/b.yaml' } } }],
      },
    ]);
  });
  it('fingerprints a finding by code, file and line content, not by line number', () => {
    type Log = { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    const print = (list: Diagnostic[], lines: Record<number, string>) =>
      (JSON.parse(renderDiagnosticsSarif(list, files, { ...sarifOptions, lineText: (_f, line) => lines[line] })) as Log).runs[0]!.results.map(
        (r) => r.partialFingerprints[FINGERPRINT_KEY],
      );
    const at = (line: number): Diagnostic => ({ ...diagnostics[0]!, line });
    const [before] = print([at(12)], { 12: '    pionts: 50' });
    // Three lines added above: the finding moves to line 15, same content, same fingerprint.
    const [after] = print([at(15)], { 15: '    pionts: 50' });
    expect(before).toMatch(/^[0-9a-f]{32}:1$/);
    expect(after).toBe(before);
    // Re-indented (the mapping moved one level), still the same finding.
    expect(print([at(20)], { 20: '      pionts: 50' })[0]).toBe(before);
    // Another value on the line is another finding.
    expect(print([at(12)], { 12: '    pionts: 60' })[0]).not.toBe(before);
    // Two identical lines: the same hash, told apart by their order (:1, :2), as GitHub's own line hashes are.
    const twice = print([at(12), at(30)], { 12: '    pionts: 50', 30: '    pionts: 50' });
    expect(twice[0]).toBe(before);
    expect(twice[1]).toBe(before!.replace(/:1$/, ':2'));
  });
  it('fingerprints a history row by its message without the row number, and a whole-file problem by its message', () => {
    type Log = { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    const row = (n: number): Diagnostic => ({ severity: 'error', code: 'csv-unknown-activity', message: `row ${n}: activity \`webinar_hostd\` is not in the design`, file: 'h.csv', line: n + 1, col: 3 });
    const print = (d: Diagnostic) => (JSON.parse(renderDiagnosticsSarif([d], ['h.csv'], sarifOptions)) as Log).runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY];
    expect(print(row(7))).toBe(print(row(9)));
    expect(print(diagnostics[2]!)).toMatch(/^[0-9a-f]{32}:1$/);
  });
  it('writes artifact URIs with forward slashes and percent-encoding', () => {
    expect(artifactUri('my designs\\q1 plan.yaml')).toBe('my%20designs/q1%20plan.yaml');
    expect(artifactUri('/tmp/a b.yaml')).toBe('file:///tmp/a%20b.yaml');
  });
  it('has an empty results list and no rules when clean', () => {
    const log = JSON.parse(renderDiagnosticsSarif([], files, sarifOptions)) as { runs: { results: unknown[]; tool: { driver: { rules: unknown[] } } }[] };
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules).toEqual([]);
  });
});
