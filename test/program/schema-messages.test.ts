/** Schema problems read as what was expected and what was found, at the value, with a usable hint. */
import { describe, expect, it } from 'vitest';
import { checkProgramData, loadProgram } from '../../src/program/load.js';

/** A valid design with one activity line (line 5) and optional extra lines from line 7. */
function design(activity: string, extra: string[] = []): string {
  return [
    'pointsmith: 1',
    'program: { name: x, starts: 2024-01-01 }',
    'categories: { a: {} }',
    'activities:',
    `  w: ${activity}`,
    'tiers: [ { name: R, min_points: 0 } ]',
    ...extra,
  ].join('\n');
}

function only(source: string) {
  const { diagnostics } = loadProgram(source, 'x.yaml');
  expect(diagnostics).toHaveLength(1);
  const [d] = diagnostics;
  return { code: d?.code, at: `${d?.line}:${d?.col}`, message: d?.message, hint: d?.hint };
}

describe('schema messages', () => {
  it('an empty value', () => {
    expect(only(design('{ category: a, points: }'))).toEqual({
      code: 'wrong-type',
      at: '5:21',
      message: 'activities.w.points: expected a number, got nothing (an empty value)',
      hint: 'write a number here',
    });
  });

  it('a quoted number', () => {
    expect(only(design('{ category: a, points: 1, multipliers: { product: { saas: "1.5" } } }'))).toMatchObject({
      code: 'wrong-type',
      message: 'activities.w.multipliers.product.saas: expected a number, got the string "1.5"',
      hint: 'write the number without quotes or thousands separators',
    });
  });

  it('an infinite number: `.inf` in the file is a number-notation error; Infinity in data (no source) the schema\'s', () => {
    expect(only(design('{ category: a, points: .inf }'))).toMatchObject({ code: 'number-notation', message: '`.inf` is infinity; the format takes finite decimal numbers only (within ±1e12)' });
    const data = { pointsmith: 1, program: { name: 'x', starts: '2024-01-01' }, categories: { a: {} }, activities: { w: { category: 'a', points: Infinity } }, tiers: [{ name: 'R', min_points: 0 }] };
    const result = checkProgramData(data, 'data');
    expect(result.diagnostics.map((d) => d.message)).toEqual(['activities.w.points: expected a number, got an infinite number']);
  });

  it('an unknown key inside one form of a union (a `where` range) gets a did-you-mean from that form', () => {
    expect(only(design('{ category: a, points: 1, where: { amount: { mn: 1000 } } }'))).toMatchObject({
      code: 'unknown-key',
      at: '5:51',
      hint: 'did you mean `min`?',
    });
  });

  it('a value in none of a union\'s forms names the forms', () => {
    expect(only(design('{ category: a, points: 1, round: one }')).message).toBe(
      'activities.w.round: expected a number or a mapping (key: value lines), got the string "one"',
    );
  });

  it('a misspelled enum value inside the long form of a union', () => {
    expect(only(design('{ category: a, points: 1, round: { decimals: 1, mode: hlf_up } }'))).toMatchObject({
      code: 'invalid-value',
      message: 'activities.w.round.mode: expected one of "half_up", "half_even", "down", "up", got the string "hlf_up"',
      hint: 'did you mean `half_up`?',
    });
  });

  it('a pattern the value would match in capitals', () => {
    expect(only(design('{ category: a, points: 1 }').replace('starts: 2024-01-01', 'starts: 2024-01-01, currency: usd'))).toMatchObject({
      code: 'invalid-format',
      at: '2:51',
      message: 'program.currency: expected a 3-letter currency code, got the string "usd"',
      hint: 'write `USD`',
    });
  });

  it('a number below its minimum', () => {
    expect(only(design('{ category: a, points: 1 }', ['rewards: [ { id: x, cost_points: 0, vendor_cost: 1 } ]']))).toMatchObject({
      code: 'out-of-range',
      at: '7:34',
      message: 'rewards[0].cost_points: expected a number above 0, got the number 0',
    });
  });

  it('a list where a mapping belongs', () => {
    expect(only(design('[1, 2]'))).toMatchObject({ code: 'wrong-type', at: '5:6', message: 'activities.w: expected a mapping (key: value lines), got a list' });
  });

  it('an empty mix while points are spent', () => {
    expect(only(design('{ category: a, points: 1 }', ['redemption: { default: { rate: 0.5, mix: {} } }']))).toMatchObject({
      code: 'mix-sum-not-one',
      message: 'redemption.default.mix is empty, but the rate (0.5) says points are spent',
    });
  });

  it('a scenario that sets text into a number', () => {
    expect(only(design('{ category: a, points: 1 }', ['scenarios: { s: { set: { activities.w.points: lots } } }']))).toMatchObject({
      code: 'scenario-wrong-type',
      at: '7:47',
      message: 'scenario `s`: `activities.w.points` expects a number, got the string "lots"',
    });
  });

  it('a YAML timestamp where a date is written as text', () => {
    const source = design('{ category: a, points: 1 }').replace('starts: 2024-01-01', 'starts: !!timestamp 2024-01-01');
    expect(only(source)).toMatchObject({ code: 'wrong-type', message: 'program.starts: expected text, got a timestamp (2024-01-01T00:00:00.000Z)' });
  });
});
