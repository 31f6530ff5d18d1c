/**
 * `--pdf FILE`: prints a self-contained HTML report to an A4 PDF with headless Chromium,
 * driven by playwright-core. The page is loaded from a string and every request it might
 * make is refused, so printing needs no network and reads no file.
 */
import { formatDay, parseDay } from '../history/day.js';
import { fixPdfMetadata, PdfMetadataError } from '../report/pdf/fixed-metadata.js';
import { UserError } from './errors.js';
import { BROWSER_ARGS, findBrowser } from './browser.js';

/** What the PDF's dates come from, for the choice below. */
export interface PdfDateSources {
  /** The history's last event day (days since 1970-01-01 UTC); undefined for an empty history. */
  historyLastDay: number | undefined;
  /** The design's `program.starts` / `program.ends` (ISO dates). */
  starts: string;
  ends: string | undefined;
}

/**
 * The instant written as the PDF's /CreationDate and /ModDate, so the same inputs give
 * the same bytes: `SOURCE_DATE_EPOCH` (whole seconds since 1970, the reproducible-builds
 * convention) when set; else midnight UTC of the history's last event day (the report
 * describes the data up to that day); else midnight UTC of the program's `ends`, or of its
 * `starts` when it has none. Never the wall clock.
 */
export function pdfDate(env: Readonly<Record<string, string | undefined>>, sources: PdfDateSources): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const seconds = /^\d{1,11}$/.test(epoch) ? Number(epoch) : NaN;
    // The PDF date format has four year digits: up to 9999-12-31T23:59:59Z.
    if (!Number.isSafeInteger(seconds) || seconds > 253402300799) {
      throw new UserError(`SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}, expected whole seconds since 1970-01-01 (0 to 253402300799)`, {
        hint: 'e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it to date the PDF by the history\'s last event',
      });
    }
    return new Date(seconds * 1000);
  }
  if (sources.historyLastDay !== undefined) return new Date(`${formatDay(sources.historyLastDay)}T00:00:00Z`);
  const day = parseDay(sources.ends ?? sources.starts);
  return new Date(typeof day === 'number' ? `${formatDay(day)}T00:00:00Z` : 0);
}

/** Prints `html` to an A4 PDF whose dates are `at` and whose /ID (if any) follows from its content. */
export async function printPdf(html: string, env: Readonly<Record<string, string | undefined>>, at: Date): Promise<Uint8Array> {
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
    try {
      return fixPdfMetadata(new Uint8Array(pdf), at);
    } catch (error) {
      if (!(error instanceof PdfMetadataError)) throw error;
      throw new UserError(`cannot make the PDF reproducible: ${error.message}`, { hint: 'this Chromium writes PDF metadata pointsmith does not know; report it with `chromium --version`' });
    }
  } finally {
    await browser.close();
  }
}
