/** Small designs written into a temporary folder, for the CLI tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CLEAN = `pointsmith: 1
program: { name: Tiny, starts: 2024-01-01 }
categories: { sell: {} }
activities:
  deal_closed: { category: sell, points: 10 }
tiers:
  - { name: Registered, min_points: 0 }
  - { name: Gold, min_points: 100 }
`;

/** An unknown key `pionts` on line 5, column 21 (`  x: { category: a, ` is 20 characters). */
export const TYPO = `pointsmith: 1
program: { name: Typo, starts: 2024-01-01 }
categories: { a: {} }
activities:
  x: { category: a, pionts: 3 }
tiers:
  - { name: Registered, min_points: 0 }
`;

/** Gold needs 1,000 points, but \`x\` is capped at 100 a quarter: 400 in a trailing_4 window. */
export const UNREACHABLE = `pointsmith: 1
program: { name: Capped, starts: 2024-01-01 }
categories: { a: {} }
activities:
  x: { category: a, points: 10, cap: { per: period, points: 100 } }
tiers:
  - { name: Registered, min_points: 0 }
  - { name: Gold, min_points: 1000 }
`;

const made: string[] = [];

export function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pointsmith-validate-'));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}

/** For afterAll: remove every folder tempTree made. */
export function removeTempTrees(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}
