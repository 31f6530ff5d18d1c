/** The most points one tier window can hold, worked out by hand from the caps. */
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load.js';
import { maxPointsPerWindow, periodsInWindow } from '../../src/program/reachability.js';

function design(lines: string[]): string {
  return ['pointsmith: 1', 'program: { name: R, starts: 2024-01-01, ends: 2025-12-31 }', ...lines].join('\n');
}

describe('maxPointsPerWindow', () => {
  it('adds per-period caps × periods, per-window caps, step tops and category caps', () => {
    const { program, diagnostics } = loadProgram(
      design([
        'calendar: { period: quarter, tier_window: trailing_4 }',
        'categories: { awareness: { max_points: 2000 }, skilling: {}, decision: { max_points: 10000 } }',
        'activities:',
        '  webinar: { category: awareness, points: 50, cap: { per: period, points: 600 } }',
        '  blog: { category: awareness, points: 5 }',
        '  cert: { category: skilling, points: 40, cap: { per: period, points: 200 } }',
        '  course: { category: skilling, steps: [ { at: 1, points: 4 }, { at: 3, points: 10 } ] }',
        '  deal: { category: decision, points: 100, cap: { per: window, points: 1500 } }',
        '  referral: { category: decision, points: 0 }',
        'tiers: [ { name: Registered, min_points: 0 } ]',
      ]),
      'r.yaml',
    );
    expect(diagnostics).toEqual([]);
    if (!program) throw new Error('unreachable');
    const bound = maxPointsPerWindow(program);
    // awareness: blog is uncapped, so only the category cap bounds it: 2000
    // skilling: cert 200 × 4 quarters = 800, course's top step 10 → 810 (no category cap)
    // decision: deal 1500 per window + referral 0 = 1500, under the category's 10000
    // total 2000 + 810 + 1500 = 4310
    expect(bound.maxPoints).toBe(4310);
    expect(bound.periods).toBe(4);
    expect(bound.binding).toEqual([
      'category `awareness` max_points 2000',
      'category `decision`: `deal` cap 1500 per window, `referral` scores 0 points',
      'category `skilling`: `cert` cap 200 per period × 4 = 800, `course` steps top out at 10',
    ]);
  });

  it('step points pass through the highest accelerator', () => {
    const { program } = loadProgram(
      design([
        'categories: { s: {} }',
        'activities: { course: { category: s, steps: [ { at: 1, points: 4 }, { at: 3, points: 10 } ] } }',
        'tiers: [ { name: R, min_points: 0 }, { name: Gold, min_points: 5, earn_multiplier: 1.5 } ]',
      ]),
      'r.yaml',
    );
    // top step 10 × the Gold accelerator 1.5 = 15
    expect(program && maxPointsPerWindow(program).maxPoints).toBe(15);
  });

  it('is unbounded when a category has an uncapped activity and no max_points', () => {
    const { program } = loadProgram(
      design(['categories: { a: {} }', 'activities: { w: { category: a, points: 1 } }', 'tiers: [ { name: R, min_points: 0 } ]']),
      'r.yaml',
    );
    expect(program && maxPointsPerWindow(program).maxPoints).toBe(Infinity);
  });

  it('counts the periods of a window', () => {
    const calendar = (period: 'month' | 'quarter' | 'half' | 'year', tier_window: string) => ({ period, tier_window, fiscal_year_start: '01-01', tier_basis: 'earned' as const });
    const program = { name: 'x', currency: 'USD', starts: '2024-01-01', ends: '2025-06-30' };
    expect(periodsInWindow({ calendar: calendar('month', 'trailing_12'), program })).toBe(12);
    expect(periodsInWindow({ calendar: calendar('month', 'fiscal_year'), program })).toBe(12);
    expect(periodsInWindow({ calendar: calendar('half', 'fiscal_year'), program })).toBe(2);
    // lifetime: Jan 2024 to Jun 2025 is 18 months = 6 quarters
    expect(periodsInWindow({ calendar: calendar('quarter', 'lifetime'), program })).toBe(6);
    expect(periodsInWindow({ calendar: calendar('quarter', 'lifetime'), program: { name: 'x', currency: 'USD', starts: '2024-01-01' } })).toBe(Infinity);
  });
});

describe('unreachable-tier warning', () => {
  const base = [
    'calendar: { period: quarter, tier_window: trailing_2 }',
    'categories: { a: {} }',
    'activities: { w: { category: a, points: 50, cap: { per: period, points: 500 } } }',
  ];

  it('warns for a tier above the bound (500 × 2 quarters = 1000 < 1200), naming tier, max and the binding cap', () => {
    const { program, diagnostics } = loadProgram(design([...base, 'tiers: [ { name: R, min_points: 0 }, { name: Gold, min_points: 1200 } ]']), 'r.yaml');
    expect(program).toBeDefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'unreachable-tier', line: 6 });
    expect(diagnostics[0]?.message).toContain('tier `Gold`: it needs 1200 points, but at most 1000');
    expect(diagnostics[0]?.hint).toContain('`w` cap 500 per period × 2 = 1000');
  });

  it('is quiet when the threshold equals the bound (1000 is reachable)', () => {
    expect(loadProgram(design([...base, 'tiers: [ { name: R, min_points: 0 }, { name: Gold, min_points: 1000 } ]']), 'r.yaml').diagnostics).toEqual([]);
  });

  it('a regional threshold within reach makes the tier reachable for some partners', () => {
    const tiers = 'tiers: [ { name: R, min_points: 0 }, { name: Gold, min_points: 1200, min_points_by: { region: { apac: 900 } } } ]';
    expect(loadProgram(design([...base, tiers]), 'r.yaml').diagnostics).toEqual([]);
  });

  it('is quiet with `tier_basis: balance`, where points carry over windows', () => {
    const lines = [...base, 'tiers: [ { name: R, min_points: 0 }, { name: Gold, min_points: 1200 } ]'];
    lines[0] = 'calendar: { period: quarter, tier_window: trailing_2, tier_basis: balance }';
    expect(loadProgram(design(lines), 'r.yaml').diagnostics).toEqual([]);
  });
});
