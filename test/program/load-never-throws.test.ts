/** The loader returns diagnostics for any input at all; it never throws and never fails internally. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProgramData, loadProgram } from '../../src/program/load.js';

function assertWellFormed(result: ReturnType<typeof loadProgram>): void {
  expect(result.diagnostics.map((d) => d.code)).not.toContain('internal-error');
  const hasError = result.diagnostics.some((d) => d.severity === 'error');
  expect(result.program === undefined).toBe(hasError);
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.col).toBeGreaterThanOrEqual(0);
    expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(d.hint, `${d.code} has a hint`).toBeTruthy();
  }
}

const sample = readFileSync('fixtures/valid/every-section.yaml', 'utf8');

describe('loadProgram never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => assertWellFormed(loadProgram(text, 'x.yaml'))), { numRuns: 300 });
  });

  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => assertWellFormed(loadProgram(bytes, 'x.yaml'))), { numRuns: 300 });
  });

  it('on a real design with a random slice cut out or a random character put in', () => {
    fc.assert(
      fc.property(fc.nat(sample.length), fc.nat(40), fc.constantFrom('', ':', '-', ' ', '\t', '{', '[', '"', '&a', '*a', '\n', '0', 'x'), (at, cut, insert) => {
        assertWellFormed(loadProgram(sample.slice(0, at) + insert + sample.slice(at + cut), 'x.yaml'));
      }),
      { numRuns: 100 },
    );
  });

  it('on arbitrary JSON-like data given to checkProgramData', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => assertWellFormed(checkProgramData(value, 'x.yaml'))), { numRuns: 300 });
  });

  it('on YAML-shaped mappings with program-like keys', () => {
    const key = fc.constantFrom('pointsmith', 'program', 'categories', 'activities', 'tiers', 'rewards', 'redemption', 'scenarios', 'name', 'points', 'category', 'min_points', '__proto__', 'x');
    const leaf = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(fc.dictionary(key, tree, { maxKeys: 6 }), (value) => assertWellFormed(checkProgramData(value, 'x.yaml'))), { numRuns: 300 });
  });
});
