/** Scenarios (with `extends`) and --set applied to a loaded program, then re-checked. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load.js';
import { applyOverrides, scenarioChain } from '../../src/program/overrides.js';
import type { Program } from '../../src/program/program.js';

function load(source: string | Buffer): Program {
  const { program, diagnostics } = loadProgram(source, 'p.yaml');
  expect(diagnostics).toEqual([]);
  if (program === undefined) throw new Error('does not load');
  return program;
}

const every = (): Program => load(readFileSync('fixtures/valid/every-section.yaml'));

describe('applyOverrides', () => {
  it('applies a scenario', () => {
    const result = applyOverrides(every(), { scenario: 'saas_push' }, 'p.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.program?.activities['deal_closed']?.multipliers?.['product']?.['saas']).toBe(2);
    expect(Object.isFrozen(result.program)).toBe(true);
  });

  it('follows `extends`, base first, then the --set pairs last', () => {
    const program = every();
    expect(scenarioChain(program, 'saas_push_gold_easier', 'p.yaml')).toEqual({ chain: ['saas_push', 'saas_push_gold_easier'] });
    const result = applyOverrides(program, { scenario: 'saas_push_gold_easier', sets: [['guardrails.max_cost', 1]] }, 'p.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.program?.activities['deal_closed']?.multipliers?.['product']?.['saas']).toBe(2); // from saas_push
    expect(result.program?.tiers[2]?.min_points).toBe(2500); // from saas_push_gold_easier
    expect(result.program?.guardrails?.max_cost).toBe(1); // --set beats the scenario's 3000000
    expect(program.tiers[2]?.min_points).toBe(3000); // the loaded program is untouched
  });

  it('a scenario deeper in the chain overrides the one it extends', () => {
    const source = [
      'pointsmith: 1',
      'program: { name: x, starts: 2024-01-01 }',
      'categories: { a: {} }',
      'activities: { w: { category: a, points: 50 } }',
      'tiers: [ { name: R, min_points: 0 } ]',
      'scenarios:',
      '  base: { set: { activities.w.points: 60 } }',
      '  mid: { extends: base, set: { activities.w.points: 70 } }',
      '  top: { extends: mid }',
    ].join('\n');
    expect(applyOverrides(load(source), { scenario: 'top' }, 'p.yaml').program?.activities['w']?.points).toBe(70);
  });

  it('an unknown scenario is an error with a did-you-mean', () => {
    const result = applyOverrides(every(), { scenario: 'saas_psh' }, 'p.yaml');
    expect(result.program).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'unknown-scenario', message: 'unknown scenario `saas_psh`', hint: 'did you mean `saas_push`?' }),
    ]);
  });

  it('a cycle of `extends` is an error (checked here too: the program may come from checkProgramData)', () => {
    const source = [
      'pointsmith: 1',
      'program: { name: x, starts: 2024-01-01 }',
      'categories: { a: {} }',
      'activities: { w: { category: a, points: 50 } }',
      'tiers: [ { name: R, min_points: 0 } ]',
      'scenarios: { a: { extends: b }, b: { extends: a } }',
    ].join('\n');
    const loaded = loadProgram(source, 'p.yaml');
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['scenario-extends-cycle']);
    // Build the program around the loader to exercise applyOverrides' own guard.
    const data = { ...structuredClone(load(source.replace('{ a: { extends: b }, b: { extends: a } }', '{ a: {}, b: {} }'))) };
    (data.scenarios as Record<string, { extends?: string; set: Record<string, unknown> }>) = { a: { extends: 'b', set: {} }, b: { extends: 'a', set: {} } };
    const result = applyOverrides(data as Program, { scenario: 'a' }, 'p.yaml');
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['scenario-extends-cycle', 'scenarios extend each other in a circle: `a` → `b` → `a`']]);
  });

  it('the changed program is validated again', () => {
    const result = applyOverrides(every(), { sets: [['redemption.default.rate', 1.5], ['tiers.Silver.min_points', 5000]] }, 'p.yaml');
    expect(result.program).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['rate-out-of-range', 'tiers-not-ascending']);
    expect(result.diagnostics.every((d) => d.line === 0 && d.file === 'p.yaml')).toBe(true);
    expect(result.diagnostics.every((d) => d.message.startsWith('with 2 --set change(s): '))).toBe(true);
    const viaScenario = applyOverrides(every(), { scenario: 'saas_push', sets: [['redemption.default.rate', -1]] }, 'p.yaml');
    expect(viaScenario.diagnostics.map((d) => d.message)).toEqual([
      'with scenario `saas_push` and 1 --set change(s): redemption.default.rate is -1; a redemption rate is the share of earned points that is spent, between 0 and 1',
    ]);
  });

  it('--set errors are returned without re-validation', () => {
    const result = applyOverrides(every(), { sets: [['tiers.Gold.min_points', 'many']] }, 'p.yaml');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['set-wrong-type']);
  });

  it('no scenario and no sets returns the program itself', () => {
    const program = every();
    expect(applyOverrides(program, {}, 'p.yaml')).toEqual({ program, diagnostics: [] });
  });
});
