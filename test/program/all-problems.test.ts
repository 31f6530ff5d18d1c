/** A file's problems are all reported in one run, in document order, not just the first. */
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load.js';

describe('all problems of a file in one run', () => {
  it('reports three independent mistakes: a schema typo, a wrong type and a semantic one', () => {
    const source = [
      'pointsmith: 1', //                                                   1
      'program: { name: Three, starts: 2024-01-01 }', //                    2
      'categories:', //                                                     3
      '  awareness: {}', //                                                 4
      'activities:', //                                                     5
      '  webinar_hosted: { categroy: awareness, points: 50 }', //           6  unknown key
      '  demo_delivered: { category: awareness, points: thirty }', //      7  wrong type
      'tiers:', //                                                          8
      '  - { name: Registered, min_points: 0 }', //                         9
      '  - { name: Gold, min_points: 3000, requires: { activities: { cert_earned: 2 } } }', // 10 unknown activity
    ].join('\n');
    const { program, diagnostics } = loadProgram(source, 'three.yaml');
    expect(program).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['unknown-key', 6, 21],
      ['wrong-type', 7, 50],
      ['unknown-activity', 10, 63],
    ]);
  });

  it('reports every YAML syntax error, not only the first', () => {
    const source = 'pointsmith: 1\nprogram:\n\tname: x\nprogram: {}\ncategories:\n\tawareness: {}\n';
    const codes = loadProgram(source, 'syntax.yaml').diagnostics.map((d) => `${d.code}@${d.line}`);
    expect(codes).toEqual(['yaml-tab-indent@3', 'duplicate-key@4', 'yaml-tab-indent@6']);
  });

  it('still checks the references of the sections that passed when another section is broken', () => {
    const source = [
      'pointsmith: 1',
      'program: { name: Broken, starts: 2024-01-01 }',
      'calendar: { period: weekly }', // 3: bad enum
      'categories: { awareness: {} }',
      'activities:',
      '  webinar_hosted: { category: awarenes, points: 50 }', // 6: unknown category
      'tiers: [ { name: Registered, min_points: 0 } ]',
    ].join('\n');
    const { diagnostics } = loadProgram(source, 'broken.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-value', 'unknown-category']);
  });

  it('a misspelled required key is one problem, not also a missing key', () => {
    const source = 'pointsmith: 1\nprogram: { name: x, starts: 2024-01-01 }\ncategories: {}\nactivities: {}\ntier:\n  - { name: Registered, min_points: 0 }\n';
    const { diagnostics } = loadProgram(source, 'x.yaml');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'unknown-key', line: 5, col: 1, hint: 'did you mean `tiers`?' });
  });

  it('names every missing top-level section', () => {
    const { diagnostics } = loadProgram('pointsmith: 1\nprogram: { name: x, starts: 2024-01-01 }\n', 'x.yaml');
    expect(diagnostics.map((d) => d.message)).toEqual([
      'the program is missing the required key `categories` (a mapping (key: value lines))',
      'the program is missing the required key `activities` (a mapping (key: value lines))',
      'the program is missing the required key `tiers` (a list)',
    ]);
  });

  it('a scenario path into an activity that failed the schema is not also reported as matching nothing', () => {
    const source = [
      'pointsmith: 1',
      'program: { name: x, starts: 2024-01-01 }',
      'categories: { a: {} }',
      'activities: { w: { category: a, points: many } }',
      'tiers: [ { name: R, min_points: 0 } ]',
      'scenarios: { more: { set: { activities.w.points: 60 } } }',
    ].join('\n');
    expect(loadProgram(source, 'x.yaml').diagnostics.map((d) => d.code)).toEqual(['wrong-type']);
  });

  it('a duplicate key does not stop the other checks (the tree is intact), and the design is still refused', () => {
    const source = [
      'pointsmith: 1',
      'program: { name: x, starts: 2024-01-01 }',
      'categories: { a: {} }',
      'activities:',
      '  w: { category: a, points: 50 }',
      '  w: { category: a, points: 60 }', // 6: duplicate key
      '  v: { category: b, points: 5 }', //  7: unknown category
      'tiers: [ { name: R, min_points: 0 } ]',
    ].join('\n');
    const { program, diagnostics } = loadProgram(source, 'x.yaml');
    expect(program).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['duplicate-key', 6, 3],
      ['unknown-category', 7, 18],
    ]);
  });
});
