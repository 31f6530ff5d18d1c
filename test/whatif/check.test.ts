/**
 * `check` on fixtures/whatif (numbers derived in test/whatif/compare.test.ts):
 * cost.total $122.50, Gold share 50%. Guardrails as written: max_cost 1000 (line 19),
 * tier_share.Gold.max 0.5 (line 21). max_cost is a yearly limit: the program runs
 * 2024-01-01..2024-06-30, half of 2024, so the year's limit is 1000 × 0.5 = 500
 * (with --set guardrails.max_cost=1: 0.50).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, DESIGN, HISTORY } from './cli-helpers.js';

/**
 * The what-if fixture has no partners file: every command says, on stderr, that the partner
 * base is the history's P1 and P2. It is about the history, not the design: the machine
 * formats keep the design's problems off stderr, not this note (--quiet drops it).
 */
const PARTNERS_NOTE = 'note: no --partners file: the partner base is the 2 partners found in the history\n';

describe('check', () => {
  it('exits 0 when every guardrail holds, one line per guardrail', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'PASS  max_cost: measured $122.50, limit ≤ $500.00 (year 2024, 50.0% of it in the program, the yearly limit prorated)',
        // 0.5 ≤ 0.5: limits are inclusive.
        'PASS  tier_share.Gold.max: measured 50.0%, limit ≤ 50.0%',
        // No `launch:`, a lifetime window: the first year is the warm-up, here the program's two quarters.
        'note  Warm-up periods: 2024-Q1, 2024-Q2: no launch state (launch:): every partner starts at the lowest tier with no points, and the lifetime window holds no points from before the program (flagged for the first year; it understates legacy partners for longer); tiers and costs in these periods understate a real launch.',
        'fixtures/whatif/design.yaml: all 2 guardrails hold at the expectation (as run prints it)',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 naming the crossed guardrail and its measured value', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cost=1');
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  max_cost: measured $122.50, limit ≤ $0.50 (year 2024, 50.0% of it in the program, the yearly limit prorated)');
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
      '::error file=fixtures/whatif/design.yaml,line=19,col=3,title=guardrail max_cost::guardrail crossed: max_cost: measured $122.50, limit ≤ $0.50 (year 2024, 50.0%25 of it in the program, the yearly limit prorated)',
    );
    expect(r.out).toContain('PASS tier_share.Gold.max');
  });

  it('markdown format is a table for a pull-request comment', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cost=1', '--format', 'markdown');
    expect(r.out).toContain('## pointsmith check: What-if fixture ❌');
    expect(r.out).toContain('| ❌ **fail** | `max_cost` | $122.50 | ≤ $0.50 | year 2024, 50.0% of it in the program, the yearly limit prorated |');
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

  // fixtures/invalid/unknown-key-typo.yaml has one problem: `categroy` at line 8, col 5.
  it('a design that does not validate: github format annotates each problem once, stderr stays silent', async () => {
    const r = await cli('check', 'fixtures/invalid/unknown-key-typo.yaml', '--history', HISTORY, '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        '::error file=fixtures/invalid/unknown-key-typo.yaml,line=8,col=5,title=pointsmith unknown-key::unknown key `categroy` in activities.webinar_hosted%0Ahint: did you mean `category`?',
        '1 error in 1 file',
        '',
      ].join('\n'),
    );
    // Before: the same problem again as text on stderr, so the CI log showed it twice.
    expect(r.err).toBe('');
  });

  it('a design that does not validate: json format prints one document, the problems in it, nothing else', async () => {
    const r = await cli('check', 'fixtures/invalid/unknown-key-typo.yaml', '--history', HISTORY, '--format', 'json');
    expect(r.code).toBe(1);
    // JSON.parse of the whole of stdout: nothing follows the document.
    const doc = JSON.parse(r.out) as { passed: boolean; guardrails: unknown[]; diagnostics: { severity: string; code: string; line: number; col: number }[] };
    expect(doc.passed).toBe(false);
    expect(doc.guardrails).toEqual([]);
    expect(doc.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'unknown-key', line: 8, col: 5 })]);
    expect(r.err).toBe('');
  });

  it('a design that does not validate: text format prints the problem once, on stderr', async () => {
    const r = await cli('check', 'fixtures/invalid/unknown-key-typo.yaml', '--history', HISTORY);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.match(/categroy/g)).toHaveLength(1);
  });

  it('a design that does not validate: markdown says so for the comment, the log keeps the problem on stderr', async () => {
    const r = await cli('check', 'fixtures/invalid/unknown-key-typo.yaml', '--history', HISTORY, '--format', 'markdown');
    expect(r.code).toBe(1);
    expect(r.out).toContain('## pointsmith check: fixtures/invalid/unknown-key-typo.yaml ❌');
    expect(r.out).toContain('The design does not validate (1 error); no guardrail was tested.');
    expect(r.out).toContain('| error | fixtures/invalid/unknown-key-typo.yaml:8:5 | unknown key \\`categroy\\` in activities.webinar_hosted');
    expect(r.err.match(/categroy/g)).toHaveLength(1);
  });

  it('a crossed guardrail in github format: the annotation on stdout, only the partners note on stderr', async () => {
    const r = await cli('check', DESIGN, '--history', HISTORY, '--set', 'guardrails.max_cost=1', '--format', 'github');
    expect(r.code).toBe(1);
    expect(r.out.match(/max_cost/g)).toHaveLength(2); // once in the title, once in the message: one annotation
    expect(r.err).toBe(PARTNERS_NOTE);
  });

  describe('a design with a warning', () => {
    // Gold requires 500 `marketing` points, but `webinar` (the only marketing activity) is
    // capped at 100 a quarter and the program lasts 2 quarters: at most 100 × 2 = 200, so
    // the loader warns `unreachable-tier` on line 10 (the `requires` of Gold), col 73.
    // Gold's benefits are dropped with the change, so cost stays under max_cost 1000
    // (the what-if design costs $122.50 with them): the run passes and exits 0.
    let dir: string;
    let design: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'pointsmith-check-'));
      design = join(dir, 'warn.yaml');
      const text = (await readFile(DESIGN, 'utf8'))
        .replace('{ name: Gold, min_points: 300, benefits: { annual_cost: 400 } }', '{ name: Gold, min_points: 300, requires: { categories: { marketing: 500 } } }')
        .replace(/^# .*\n/gm, '');
      await writeFile(design, text);
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('github: the warning is a ::warning annotation on stdout, once, and stderr holds only the partners note', async () => {
      const r = await cli('check', design, '--history', HISTORY, '--format', 'github');
      expect(r.code).toBe(0);
      const lines = r.out.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^::warning file=.*warn\.yaml,line=\d+,col=\d+,title=pointsmith unreachable-tier::no partner can reach tier `Gold`/);
      expect(r.out.match(/unreachable-tier/g)).toHaveLength(1);
      expect(r.err).toBe(PARTNERS_NOTE);
    });

    it('json: the warning is in the document\'s diagnostics, and stderr holds only the partners note', async () => {
      const r = await cli('check', design, '--history', HISTORY, '--format', 'json');
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out) as { passed: boolean; diagnostics: { severity: string; code: string }[] };
      expect(doc.passed).toBe(true);
      expect(doc.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'unreachable-tier' })]);
      expect(r.err).toBe(PARTNERS_NOTE);
    });

    it('text: the warning once, on stderr; the report on stdout', async () => {
      const r = await cli('check', design, '--history', HISTORY);
      expect(r.code).toBe(0);
      expect(r.out).not.toContain('unreachable-tier');
      expect(r.err.match(/unreachable-tier/g)).toHaveLength(1);
    });
  });

  it('a missing design is unreadable input (exit 2)', async () => {
    const r = await cli('check', 'fixtures/whatif/nope.yaml', '--history', HISTORY);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.yaml');
  });
});
