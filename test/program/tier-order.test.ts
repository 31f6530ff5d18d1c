/** Tier thresholds ascend on the base list, in every region that overrides them, and on every track. */
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load.js';

function codes(tierLines: string[], extra: string[] = []): string[] {
  const source = [
    'pointsmith: 1',
    'program: { name: x, starts: 2024-01-01 }',
    'categories: { a: {} }',
    'activities: { w: { category: a, points: 1 } }',
    'tiers:',
    ...tierLines,
    ...extra,
  ].join('\n');
  return loadProgram(source, 'x.yaml').diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`);
}

const base = ['  - { name: R, min_points: 0 }', '  - { name: Silver, min_points: 1000 }'];

describe('tier order', () => {
  it('equal thresholds are not ascending', () => {
    expect(codes([...base, '  - { name: Gold, min_points: 1000 }'])).toEqual(['tiers-not-ascending@8:31']);
  });

  it('a regional threshold may be lower than the base one, as long as the order holds in that region', () => {
    expect(codes([...base, '  - { name: Gold, min_points: 3000, min_points_by: { region: { apac: 2500 } } }'])).toEqual([]);
    // apac: Silver 1000, Gold 900 → Gold is easier than Silver there
    expect(codes([...base, '  - { name: Gold, min_points: 3000, min_points_by: { region: { apac: 900 } } }'])).toEqual(['tiers-not-ascending@8:70']);
  });

  it('a regional threshold on a lower tier can overtake the tier above it', () => {
    // emea: Silver 3500 (its own), Gold 3000 (base) → reported at Silver's emea threshold
    expect(codes(['  - { name: R, min_points: 0 }', '  - { name: Silver, min_points: 1000, min_points_by: { region: { emea: 3500 } } }', '  - { name: Gold, min_points: 3000 }'])).toEqual([
      'tiers-not-ascending@7:72',
    ]);
  });

  it('each track keeps the order (unlisted tiers keep their base threshold)', () => {
    const tiers = [...base, '  - { name: Gold, min_points: 3000 }'];
    expect(codes(tiers, ['tracks: { list: { msp: { min_points: { Gold: 2000 } } } }'])).toEqual([]);
    expect(codes(tiers, ['tracks: { list: { msp: { min_points: { Gold: 800 } } } }'])).toEqual(['tiers-not-ascending@9:46']);
  });

  it('the variants are not checked while the base order is wrong (one mistake, one diagnostic)', () => {
    expect(codes(['  - { name: R, min_points: 0 }', '  - { name: Gold, min_points: 3000 }', '  - { name: Silver, min_points: 1000, min_points_by: { region: { apac: 500 } } }'])).toEqual([
      'tiers-not-ascending@8:33',
    ]);
  });
});
