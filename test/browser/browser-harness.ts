/**
 * Opening pages in a real headless Chromium for tests. Without a browser the tests skip
 * locally with a message, and fail in CI (`CI` set), where `.ci/run` installs one.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { BROWSER_ARGS, findBrowser } from '../../src/cli/browser.js';

const lookup = findBrowser(process.env);
export const browserPath: string | undefined = 'path' in lookup ? lookup.path : undefined;
export const browserMissing: string | undefined = 'missing' in lookup ? lookup.missing : undefined;
/** Run the browser tests: a browser is there, or we are in CI (where its absence must fail). */
export const runBrowserTests = browserPath !== undefined || (process.env.CI !== undefined && process.env.CI !== '');

if (!runBrowserTests) {
  process.stderr.write(`browser tests skipped: ${browserMissing ?? 'no browser'} (they fail instead when CI is set)\n`);
}

export async function launch(): Promise<Browser> {
  if (browserPath === undefined) throw new Error(`no browser for the browser tests: ${browserMissing ?? ''}`);
  return chromium.launch({ executablePath: browserPath, args: [...BROWSER_ARGS] });
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  /** Every request the page made that is neither the file itself nor a data: URL. */
  networkRequests: string[];
  dialogs: string[];
}

/** A page that records console errors, page errors, dialogs, and refuses (and records) any network request. */
export async function watchedPage(browser: Browser, viewport = { width: 1200, height: 1600 }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const watched: Watched = { page, consoleErrors: [], networkRequests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(error.message));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && url !== 'about:blank') watched.networkRequests.push(url);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
  });
  return watched;
}
