/**
 * Finding a Chromium for `--pdf` and the browser tests: `CHROMIUM_PATH` when set (it must
 * exist), else the usual install locations (Debian's `chromium` package first).
 */
import { accessSync, constants } from 'node:fs';

export const BROWSER_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** Flags for a headless, quiet, offline browser (no sandbox: CI containers run as root). */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type BrowserLookup = { path: string } | { missing: string };

export function findBrowser(env: Readonly<Record<string, string | undefined>>): BrowserLookup {
  const configured = env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') {
    return executable(configured) ? { path: configured } : { missing: `CHROMIUM_PATH is ${configured}, which is not an executable file` };
  }
  const found = BROWSER_CANDIDATES.find(executable);
  return found !== undefined
    ? { path: found }
    : { missing: `no Chromium found (looked at ${BROWSER_CANDIDATES.join(', ')}); install it (Debian: apt-get install chromium) or set CHROMIUM_PATH` };
}
