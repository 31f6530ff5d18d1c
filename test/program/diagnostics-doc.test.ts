/** docs/diagnostics.md documents every code the loader and parameter paths can produce. */
import { readdirSync, readFileSync } from 'node:fs';
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
  it('has a row for every code the loader emits', () => {
    const doc = readFileSync('docs/diagnostics.md', 'utf8');
    const files = LOADER_FILES.flatMap((path) => (path.endsWith('.ts') ? [path] : sources(path)));
    const codes = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/code: '([a-z0-9-]+)'/g)) if (match[1]) codes.add(match[1]);
      for (const match of text.matchAll(/'([a-z]+(?:-[a-z0-9]+)+)'/g)) if (match[1] && /^(unknown|yaml|scenario|set)-/.test(match[1])) codes.add(match[1]);
    }
    expect(codes.size).toBeGreaterThan(40);
    const missing = [...codes].filter((code) => !doc.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });
});
