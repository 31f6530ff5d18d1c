/** docs/diagnostics.md documents every code the loader and parameter paths can produce. */
import { readdirSync, readFileSync } from 'node:fs';
import { CODE_DOCS } from '../../src/diagnostics/catalogue.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const LOADER_FILES = [
  'load.ts', 'paths.ts', 'overrides.ts', 'yaml-source.ts', 'source-text.ts', 'reserved-keys.ts', 'schema-issues.ts', 'semantic',
].map((name) => join('src/program', name));

describe('docs/diagnostics.md', () => {
  it('has a heading (an anchor: #code) for every code the loader emits', () => {
    const doc = readFileSync('docs/diagnostics.md', 'utf8');
    const files = LOADER_FILES.flatMap((path) => (path.endsWith('.ts') ? [path] : sources(path)));
    const codes = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/code: '([a-z0-9-]+)'/g)) if (match[1]) codes.add(match[1]);
      for (const match of text.matchAll(/'([a-z]+(?:-[a-z0-9]+)+)'/g)) if (match[1] && /^(unknown|yaml|scenario|set)-/.test(match[1])) codes.add(match[1]);
    }
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((code) => !doc.includes(`\n### \`${code}\`\n`));
    expect(missing).toEqual([]);
  });

  it('says under each code exactly what the catalogue (SARIF rule help) says, and nothing else is catalogued', () => {
    const doc = readFileSync('docs/diagnostics.md', 'utf8');
    // ### `code` / blank / severity: meaning / blank / [- Example: ...] / - Fix: ... / [- Example fix: ...]
    const sections = [...doc.matchAll(/\n### `([a-z0-9-]+)`\n\n(error|warning): (.*)\n\n(?:- Example: (.*)\n)?- Fix: (.*)\n(?:- Example fix: (.*)\n)?/g)];
    const fromDoc = Object.fromEntries(sections.map((m) => [m[1], { severity: m[2], meaning: m[3], example: m[4] ?? '', fix: m[5], exampleFix: m[6] ?? '' }]));
    expect(fromDoc).toEqual(CODE_DOCS);
    // A heading per code, once: GitHub would otherwise suffix the second anchor (#code-1).
    const headings = [...doc.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1]);
    expect(headings.length).toBe(new Set(headings).size);
    expect(headings.length).toBe(Object.keys(CODE_DOCS).length);
    // The codes people meet most carry a concrete before → after.
    for (const code of ['unknown-key', 'wrong-type', 'missing-key', 'invalid-value', 'rate-out-of-range', 'mix-sum-not-one', 'csv-bad-date']) {
      expect(CODE_DOCS[code]?.exampleFix, code).toMatch(/^`.+` → `.+`$/);
    }
  });

  it('catalogues every code validate --history can report', () => {
    const codes = new Set<string>();
    for (const file of sources('src/history')) for (const match of readFileSync(file, 'utf8').matchAll(/'(csv-[a-z-]+)'/g)) if (match[1]) codes.add(match[1]);
    // Unusable files stop the command (exit 2) before any report: documented in docs/history.md.
    const unusable = [
      'csv-empty',
      'csv-too-many-activities',
      'csv-more-problems',
      'csv-missing-column',
      'csv-duplicate-column',
      'csv-unnamed-column',
      // The data manifest's (docs/data.md): a file in the wrong encoding, UTF-16 without a BOM, a skip rule that skips all.
      'csv-bad-encoding',
      'csv-no-bom',
      'csv-all-rows-skipped',
    ];
    const missing = [...codes].filter((code) => !unusable.includes(code) && CODE_DOCS[code] === undefined);
    expect(missing).toEqual([]);
  });
});
