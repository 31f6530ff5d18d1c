/**
 * Where --pdf looks for a browser: CHROMIUM_PATH, then the PATH (against a fake PATH of
 * temp folders holding fake executables; no real browser needed), then the install
 * locations of macOS, Windows and Linux (other systems stood in for by `isExecutable`).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/cli/browser.js';

const root = mkdtempSync(join(tmpdir(), 'pointsmith-browser-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder with the named files; executable unless listed in `plain`. */
function folder(name: string, files: string[], plain: string[] = []): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const file of [...files, ...plain]) {
    writeFileSync(join(dir, file), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, file), plain.includes(file) ? 0o644 : 0o755);
  }
  return dir;
}

const nothing = () => false;

describe('browser discovery', () => {
  it('takes CHROMIUM_PATH first, even when the PATH has a browser', () => {
    const a = folder('env-first', ['chromium', 'my-chrome']);
    expect(findBrowser({ CHROMIUM_PATH: join(a, 'my-chrome'), PATH: a }, { platform: 'linux' })).toEqual({ path: join(a, 'my-chrome') });
  });

  it('refuses a CHROMIUM_PATH that is not executable, without looking further', () => {
    const a = folder('env-plain', ['chromium'], ['not-exec']);
    expect(findBrowser({ CHROMIUM_PATH: join(a, 'not-exec'), PATH: a }, { platform: 'linux' })).toEqual({ missing: `CHROMIUM_PATH is ${join(a, 'not-exec')}, which is not an executable file` });
  });

  it('finds a browser on the PATH by its usual names, the preferred name first whatever the folder order', () => {
    const first = folder('path-1', ['google-chrome']);
    const second = folder('path-2', ['chromium-browser']);
    // chromium-browser comes before google-chrome in the list of names, so the second folder wins.
    expect(findBrowser({ PATH: `${first}:${second}` }, { platform: 'linux' })).toEqual({ path: join(second, 'chromium-browser') });
    const edge = folder('path-edge', ['microsoft-edge']);
    expect(findBrowser({ PATH: edge }, { platform: 'linux' })).toEqual({ path: join(edge, 'microsoft-edge') });
  });

  it('skips a file on the PATH that is not executable', () => {
    const a = folder('path-plain', [], ['chromium']);
    const b = folder('path-chrome', ['chrome']);
    expect(findBrowser({ PATH: `${a}:${b}` }, { platform: 'linux' })).toEqual({ path: join(b, 'chrome') });
  });

  it('looks in /Applications and ~/Applications on macOS', () => {
    const chrome = '/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ PATH: '/usr/bin:/bin', HOME: '/Users/ana' }, { platform: 'darwin', isExecutable: (p) => p === chrome })).toEqual({ path: chrome });
  });

  it('looks in Program Files and the user\'s AppData on Windows, with .exe names and a ;-separated Path', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ Path: 'C:\\Windows;C:\\Tools' }, { platform: 'win32', isExecutable: (p) => p === edge })).toEqual({ path: edge });
    const onPath = 'C:\\Tools\\chrome.exe';
    expect(findBrowser({ Path: 'C:\\Windows;C:\\Tools' }, { platform: 'win32', isExecutable: (p) => p === onPath || p === edge })).toEqual({ path: onPath });
    const local = 'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, { platform: 'win32', isExecutable: (p) => p === local })).toEqual({ path: local });
  });

  it('lists every place it looked when there is none', () => {
    const r = findBrowser({ PATH: '/opt/a:/opt/b', HOME: '/Users/ana' }, { platform: 'darwin', isExecutable: nothing });
    expect(r).toEqual({
      missing:
        'no Chromium, Chrome or Edge found: CHROMIUM_PATH is not set; looked for chromium, chromium-browser, google-chrome, google-chrome-stable, microsoft-edge, chrome on the PATH (/opt/a:/opt/b), then at ' +
        '/Applications/Chromium.app/Contents/MacOS/Chromium, /Applications/Google Chrome.app/Contents/MacOS/Google Chrome, /Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge, ' +
        '/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium, /Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome, /Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge; ' +
        "install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to the browser's executable",
    });
  });

  it('falls back to the fixed Linux locations (a service whose PATH leaves /usr/bin out, a snap)', () => {
    expect(findBrowser({ PATH: '/nowhere' }, { platform: 'linux', isExecutable: (p) => p === '/snap/bin/chromium' })).toEqual({ path: '/snap/bin/chromium' });
    const none = findBrowser({}, { platform: 'linux', isExecutable: nothing });
    expect('missing' in none && none.missing).toContain('on the PATH (empty), then at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /usr/bin/google-chrome-stable, /usr/bin/microsoft-edge, /snap/bin/chromium;');
  });
});

