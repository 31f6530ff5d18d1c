/**
 * The HTML pages of compare, sensitivity and simulate (issue 17) opened in ONE real
 * headless Chromium: each renders with no console error and no network request, a hostile
 * program, tier or reward name stays text (fixtures/html/hostile.yaml), the key figures
 * are visible at 1280 px and on an A4 page, and the numbers drawn in the charts (read back
 * from the SVG's data attributes) equal the command's JSON for the sample.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { browserPath, launch, runBrowserTests } from './browser-harness.js';
import { cli, expectFiguresVisible, openClean, OUT, writePage } from './report-pages.js';

const HISTORY = ['--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv'];
const HOSTILE_HISTORY = ['--history', 'fixtures/html/history.csv'];
const HOSTILE_DESIGN = 'fixtures/html/hostile.yaml';
const HOSTILE_TIER = '<img src=x onerror=alert(1)> Gold';
const HOSTILE_REWARD = '<b>voucher</b>';
const HOSTILE_PROGRAM = "<script>alert('program')</script> & Co";
const hasSample = existsSync('fixtures/sample/history.csv');

/** Every element matching `selector`: its data attributes, `data-value` as a number. */
async function drawn(page: Page, selector: string, attributes: readonly string[]): Promise<Record<string, string | number>[]> {
  return page.locator(selector).evaluateAll(
    (els, names) => els.map((e) => Object.fromEntries(names.map((n) => [n, n === 'value' || n === 'runs' ? Number(e.getAttribute(`data-${n}`)) : (e.getAttribute(`data-${n}`) ?? '')]))),
    attributes,
  );
}

describe.runIf(runBrowserTests)('compare, sensitivity and simulate HTML in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('hostile names stay text on all three pages: nothing runs, no request', async () => {
    const pages = [
      { args: ['compare', HOSTILE_DESIGN, HOSTILE_DESIGN, ...HOSTILE_HISTORY], texts: [HOSTILE_TIER, HOSTILE_REWARD] },
      { args: ['sensitivity', HOSTILE_DESIGN, '--vary', 'tiers.*.min_points', ...HOSTILE_HISTORY], texts: [HOSTILE_TIER] },
      { args: ['simulate', HOSTILE_DESIGN, '--runs', '20', ...HOSTILE_HISTORY], texts: [HOSTILE_PROGRAM, HOSTILE_REWARD] },
    ];
    for (const { args, texts } of pages) {
      const { page, check } = await openClean(browser, await writePage(args, `${args[0] ?? ''}-hostile.html`));
      for (const text of texts) expect(await page.getByText(text, { exact: false }).count(), `${args[0] ?? ''}: ${text}`).toBeGreaterThan(0);
      expect(await page.locator('script, img, b').count()).toBe(0);
      // The design has no launch state and a trailing_4 window: every page says so.
      expect(await page.locator('.warning').first().textContent()).toContain('2024-Q1, 2024-Q2, 2024-Q3');
      check();
      await page.close();
    }
  }, 60_000);

  it.runIf(hasSample)('compare: the sample page draws each column\'s JSON numbers side by side, figures visible at 1280 px and on A4', async () => {
    const args = ['compare', 'programs/lifecycle.yaml', '--scenario', 'saas_push', ...HISTORY];
    const json = JSON.parse(await cli([...args, '--format', 'json'])) as { columns: string[]; runs: { column: string; summary: RunSummary }[] };
    const { page, check } = await openClean(browser, await writePage(args, 'compare-sample.html'));
    expect(json.columns).toEqual(['lifecycle (as written)', 'saas_push']);
    // Cost per fiscal year: one bar per column and year, each the column's JSON cost (both columns have the same years).
    const years = await drawn(page, '#cost-by-year rect.bar', ['series', 'category', 'value']);
    expect(years).toEqual(json.runs[0]?.summary.budget.by_year.flatMap((y, i) => json.runs.map((r) => ({ series: r.column, category: y.year, value: r.summary.budget.by_year[i]?.cost ?? NaN }))));
    // Partners per tier at the last evaluation.
    const tiers = await drawn(page, '#tiers-last rect.bar', ['series', 'category', 'value']);
    expect(tiers).toEqual(json.runs[0]?.summary.tiers.flatMap((t, i) => json.runs.map((r) => ({ series: r.column, category: t.tier, value: r.summary.tiers[i]?.partners ?? NaN }))));
    // Each column's tiers per period, stacked; every period adds up to the sample's 2,000 partners.
    for (const [i, run] of json.runs.entries()) {
      const segments = await drawn(page, `figure.tier-history[data-column="${i}"] rect.segment`, ['series', 'category', 'value']);
      expect(segments.length).toBe(run.summary.tier_history.length * run.summary.tiers.length);
      for (const period of run.summary.tier_history) {
        expect(segments.filter((s) => s.category === period.period).reduce((sum, s) => sum + Number(s.value), 0)).toBe(2000);
        for (const t of period.tiers) expect(segments).toContainEqual({ series: t.tier, category: period.period, value: t.partners });
      }
    }
    // Six figures per column (cost, budget used, worst year, liability, earned, breakage), two columns.
    await expectFiguresVisible(page, 12);
    expect(await page.locator('[data-column="0"] [data-key="cost.total"] .value').textContent()).toBe('$1,921,701.90');
    check();
    await page.screenshot({ path: join(OUT, 'compare-sample.png') });
    await page.close();
  }, 60_000);

  it.runIf(hasSample)('sensitivity: the tornado\'s bars are the JSON\'s low and high, base marked', async () => {
    const args = ['sensitivity', 'programs/lifecycle.yaml', '--vary', 'tiers.*.min_points', '--workers', '0', ...HISTORY];
    const json = JSON.parse(await cli([...args, '--format', 'json'])) as { base: number; weights: { path: string; low: number; high: number }[] };
    const { page, check } = await openClean(browser, await writePage(args, 'sensitivity-sample.html'));
    const bars = await drawn(page, 'svg.tornado rect.side', ['row', 'side', 'value']);
    expect(bars).toEqual(json.weights.flatMap((w) => [{ row: w.path, side: 'low', value: w.low }, { row: w.path, side: 'high', value: w.high }]));
    expect(Number(await page.locator('svg.tornado text.base').getAttribute('data-value'))).toBe(json.base);
    // The base, the weights moved, the one that moves it most.
    await expectFiguresVisible(page, 3);
    check();
    await page.close();
  }, 60_000);

  it.runIf(hasSample)('simulate: the histograms mark the JSON\'s P10, P50 and P90 and hold every run', async () => {
    const args = ['simulate', 'programs/lifecycle.yaml', '--runs', '50', '--seed', '7', ...HISTORY];
    const json = JSON.parse(await cli([...args, '--format', 'json'])) as { measures: { name: string; p10: number; p50: number; p90: number }[] };
    const { page, check } = await openClean(browser, await writePage(args, 'simulate-sample.html'));
    for (const name of ['cost.total', 'liability']) {
      const m = json.measures.find((x) => x.name === name);
      const markers = await drawn(page, `figure[data-measure="${name}"] line.marker`, ['marker', 'value']);
      expect(markers).toEqual([{ marker: 'P10', value: m?.p10 }, { marker: 'P50', value: m?.p50 }, { marker: 'P90', value: m?.p90 }]);
      // Every one of the 50 runs falls in some bin.
      const bins = await drawn(page, `figure[data-measure="${name}"] rect.bin`, ['runs']);
      expect(bins.reduce((sum, b) => sum + Number(b.runs), 0)).toBe(50);
    }
    // P10, P50, P90 of cost and of liability.
    await expectFiguresVisible(page, 6);
    check();
    await page.screenshot({ path: join(OUT, 'simulate-sample.png') });
    await page.close();
  }, 60_000);

  // One command printed twice: compare and sensitivity print through the same emitWithPdf (each browser launch costs seconds).
  it('simulate --pdf: an A4 PDF, the same bytes twice', async () => {
    mkdirSync(OUT, { recursive: true });
    const env = { CHROMIUM_PATH: browserPath ?? '', SOURCE_DATE_EPOCH: '1700000000' };
    const commands = [['simulate', HOSTILE_DESIGN, '--runs', '20', ...HOSTILE_HISTORY]];
    for (const args of commands) {
      const files = [join(OUT, `${args[0] ?? ''}-a.pdf`), join(OUT, `${args[0] ?? ''}-b.pdf`)];
      for (const file of files) {
        rmSync(file, { force: true });
        // With --pdf alone the PDF is the report: nothing on stdout.
        expect(await cli([...args, '--pdf', file], env)).toBe('');
      }
      const [a, b] = files.map((f) => readFileSync(f));
      expect(a?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(Buffer.compare(a ?? Buffer.alloc(0), b ?? Buffer.alloc(0))).toBe(0);
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(a?.toString('latin1') ?? '');
      expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
    }
  }, 60_000);
});
