/** Parameter paths (DESIGN §2): named lists, globs, typed --set, did-you-mean, immutability. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.js';
import { loadProgram } from '../../src/program/load.js';
import { applySets, findPaths, parseSetArgument, readSetArgument } from '../../src/program/paths.js';
import type { Program } from '../../src/program/program.js';
import type { ProgramData } from '../../src/program/schema.js';

function load(): Program {
  const { program, diagnostics } = loadProgram(readFileSync('fixtures/valid/every-section.yaml'), 'every-section.yaml');
  expect(diagnostics).toEqual([]);
  if (program === undefined) throw new Error('fixture does not load');
  return program;
}

describe('findPaths', () => {
  const program = load();

  it('addresses record keys by name', () => {
    expect(findPaths(program, 'activities.deal_closed.multipliers.product.saas')).toEqual([
      { path: 'activities.deal_closed.multipliers.product.saas', value: 1.5 },
    ]);
  });

  it('addresses list entries by their name or id', () => {
    expect(findPaths(program, 'tiers.Gold.min_points')).toEqual([{ path: 'tiers.Gold.min_points', value: 3000 }]);
    expect(findPaths(program, 'rewards.mdf_1000.cost_points')).toEqual([{ path: 'rewards.mdf_1000.cost_points', value: 10000 }]);
    expect(findPaths(program, 'redemption.default.rate')).toEqual([{ path: 'redemption.default.rate', value: 0.6 }]);
  });

  it('addresses entries of unnamed lists by position', () => {
    expect(findPaths(program, 'activities.deal_closed.staged.1.on')).toEqual([{ path: 'activities.deal_closed.staged.1.on', value: 'activated' }]);
  });

  it('`*` matches one segment, in document order, only where the rest of the path exists', () => {
    // Of the nine activities, only the six with `points` match (not deal_closed, seats_sold: points_per; not cert_earned: steps).
    expect(findPaths(program, 'activities.*.points').map((m) => m.path)).toEqual([
      'activities.webinar_hosted.points',
      'activities.demo_delivered.points',
      'activities.new_customer.points',
      'activities.deal_growth.points',
      'activities.deal_expansion.points',
      'activities.admin_certified.points',
    ]);
    expect(findPaths(program, 'tiers.*.min_points').map((m) => m.value)).toEqual([0, 1000, 3000]);
    expect(findPaths(program, 'activities.*.multipliers.*.*')).toHaveLength(3);
  });

  it('returns [] when nothing matches, and never walks into prototypes', () => {
    expect(findPaths(program, 'activities.nope.points')).toEqual([]);
    expect(findPaths(program, 'tiers.Gold.min_points.deeper')).toEqual([]);
    expect(findPaths(program, 'activities.constructor')).toEqual([]);
    expect(findPaths(program, '__proto__')).toEqual([]);
    expect(findPaths(program, '')).toEqual([]);
  });
});

describe('parseSetArgument', () => {
  it('reads the value as a YAML scalar', () => {
    expect(parseSetArgument('activities.deal_closed.points=1.5')).toEqual({ path: 'activities.deal_closed.points', value: 1.5 });
    expect(parseSetArgument('a.b=true')).toEqual({ path: 'a.b', value: true });
    expect(parseSetArgument('a.b=~')).toEqual({ path: 'a.b', value: null });
    expect(parseSetArgument('a.b=saas')).toEqual({ path: 'a.b', value: 'saas' });
    expect(parseSetArgument('a.b="60"')).toEqual({ path: 'a.b', value: '60' });
    expect(parseSetArgument('program.name=A=B')).toEqual({ path: 'program.name', value: 'A=B' });
    expect(parseSetArgument(' a.b = 2 ')).toEqual({ path: 'a.b', value: 2 });
  });

  it('keeps text that is not a scalar as written', () => {
    expect(parseSetArgument('a.b=[1, 2')).toEqual({ path: 'a.b', value: '[1, 2' });
    expect(parseSetArgument('a.b={x: 1}')).toEqual({ path: 'a.b', value: '{x: 1}' });
  });

  it('refuses an argument without `=` or without a path, with a diagnostic', () => {
    expect(() => parseSetArgument('activities.deal_closed.points')).toThrow(DiagnosticError);
    expect(readSetArgument('=5')).toMatchObject({ severity: 'error', code: 'invalid-set-argument', hint: 'e.g. --set activities.deal_closed.points=60' });
  });
});

describe('applySets', () => {
  it('sets a value on a copy and leaves the input untouched', () => {
    const program = load();
    const before = JSON.stringify(program);
    const { data, diagnostics } = applySets(program as ProgramData, [['tiers.Gold.min_points', 2000]], 'p.yaml');
    expect(diagnostics).toEqual([]);
    expect(data.tiers[2]?.min_points).toBe(2000);
    expect(program.tiers[2]?.min_points).toBe(3000);
    expect(JSON.stringify(program)).toBe(before);
    expect(Object.isFrozen(data)).toBe(false);
  });

  it('sets every match of a glob', () => {
    const { data } = applySets(load() as ProgramData, [['activities.*.points', 7]], 'p.yaml');
    expect(Object.values(data.activities).map((a) => a.points)).toEqual([7, 7, undefined, undefined, 7, 7, 7, 7, undefined]);
  });

  it('applies pairs in order (the last one wins)', () => {
    const { data } = applySets(load() as ProgramData, [['redemption.default.rate', 0.5], ['redemption.default.rate', 0.7]], 'p.yaml');
    expect(data.redemption?.default.rate).toBe(0.7);
  });

  it('a path matching nothing is an error with a did-you-mean from the siblings where it fails', () => {
    const { diagnostics } = applySets(load() as ProgramData, [['activities.deal_clsed.points', 1], ['tiers.Gld.min_points', 1], ['tiers.Gold.min_pionts', 1]], 'p.yaml');
    expect(diagnostics.map((d) => [d.code, d.hint])).toEqual([
      ['set-path-matches-nothing', 'did you mean `deal_closed`?'],
      ['set-path-matches-nothing', 'did you mean `Gold`?'],
      ['set-path-matches-nothing', 'did you mean `min_points`?'],
    ]);
    expect(diagnostics[0]?.message).toBe('--set `activities.deal_clsed.points` matches nothing: there is no `deal_clsed` in `activities`');
    expect(diagnostics[0]).toMatchObject({ file: 'p.yaml', line: 0, col: 0, severity: 'error' });
  });

  it('a glob that matches nothing is an error too', () => {
    const { diagnostics } = applySets(load() as ProgramData, [['promotions.*.nothing', 1]], 'p.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['set-path-matches-nothing']);
  });

  it('setting text where a number is expected is an error', () => {
    const { diagnostics } = applySets(load() as ProgramData, [['activities.webinar_hosted.points', 'fifty']], 'p.yaml');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'set-wrong-type',
      message: '--set `activities.webinar_hosted.points` expects a number, got the string "fifty"',
    });
  });

  it('may add a key the format allows where the parent exists (or is an optional section)', () => {
    const minimal = loadProgram(readFileSync('fixtures/valid/minimal.yaml'), 'm.yaml').program as ProgramData;
    const { data, diagnostics } = applySets(
      minimal,
      [
        ['guardrails.max_cost', 5],
        ['activities.webinar_hosted.cap.points', 100],
        ['points.expiry_months', 12],
      ],
      'm.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(data.guardrails).toEqual({ max_cost: 5 });
    expect(data.activities['webinar_hosted']?.cap).toEqual({ points: 100 });
    expect(data.points.expiry_months).toBe(12);
  });

  it('may add a new value to a nested record (a new multiplier), but never a new entry of a top-level section', () => {
    const { data, diagnostics } = applySets(load() as ProgramData, [['activities.deal_closed.multipliers.product.hybrid', 1.2]], 'p.yaml');
    expect(diagnostics).toEqual([]);
    expect(data.activities['deal_closed']?.multipliers?.['product']).toEqual({ saas: 1.5, perpetual: 0.8, hybrid: 1.2 });
    expect(applySets(load() as ProgramData, [['activities.brand_new', 1]], 'p.yaml').diagnostics.map((d) => d.code)).toEqual(['set-path-matches-nothing']);
    expect(applySets(load() as ProgramData, [['activities.webinar_hosted.nonsense', 1]], 'p.yaml').diagnostics.map((d) => d.code)).toEqual(['set-path-matches-nothing']);
  });

  it('null removes a key, so the default applies again', () => {
    const { data } = applySets(load() as ProgramData, [['points.expiry_months', null]], 'p.yaml');
    expect('expiry_months' in data.points).toBe(false);
  });

  it('refuses reserved names and malformed paths', () => {
    const { diagnostics } = applySets(load() as ProgramData, [['__proto__.polluted', 1], ['activities..points', 1], ['constructor', 1]], 'p.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-set-path', 'invalid-set-path', 'invalid-set-path']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never throws and never changes its input, whatever the paths and values (fast-check)', () => {
    const program = load();
    const before = JSON.stringify(program);
    const segment = fc.constantFrom('activities', 'tiers', 'Gold', 'deal_closed', 'points', 'min_points', '*', 'multipliers', 'product', 'saas', 'guardrails', 'max_cost', '0', 'x', '__proto__', '');
    const path = fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'));
    const value = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 5 }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.tuple(path, value), { maxLength: 4 }), (sets) => {
        const { diagnostics } = applySets(program as ProgramData, sets, 'p.yaml');
        for (const d of diagnostics) expect(d.code).toMatch(/^(set-path-matches-nothing|set-wrong-type|invalid-set-path)$/);
      }),
      { numRuns: 200 },
    );
    expect(JSON.stringify(program)).toBe(before);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
