/**
 * `validate --format sarif` as GitHub code scanning reads it: valid against the SARIF
 * 2.1.0 schema (the copy Microsoft's SARIF SDK ships, checked with ajv), with the fields
 * GitHub requires of rules and results, links that land on a heading of
 * docs/diagnostics.md, and fingerprints that do not move when lines are added above.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { CLEAN, TYPO, UNREACHABLE, removeTempTrees, tempTree } from './design-files.js';

interface Rule {
  id: string;
  shortDescription?: { text?: string };
  fullDescription?: { text?: string };
  help?: { text?: string; markdown?: string };
  helpUri?: string;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  message: { text?: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } } }[];
  partialFingerprints?: Record<string, string>;
}
interface Log {
  runs: { tool: { driver: { name: string; rules: Rule[] } }; results: Result[] }[];
}

// The package has no `exports` for its schema file: find it beside its package.json.
const require = createRequire(import.meta.url);
const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
// unicodeRegExp off: the schema's `language` pattern has a stray `]`, an error under the
// `u` flag but an ordinary character in the ECMAScript regexps the schema was written for.
// Both are CommonJS with `exports.default`: under NodeNext the default import is the module.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

async function sarif(args: string[], cwd?: string): Promise<{ code: number; log: Log; out: string }> {
  const io = memoryIo(cwd === undefined ? {} : { cwd });
  const code = await main(['validate', ...args, '--format', 'sarif'], io);
  return { code, out: io.out(), log: JSON.parse(io.out()) as Log };
}

/** Unknown key, an unreachable tier (warning) and a bad history: every kind of finding validate reports. */
async function everyKind(): Promise<{ code: number; log: Log; out: string }[]> {
  const cwd = tempTree({ 'typo.yaml': TYPO, 'capped.yaml': UNREACHABLE, 'clean.yaml': CLEAN });
  return [await sarif(['.'], cwd), await sarif(['fixtures/history/design.yaml', '--history', 'fixtures/history/bad-rows.csv'])];
}

describe('validate --format sarif for GitHub code scanning', () => {
  afterAll(removeTempTrees);

  it('is valid SARIF 2.1.0 (schema check with ajv), and exits as the text format does', async () => {
    const runs = await everyKind();
    for (const { code, log } of runs) {
      expect(code).toBe(1);
      const ok = validateSarif(log);
      expect(validateSarif.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    }
    // The schema check is not vacuous: a result without its message fails it.
    const broken = structuredClone(runs[0]!.log);
    delete (broken.runs[0]!.results[0] as Partial<Result>).message;
    expect(validateSarif(broken)).toBe(false);
  });

  it('gives every rule and result the fields GitHub requires', async () => {
    const doc = readFileSync('docs/diagnostics.md', 'utf8');
    for (const { log } of await everyKind()) {
      const run = log.runs[0]!;
      expect(run.tool.driver.name).toBe('pointsmith');
      for (const rule of run.tool.driver.rules) {
        expect(rule.shortDescription?.text, rule.id).toBeTruthy();
        expect(rule.fullDescription?.text, rule.id).toBeTruthy();
        expect(rule.help?.text, rule.id).toMatch(/How to fix: /);
        expect(rule.help?.markdown, rule.id).toMatch(/\*\*How to fix:\*\* /);
        // The link lands on the code's own heading (GitHub's anchor of "### `code`" is #code).
        expect(rule.helpUri).toMatch(new RegExp(`^https://\\S+/docs/diagnostics\\.md#${rule.id}$`));
        expect(doc).toContain(`\n### \`${rule.id}\`\n`);
      }
      for (const result of run.results) {
        expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
        expect(result.message.text).toBeTruthy();
        expect(result.locations).toHaveLength(1);
        const { artifactLocation, region } = result.locations[0]!.physicalLocation;
        // Relative to the checkout, so GitHub places the alert on the file in the repository.
        expect(artifactLocation.uri).not.toMatch(/^[a-z]+:/);
        if (region) expect(region.startLine).toBeGreaterThanOrEqual(1);
        expect(Object.values(result.partialFingerprints ?? {})).toEqual([expect.stringMatching(/^[0-9a-f]{32}:\d+$/)]);
      }
    }
  });

  it('keeps each fingerprint when lines are added above the findings', async () => {
    const before = await sarif(['typo.yaml', 'capped.yaml'], tempTree({ 'typo.yaml': TYPO, 'capped.yaml': UNREACHABLE }));
    const shifted = (text: string) => text.replace('pointsmith: 1\n', 'pointsmith: 1\n# a comment\n# and another, added in a later commit\n');
    const after = await sarif(['typo.yaml', 'capped.yaml'], tempTree({ 'typo.yaml': shifted(TYPO), 'capped.yaml': shifted(UNREACHABLE) }));
    const where = (log: Log) => log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region?.startLine);
    const prints = (log: Log) => log.runs[0]!.results.map((r) => r.partialFingerprints);
    // TYPO's unknown key is on line 5 (TYPO in design-files.ts), two lines lower after the edit.
    expect(where(before.log)).toContain(5);
    expect(where(after.log)).toContain(7);
    expect(prints(after.log)).toEqual(prints(before.log));
    expect(new Set(prints(before.log).map((p) => JSON.stringify(p))).size).toBe(before.log.runs[0]!.results.length);
  });
});
