/**
 * The HTML pages of run, compare, sensitivity and simulate (issue 17) opened in ONE real
 * headless Chromium: each renders with no console error and no network request, a hostile
 * program, tier or reward name stays text (fixtures/html/hostile.yaml), the key figures are
 * visible at 1280 px and on an A4 page, and the numbers drawn in the charts (read back from
 * the SVG's data-value attributes) equal the command's JSON for the sample.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { browserPath, launch, runBrowserTests } from './browser-harness.js';
import { cli, expectFiguresVisible, openClean, OUT, writePage } from './report-pages.js';

const SAMPLE = ['programs/lifecycle.yaml', '--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv'];
const HOSTILE = ['fixtures/html/hostile.yaml', '--history', 'fixtures/html/history.csv'];
const HOSTILE_TEXTS = ["<script>alert('program')</script> & Co", '<img src=x onerror=alert(1)> Gold', '<b>voucher</b>'];

/** Every drawn bar or segment of the page's charts: series, category, value. */
async function drawn(page: Page, selector: string): Promise<{ series: string; category: string; value: number }[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => ({ series: e.getAttribute('data-series') ?? '', category: e.getAttribute('data-category') ?? '', value: Number(e.getAttribute('data-value')) })),
  );
}

describe.runIf(runBrowserTests)('run, compare, sensitivity and simulate HTML in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('run: hostile names stay text, nothing runs, no request', async () => {
    const { page, check } = await openClean(browser, await writePage(['run', ...HOSTILE], 'run-hostile.html'));
    for (const text of HOSTILE_TEXTS) expect(await page.getByText(text, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('script, img, b').count()).toBe(0);
    // The warm-up note: the design has no launch state and a trailing_4 window.
    expect(await page.locator('#warm-up').textContent()).toContain('2024-Q1, 2024-Q2, 2024-Q3');
    check();
    await page.close();
  });

  it('run: a design with sellers and one with a dated change render clean, with their sections', async () => {
    // fixtures/sellers: cost rows $0 + $200 + $0 + $96 (seller programme) = $296 (test/run/sellers.test.ts works them out).
    const sellers = await openClean(browser, await writePage(['run', 'fixtures/sellers/program.yaml', '--history', 'fixtures/sellers/history.csv', '--partners', 'fixtures/sellers/partners.csv'], 'run-sellers.html'));
    expect(await sellers.page.locator('#sellers').isVisible()).toBe(true);
    for (const seller of ['acme', 'bolt']) expect(await sellers.page.locator('#sellers').getByText(seller, { exact: false }).count()).toBeGreaterThan(0);
    expect(await sellers.page.getByText('$296.00', { exact: false }).count()).toBeGreaterThan(0);
    sellers.check();
    await sellers.page.close();
    // fixtures/changes: the change of 2025-08-15 and the periods its version evaluated.
    const changes = await openClean(browser, await writePage(['run', 'fixtures/changes/program.yaml', '--history', 'fixtures/changes/history.csv'], 'run-changes.html'));
    expect(await changes.page.locator('#changes').textContent()).toContain('From 2025-08-15 (announced 2025-05-01, 106 days\' notice)');
    changes.check();
    await changes.page.close();
  });

  it.runIf(existsSync('fixtures/sample/history.csv'))('run: the sample page draws the JSON\'s numbers, figures visible at 1280 px and on A4', async () => {
    const summary = JSON.parse(await cli(['run', ...SAMPLE, '--format', 'json'])) as RunSummary;
    const { page, check } = await openClean(browser, await writePage(['run', ...SAMPLE], 'run-sample.html'));
    // Stacked tiers: one segment per tier per period, each the JSON's count.
    const segments = await drawn(page, 'svg.stacked-bar-chart rect.segment');
    const expected = summary.tier_history.flatMap((period) => period.tiers.map((t) => ({ series: t.tier, category: period.period, value: t.partners })));
    expect(segments.sort(byKey)).toEqual(expected.sort(byKey));
    // Every period's bar adds up to the 2,000 partners.
    for (const period of summary.tier_history) expect(segments.filter((s) => s.category === period.period).reduce((a, s) => a + s.value, 0)).toBe(2000);
    // Cost and budget per year.
    const bars = await drawn(page, '#cost svg.bar-chart rect.bar');
    expect(bars).toEqual(summary.budget.by_year.flatMap((y) => [{ series: 'Cost', category: y.year, value: y.cost }, { series: 'Budget (prorated)', category: y.year, value: y.amount }]));
    // Demand against capacity: each capacity-limited reward, window by window.
    const rewards = await drawn(page, '#rewards svg.bar-chart rect.bar');
    expect(rewards).toEqual(
      summary.rewards.flatMap((r) => r.by_window.flatMap((w) => [{ series: `${r.reward}: demand`, category: w.window, value: w.units }, { series: 'capacity', category: w.window, value: w.capacity }])),
    );
    // The sample's design has no launch state: the warm-up note names its periods.
    expect(await page.locator('#warm-up').textContent()).toContain(summary.warm_up?.periods.join(', ') ?? 'missing');
    // total cost, budget used, worst year, liability, breakage.
    await expectFiguresVisible(page, 5);
    expect(await page.locator('[data-key="cost.total"] .value').textContent()).toBe('$1,921,701.90');
    check();
    await page.screenshot({ path: join(OUT, 'run-sample.png') });
    await page.close();
  });

  it('run --pdf: an A4 PDF, the same bytes twice', async () => {
    mkdirSync(OUT, { recursive: true });
    const files = [join(OUT, 'run-a.pdf'), join(OUT, 'run-b.pdf')];
    const env = { CHROMIUM_PATH: browserPath ?? '', SOURCE_DATE_EPOCH: '1700000000' };
    for (const file of files) {
      rmSync(file, { force: true });
      // With --pdf alone the PDF is the report: nothing on stdout.
      expect(await cli(['run', ...HOSTILE, '--pdf', file], env)).toBe('');
    }
    const [a, b] = files.map((f) => readFileSync(f));
    expect(a?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(a ?? Buffer.alloc(0), b ?? Buffer.alloc(0))).toBe(0);
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(a?.toString('latin1') ?? '');
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
  }, 60_000);
});

const byKey = (a: { series: string; category: string }, b: { series: string; category: string }): number =>
  `${a.category}\u0000${a.series}`.localeCompare(`${b.category}\u0000${b.series}`);
