/**
 * A did-you-mean for a path that does not exist: from the deepest folder that does,
 * each missing name is replaced by the closest sibling (`programs/lifecyle.yaml` →
 * `programs/lifecycle.yaml`, `programz/lifecycle.yaml` → `programs/lifecycle.yaml`).
 * The guess is only offered when the repaired path exists. The names are compared by the
 * one did-you-mean module, as every other unknown name is.
 */
import { existsSync, readdirSync } from 'node:fs';
import { closest } from '../diagnostics/did-you-mean.js';

/** The folder's entries, or none when it cannot be listed (no such folder, no permission). */
function entries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * The existing path closest to `path` as the user wrote it (same separators style: `/`),
 * or undefined. `resolve` turns a path as written into one the file system opens (the
 * command's working folder).
 */
export function nearestExistingPath(path: string, resolve: (path: string) => string): string | undefined {
  const absolute = path.startsWith('/');
  const segments = path.split(/[\\/]/).filter((s) => s !== '');
  let sofar = absolute ? '/' : '';
  const join = (base: string, name: string) => (base === '' ? name : base.endsWith('/') ? `${base}${name}` : `${base}/${name}`);
  for (const segment of segments) {
    const next = join(sofar, segment);
    if (existsSync(resolve(next))) {
      sofar = next;
      continue;
    }
    const guess = closest(segment, entries(resolve(sofar === '' ? '.' : sofar)));
    if (guess === undefined) return undefined;
    sofar = join(sofar, guess);
  }
  return sofar !== '' && sofar !== path && existsSync(resolve(sofar)) ? sofar : undefined;
}
