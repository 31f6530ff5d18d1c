/**
 * What the browser tests of the report pages (run, compare, sensitivity, simulate) share:
 * the CLI run in-process, a page written to test-output/, a page opened and watched for
 * console errors, requests and dialogs, and the check that key figures fit on screen and
 * on A4.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { watchedPage } from './browser-harness.js';

export const OUT = resolve('test-output');

/** The command's stdout; it must exit 0. */
export async function cli(args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const io = memoryIo({ env });
  const code = await main([...args, '--quiet', '--no-cache'], io);
  if (code !== 0) throw new Error(`${args[0] ?? ''} exited ${code}: ${io.err()}`);
  return io.out();
}

/** The command's HTML page written to test-output/FILE; its path. */
export async function writePage(args: readonly string[], file: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, file);
  await cli([...args, '--format', 'html', '--out', path, '--force']);
  return path;
}

/** The page at `path`, and a check that it logged no console error, made no request and opened no dialog. */
export async function openClean(browser: Browser, path: string): Promise<{ page: Page; check: () => void }> {
  const w = await watchedPage(browser, { width: 1280, height: 1600 });
  await w.page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return {
    page: w.page,
    check: () => {
      expect(w.consoleErrors).toEqual([]);
      expect(w.networkRequests).toEqual([]);
      expect(w.dialogs).toEqual([]);
    },
  };
}

/** The key figures are on screen at 1280 px and inside an A4 page's width in print (718 px: 210 mm less the 12 mm margins). */
export async function expectFiguresVisible(page: Page, count: number): Promise<void> {
  for (const [media, width] of [['screen', 1280], ['print', 718]] as const) {
    await page.emulateMedia({ media });
    await page.setViewportSize({ width, height: 1000 });
    const boxes = await page.locator('.figure').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top, width: r.width })));
    expect(boxes).toHaveLength(count);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThan(60);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
      expect(box.top).toBeLessThan(1000);
    }
    for (const el of await page.locator('.figure').all()) expect(await el.isVisible()).toBe(true);
  }
  await page.emulateMedia({ media: 'screen' });
}
