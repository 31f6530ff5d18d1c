import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TransitionReport } from '../../src/analysis/transition-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const DIR = 'fixtures/transition';
const base = ['transition', `${DIR}/program.yaml`, '--history', `${DIR}/history.csv`, '--partners', `${DIR}/partners.csv`, '--no-cache'];

async function run(args: readonly string[], env: Record<string, string> = {}) {
  const io = memoryIo({ env });
  const code = await main([...base, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

/*
 * fixtures/transition, replayed by the engine (quarters of 2024, trailing 4-quarter window):
 *   A emea: Q1 deal 200,000 saas → 2,000 × 1.5 = 3,000 decision + 2 certs × 100 → 3,200,
 *           decision 3,000 ≥ 1,000, 2 certs → Gold from Q1 on. Legacy Gold (file) → same.
 *   B emea: Q1 cert 100 + case study 500; Q2 and Q3 deals of 35,000 perpetual → 350 × 0.8 = 280 each.
 *           Window at Q4: 600 + 280 + 280 = 1,160 → Silver (Q3 on). Legacy Gold (file) → down, at risk.
 *   C apac: Q2 cert + deal 150,000 saas → 100 + 2,250 = 2,350 → Silver;
 *           Q4 deal 20,000 saas → 300 (Silver: no accelerator) + cert 100 → 2,750 ≥ 2,500 (apac Gold),
 *           decision 2,550, 2 certs → Gold. Legacy computed: 170,000 of revenue, 2 people → Silver → up.
 *   D amer: one webinar (60) → Registered; no level in the file, no revenue → (none) → no equivalent.
 */
describe('pointsmith transition', () => {
  it('prints the report as JSON with the hand-worked numbers', async () => {
    const { code, out, err } = await run(['--format', 'json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out) as TransitionReport;
    expect(report.partner_rows.map((r) => [r.partner, r.legacy_level, r.new_tier, r.movement, r.points_in_window])).toEqual([
      ['A', 'Gold', 'Gold', 'same', 3200],
      ['B', 'Gold', 'Silver', 'down', 1160],
      ['C', 'Silver', 'Gold', 'up', 2750],
      ['D', '(none)', 'Registered', 'unmapped', 60],
    ]);
    expect(report.matrix.counts).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 1],
    ]);
    // B: 3,000 - 1,160 = 1,840 short; decision 560 of 1,000 (440 short); 1 cert of 2.
    const b = report.at_risk[0];
    expect(b?.gaps.map((g) => [g.kind, g.id, g.short])).toEqual([
      ['points', 'Gold', 1840],
      ['category', 'decision', 440],
      ['activity', 'cert_earned', 1],
    ]);
    // cert +100; decision: ceil(440 / 525) = 1 deal; points: 1,840 - 625 = 1,215 → ceil(1,215 / 525) = 3 deals.
    expect(b?.plan.steps.map((s) => [s.activity, s.occurrences, s.points])).toEqual([
      ['cert_earned', 1, 100],
      ['deal_closed', 4, 2100],
    ]);
    // Legacy: A 5,000 + 10% × 200,000 = 25,000; B 5,000 + 10% × 70,000 = 12,000;
    //         C 1,000 + 5% × 170,000 = 9,500; D 0 → 46,500.
    // New (benefits of the tier in force during each quarter, annual / 4): A Gold in Q2-Q4 3 × 500 = 1,500;
    //         B Silver in Q4 100; C Silver in Q3-Q4 2 × 100 = 200 → 1,800.
    expect([report.cost.legacy.total, report.cost.new.total]).toEqual([46500, 1800]);
  });

  it('prints Markdown by default, with the hostile name as text', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    expect(out.startsWith('# Transition to Hand Points\n')).toBe(true);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Co"');
    expect(out).not.toContain('<script>');
  });

  it('writes CSV with formula cells defused', async () => {
    const { code, out } = await run(['--format', 'csv']);
    expect(code).toBe(0);
    expect(out.split('\n')[3]).toMatch(/^C,'=SUM\(A1\),msp,apac,Silver,computed,170000,2,Silver,Gold,up,2750,no,no,/);
  });

  it('writes the HTML with --out and refuses to overwrite it without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-transition-'));
    const file = join(dir, 'report.html');
    const first = await run(['--format', 'html', '--out', file]);
    expect(first.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const second = await run(['--format', 'html', '--out', file]);
    expect(second.code).toBe(2);
    expect(second.err).toContain('already exists; not overwriting it');
    expect(second.err).toContain('hint: add --force');
  });

  it('refuses --pdf onto an existing file without --force, before any work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-transition-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, 'keep me');
    const { code, err } = await run(['--pdf', file]);
    expect(code).toBe(2);
    expect(err).toBe(`error: ${file} already exists; not overwriting it\nhint: add --force to replace it, or choose another --pdf file\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('refuses an existing --out before printing the --pdf (nothing written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-transition-'));
    const out = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    writeFileSync(out, 'keep me');
    // No browser: had the PDF step run first, the error would be about Chromium.
    const { code, err } = await run(['--pdf', pdf, '--out', out], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(code).toBe(2);
    expect(err).toBe(`error: ${out} already exists; not overwriting it\nhint: add --force to replace it, or choose another --out file\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(existsSync(pdf)).toBe(false);
  });

  it('refuses an --out in a missing folder before printing the --pdf (nothing written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-transition-'));
    const out = join(dir, 'missing', 'report.html');
    const pdf = join(dir, 'report.pdf');
    // No browser: had the PDF step run first, the error would be about Chromium.
    const { code, err } = await run(['--pdf', pdf, '--out', out], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(code).toBe(2);
    expect(err).toBe(`error: cannot write ${out}: folder ${join(dir, 'missing')} does not exist\nhint: create it first, or choose another --out file\n`);
    expect(existsSync(pdf)).toBe(false);
  });

  it('refuses --pdf and --out naming the same file (exit 2, nothing written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-transition-'));
    const file = join(dir, 'report.pdf');
    const { code, err } = await run(['--pdf', file, '--out', file], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(code).toBe(2);
    expect(err).toBe(`error: --pdf and --out both name ${file}\nhint: give the PDF and the other report different file names\n`);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an existing --out even with a fresh --pdf, with --force on neither (the PDF check passes, the --out one refuses)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-transition-'));
    const out = join(dir, 'report.md');
    writeFileSync(out, 'keep me');
    const { code, err } = await run(['--pdf', join(dir, 'fresh.pdf'), '--format', 'markdown', '--out', out]);
    expect(code).toBe(2);
    expect(err).toContain(`error: ${out} already exists; not overwriting it`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'fresh.pdf'))).toBe(false);
  });

  it('says clearly when no browser can print the PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-transition-'));
    const { code, err } = await run(['--pdf', join(dir, 'r.pdf')], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(code).toBe(2);
    expect(err).toContain('error: cannot print the PDF: CHROMIUM_PATH is /nonexistent/chromium, which is not an executable file');
  });

  it('--top cuts the named lists of the Markdown and HTML, never the CSV', async () => {
    // Movers: B down (Gold → Silver), C up (Silver → Gold), D no equivalent → 3; --top 1 lists B only.
    const md = await run(['--top', '1']);
    expect(md.code).toBe(0);
    expect(md.out).toContain('## Partners who change level (3)\n\nShowing the first 1 of 3 (the largest falls first, then the largest rises); `--top` sets how many, and the CSV and JSON formats list every partner.\n');
    const movers = md.out.slice(md.out.indexOf('## Partners who change level'), md.out.indexOf('## How to read'));
    expect(movers).toContain('| B |');
    expect(movers).not.toContain('| C |');
    // One partner at risk (B): within --top 1, so no "Showing" line there.
    expect(md.out).toContain('## Partners at risk (1)\n\n| Partner |');
    const html = await run(['--top', '1', '--format', 'html']);
    expect(html.out).toContain('Showing the first 1 of 3');
    const csv = await run(['--top', '1', '--format', 'csv']);
    expect(csv.out.trimEnd().split('\n')).toHaveLength(5); // header + A, B, C, D
    const all = await run(['--top', 'all']);
    expect(all.out).not.toContain('Showing the first');
  });

  it('rejects a --top that is not a whole number of 1 or more (exit 2)', async () => {
    for (const bad of ['0', '-3', '2.5', 'ten']) {
      const { code, err } = await run(['--top', bad]);
      expect(code).toBe(2);
      expect(err).toContain(`option '--top <n>' argument '${bad}' is invalid. expected a whole number, 1 or more, or \`all\``);
    }
  });

  it('rejects a design without legacy levels (exit 2)', async () => {
    const io = memoryIo();
    // --partners given: without it the command stops earlier, on that (tested below).
    const code = await main(['transition', 'fixtures/history/design.yaml', '--history', 'fixtures/history/good.csv', '--partners', 'fixtures/history/partners.csv', '--no-cache'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('has no `legacy:` section');
  });

  it('rejects an unknown format (exit 2)', async () => {
    const { code, err } = await run(['--format', 'pdf']);
    expect(code).toBe(2);
    expect(err).toContain("argument 'pdf' is invalid. Allowed choices are markdown, html, json, csv, xlsx.");
  });
});
