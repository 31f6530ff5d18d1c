/**
 * `--pdf FILE`: prints a self-contained HTML report to an A4 PDF with headless Chromium,
 * driven by playwright-core. The page is loaded from a string and every request it might
 * make is refused, so printing needs no network and reads no file.
 */
import { UserError } from './errors.js';
import { BROWSER_ARGS, findBrowser } from './browser.js';

export async function printPdf(html: string, env: Readonly<Record<string, string | undefined>>): Promise<Uint8Array> {
  const browserPath = findBrowser(env);
  if ('missing' in browserPath) {
    throw new UserError(`cannot print the PDF: ${browserPath.missing}`, { hint: 'or write the HTML with --format html --out report.html and print it from a browser' });
  }
  // Loaded on demand: only --pdf needs a browser driver.
  const { chromium } = await import('playwright-core').catch(() => {
    throw new UserError('cannot print the PDF: the playwright-core package is not installed', { hint: 'npm install playwright-core' });
  });
  const browser = await chromium.launch({ executablePath: browserPath.path, args: [...BROWSER_ARGS] });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      return url.startsWith('data:') || url === 'about:blank' ? route.continue() : route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
