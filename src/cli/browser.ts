/**
 * Finding a Chromium-family browser for `--pdf` and the browser tests, on the three desktop
 * systems: `CHROMIUM_PATH` when set (it must be an executable file), else the first of the
 * usual command names on the `PATH`, else the usual install locations of this system
 * (macOS's /Applications, Windows' Program Files, Linux's snap). When none is found, the
 * message lists every place looked at, so the user can tell what to install or set.
 */
import { accessSync, constants } from 'node:fs';
import { posix, win32 } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** Command names of Chromium, Chrome and Edge, in order of preference (Debian's `chromium` first). */
export const BROWSER_COMMANDS: readonly string[] = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'chrome'];

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

/** The folders of the PATH (Windows spells it `Path` and separates with `;`). */
export function pathFolders(env: Env, platform: NodeJS.Platform): string[] {
  const value = env.PATH ?? env.Path ?? '';
  return value.split(platform === 'win32' ? ';' : ':').filter((folder) => folder !== '');
}

/** The command names as files: Windows adds `.exe`, and knows Edge as `msedge`. */
function commandFiles(platform: NodeJS.Platform): string[] {
  return platform === 'win32' ? [...BROWSER_COMMANDS, 'msedge'].map((name) => `${name}.exe`) : [...BROWSER_COMMANDS];
}

/** Where the installers put the browsers, per system; Windows' from its environment. */
export function installLocations(env: Env, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const home = env.HOME === undefined || env.HOME === '' ? [] : [posix.join(env.HOME, 'Applications')];
    return ['/Applications', ...home].flatMap((folder) => apps.map((app) => posix.join(folder, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter(
      (root): root is string => root !== undefined && root !== '',
    );
    const apps = [['Google', 'Chrome', 'Application', 'chrome.exe'], ['Chromium', 'Application', 'chrome.exe'], ['Microsoft', 'Edge', 'Application', 'msedge.exe']];
    return apps.flatMap((app) => roots.map((root) => win32.join(root, ...app)));
  }
  // Linux and the rest: where distributions install when the PATH of a service leaves /usr/bin out.
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'];
}

export type BrowserLookup = { path: string } | { missing: string };

export interface BrowserSearch {
  /** The system whose conventions apply; the running one by default. */
  readonly platform?: NodeJS.Platform;
  /** Whether a path is an executable file; the file system by default (tests stand in for other systems). */
  readonly isExecutable?: (path: string) => boolean;
}

export function findBrowser(env: Env, search: BrowserSearch = {}): BrowserLookup {
  const platform = search.platform ?? process.platform;
  const isExecutable = search.isExecutable ?? executable;
  const configured = env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') {
    return isExecutable(configured) ? { path: configured } : { missing: `CHROMIUM_PATH is ${configured}, which is not an executable file` };
  }
  const join = platform === 'win32' ? win32.join : posix.join;
  const folders = pathFolders(env, platform);
  const names = commandFiles(platform);
  // Name by name, as `which chromium` then `which chromium-browser`...: the preferred browser wins over PATH order.
  for (const name of names) {
    for (const folder of folders) {
      const path = join(folder, name);
      if (isExecutable(path)) return { path };
    }
  }
  const locations = installLocations(env, platform);
  const found = locations.find(isExecutable);
  if (found !== undefined) return { path: found };
  const onPath = folders.length === 0 ? 'the PATH (empty)' : `the PATH (${folders.join(platform === 'win32' ? ';' : ':')})`;
  return {
    missing:
      `no Chromium, Chrome or Edge found: CHROMIUM_PATH is not set; looked for ${names.join(', ')} on ${onPath}, ` +
      `then at ${locations.join(', ')}; install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to the browser's executable`,
  };
}
