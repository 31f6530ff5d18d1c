/**
 * The transition report opened in a real headless Chromium: it renders the matrix and the
 * three charts, logs no console error, makes no network request, runs no script (a
 * hostile partner name stays text), and leaves screenshots in test-output/ to look at.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { launch, runBrowserTests, watchedPage } from './browser-harness.js';

const OUT = resolve('test-output');

async function writeReport(args: readonly string[], file: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, file);
  const io = memoryIo();
  const code = await main(['transition', ...args, '--format', 'html', '--out', path, '--force', '--quiet', '--no-cache'], io);
  if (code !== 0) throw new Error(`transition exited ${code}: ${io.err()}`);
  return path;
}

const SAMPLE = ['programs/lifecycle.yaml', '--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv'];
const HAND = ['fixtures/transition/program.yaml', '--history', 'fixtures/transition/history.csv', '--partners', 'fixtures/transition/partners.csv'];

describe.runIf(runBrowserTests)('transition HTML in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the matrix and the charts, offline, with no console error and no script run', async () => {
    const path = await writeReport(HAND, 'transition-hand.html');
    const w = await watchedPage(browser);
    await w.page.goto(pathToFileURL(path).href, { waitUntil: 'load' });

    // The heat map: 3 legacy rows ((none), Silver, Gold) × 3 tiers = 9 cells, and the two bar charts.
    const charts = w.page.locator('svg.chart');
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const box = await charts.nth(i).boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(100);
    }
    expect(await w.page.locator('svg.heat-map rect.cell').count()).toBe(9);
    expect(await w.page.locator('svg.bar-chart rect.bar').count()).toBeGreaterThan(0);
    expect(await w.page.locator('table.matrix tbody tr').count()).toBe(3);

    // The hostile partner name is on the page as text, and nothing ran.
    expect(await w.page.getByText('<script>alert(1)</script> & "Co"').count()).toBeGreaterThan(0);
    expect(await w.page.locator('script').count()).toBe(0);
    expect(w.dialogs).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.networkRequests).toEqual([]);
    await w.page.screenshot({ path: join(OUT, 'transition-hand.png'), fullPage: true });
  });

  it.runIf(existsSync('fixtures/sample/history.csv'))('renders the sample report cleanly and screenshots its first screens', async () => {
    const path = await writeReport(SAMPLE, 'transition-sample.html');
    expect(statSync(path).size).toBeGreaterThan(0);
    const w = await watchedPage(browser, { width: 1200, height: 2600 });
    await w.page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
    expect(await w.page.locator('svg.chart').count()).toBe(3);
    const heat = await w.page.locator('svg.heat-map').boundingBox();
    expect(heat?.width ?? 0).toBeGreaterThan(100);
    expect(w.consoleErrors).toEqual([]);
    expect(w.networkRequests).toEqual([]);
    // 2,000 partners: the named lists stop at --top's default of 50, and say so.
    expect(await w.page.locator('#partners tbody tr').count()).toBe(50);
    expect(await w.page.getByText('Showing the first 50 of').count()).toBe(1);
    // The five headline figures sit on one row, on screen and on an A4 page.
    for (const media of ['screen', 'print'] as const) {
      await w.page.emulateMedia({ media });
      if (media === 'print') await w.page.setViewportSize({ width: 700, height: 1000 });
      const tops = await w.page.locator('.figure').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(tops).toHaveLength(5);
      expect(new Set(tops).size).toBe(1);
    }
    await w.page.emulateMedia({ media: 'screen' });
    await w.page.setViewportSize({ width: 1200, height: 2600 });
    await w.page.screenshot({ path: join(OUT, 'transition-sample.png') });
  });

  it('prints the report to an A4 PDF with --pdf', async () => {
    mkdirSync(OUT, { recursive: true });
    const pdf = join(OUT, 'transition-hand.pdf');
    rmSync(pdf, { force: true });
    const io = memoryIo({ env: { CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '' } });
    const code = await main(['transition', ...HAND, '--no-cache', '--pdf', pdf], io);
    expect(io.err()).toBe(`wrote ${pdf}\n`);
    expect(code).toBe(0);
    // With --pdf alone, the PDF is the report: nothing on stdout.
    expect(io.out()).toBe('');
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A4 portrait is 595 × 842 points; at least two pages (the at-risk list starts a new one).
    const text = bytes.toString('latin1');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
    expect(Math.round(Number(box?.[1]))).toBe(595);
    expect(Math.round(Number(box?.[2]))).toBe(842);
    expect((text.match(/\/Type \/Page\s/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});
