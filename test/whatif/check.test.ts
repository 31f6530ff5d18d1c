/**
 * `check` on fixtures/whatif (numbers derived in test/whatif/compare.test.ts):
 * cost.total $122.50, Gold share 50%. Guardrails as written: max_cost 1000 (line 19),
 * tier_share.Gold.max 0.5 (line 21).
 */
import { describe, expect, it } from 'vitest';
import { cli, DESIGN, HISTORY } from './cli-helpers.js';

describe('check', () => {
  it('exits 0 when every guardrail holds, one line per guardrail', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'PASS  max_cost: measured $122.50, limit ≤ $1,000.00',
        // 0.5 ≤ 0.5: limits are inclusive.
        'PASS  tier_share.Gold.max: measured 50.0%, limit ≤ 50.0%',
        'fixtures/whatif/design.yaml: all 2 guardrails hold',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 naming the crossed guardrail and its measured value', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cost=1');
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  max_cost: measured $122.50, limit ≤ $1.00');
    expect(r.out).toContain('1 of 2 guardrails crossed');
  });

  it('a guardrail the design lacks can be added with --set', async () => {
    // Gold share 0.5 < min 0.6 (max raised first: a min above the max is itself an error).
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.tier_share.Gold.max=1', '--set', 'guardrails.tier_share.Gold.min=0.6', '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { passed: boolean; guardrails: { name: string; measured: number; limit: number; passed: boolean }[] };
    expect(doc.passed).toBe(false);
    expect(doc.guardrails.find((g) => g.name === 'tier_share.Gold.min')).toMatchObject({ measured: 0.5, limit: 0.6, passed: false });
  });

  it('github format annotates the limit\'s line in the design', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cost=1', '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      '::error file=fixtures/whatif/design.yaml,line=19,col=3,title=guardrail max_cost::guardrail crossed: max_cost: measured $122.50, limit ≤ $1.00',
    );
    expect(r.out).toContain('PASS tier_share.Gold.max');
  });

  it('markdown format is a table for a pull-request comment', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cost=1', '--format', 'markdown');
    expect(r.out).toContain('## pointsmith check: What-if fixture ❌');
    expect(r.out).toContain('| ❌ **fail** | `max_cost` | $122.50 | ≤ $1.00 |  |');
  });

  it('an unknown --set path is bad usage (exit 2) with a did-you-mean', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cots=1');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--set `guardrails.max_cots` matches nothing');
    expect(r.err).toContain('did you mean `max_cost`?');
  });

  it('text into a number is bad usage (exit 2)', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cost=lots');
    expect(r.code).toBe(2);
    expect(r.err).toContain('`guardrails.max_cost` expects a number');
  });

  it('an unknown scenario is bad usage (exit 2) with a did-you-mean', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--scenario', 'double_dael');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown scenario `double_dael`');
    expect(r.err).toContain('did you mean `double_deal`?');
  });

  it('a second --scenario is bad usage, not silently the winner', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--scenario', 'double_deal', '--scenario', 'strict_gold');
    expect(r.code).toBe(2);
    expect(r.err).toContain('error: --scenario is given more than once; this command applies one scenario');
  });

  it('a malformed --set (no =) is bad usage', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cost');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--set "guardrails.max_cost": expected path=value');
  });

  it('a design that does not validate is a finding (exit 1), annotated in github format', async () => {
    const r = await cli('check', 'fixtures/invalid/unknown-key-typo.yaml', '--history', HISTORY, '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^::error file=fixtures\/invalid\/unknown-key-typo.yaml,line=\d+/);
  });

  it('a design that does not validate: json format still prints a document, with the problems', async () => {
    const r = await cli('check', 'fixtures/invalid/unknown-key-typo.yaml', '--history', HISTORY, '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { passed: boolean; guardrails: unknown[]; diagnostics: { severity: string; line: number }[] };
    expect(doc.passed).toBe(false);
    expect(doc.guardrails).toEqual([]);
    expect(doc.diagnostics[0]?.severity).toBe('error');
    expect(doc.diagnostics[0]?.line).toBeGreaterThan(0);
  });

  it('a missing design is unreadable input (exit 2)', async () => {
    const r = await cli('check', 'fixtures/whatif/nope.yaml', '--history', HISTORY);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.yaml');
  });
});
