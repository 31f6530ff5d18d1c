/** Designs that must load clean: the loader's own fixtures and the bundled samples. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load.js';

const designs = ['fixtures/valid', 'programs'].flatMap((dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => `${dir}/${f}`) : [],
);

describe('valid designs', () => {
  it('fixtures/valid holds the loader fixtures', () => {
    expect(designs.filter((d) => d.startsWith('fixtures/valid'))).toEqual(['fixtures/valid/every-section.yaml', 'fixtures/valid/minimal.yaml']);
  });
  for (const design of designs) {
    it(`${design} loads with no diagnostics`, () => {
      const result = loadProgram(readFileSync(design), design);
      expect(result.diagnostics).toEqual([]);
      expect(result.program).toBeDefined();
      expect(Object.isFrozen(result.program)).toBe(true);
    });
  }

  it('fills defaults and freezes deeply', () => {
    const { program } = loadProgram(readFileSync('fixtures/valid/minimal.yaml'), 'minimal.yaml');
    expect(program?.calendar).toEqual({ period: 'quarter', fiscal_year_start: '01-01', tier_window: 'trailing_4', tier_basis: 'earned' });
    expect(program?.program.currency).toBe('USD');
    expect(program?.promotions).toEqual([]);
    expect(program?.rewards).toEqual([]);
    expect(program?.tiers[0]).toEqual({ name: 'Registered', min_points: 0, earn_multiplier: 1, grace_periods: 0 });
    expect(Object.isFrozen(program?.tiers[0])).toBe(true);
    expect(() => {
      (program?.activities['webinar_hosted'] as { points: number }).points = 1;
    }).toThrow(TypeError);
  });

  it('accepts text with a byte order mark, and CRLF line ends', () => {
    const text = readFileSync('fixtures/valid/minimal.yaml', 'utf8');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')]);
    expect(loadProgram(bytes, 'bom.yaml').diagnostics).toEqual([]);
    expect(loadProgram(`\uFEFF${text}`, 'bom.yaml').diagnostics).toEqual([]);
  });

  it('accepts anchors, aliases and merge keys (`<<`), the later key winning', () => {
    const source = [
      'pointsmith: 1',
      'program: { name: x, starts: 2024-01-01 }',
      'categories: { a: {} }',
      'activities:',
      '  webinar: &capped { category: a, points: 50, cap: { per: period, points: 500 } }',
      '  workshop:',
      '    <<: *capped',
      '    points: 80',
      'tiers: [ { name: R, min_points: 0 } ]',
    ].join('\n');
    const { program, diagnostics } = loadProgram(source, 'anchors.yaml');
    expect(diagnostics).toEqual([]);
    expect(program?.activities['workshop']).toEqual({ category: 'a', points: 80, cap: { per: 'period', points: 500 } });
  });
});
