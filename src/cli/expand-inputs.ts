/**
 * Turns the files and folders a user names into the list of designs to read: a file is
 * taken as given (whatever its extension), a folder contributes every .yaml / .yml file
 * inside it, recursively, sorted, so the same tree always gives the same order.
 * Names stay as the user spelled them (`programs/` → `programs/lifecycle.yaml`), because
 * diagnostics print them.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';
import { nearestExistingPath } from './path-suggestion.js';

const DESIGN_FILE = /\.ya?ml$/i;
/** Folders no design lives in; walking them would only be slow. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export async function expandInputs(ctx: CommandContext, inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = ctx.path(file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(file);
  };
  for (const input of inputs) {
    const info = await stat(ctx.path(input)).catch((error: NodeJS.ErrnoException) => {
      throw unreadable(input, error, (p) => ctx.path(p));
    });
    if (!info.isDirectory()) {
      add(input);
      continue;
    }
    const found = (await walk(ctx.path(input))).sort(byCodeUnit);
    if (found.length === 0) {
      throw new UserError(`no .yaml or .yml files in folder ${input}`, { hint: 'name a design file, or a folder that holds designs' });
    }
    for (const rel of found) add(join(input, rel));
  }
  return out;
}

async function walk(dir: string, prefix = ''): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw unreadable(prefix === '' ? dir : prefix, error as NodeJS.ErrnoException);
  }
  const files: string[] = [];
  for (const entry of entries) {
    const rel = prefix === '' ? entry.name : join(prefix, entry.name);
    if (entry.isDirectory()) {
      // Hidden folders (.git, .github) hold no designs to check.
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) files.push(...(await walk(join(dir, entry.name), rel)));
    } else if (DESIGN_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      files.push(rel);
    }
  }
  return files;
}

/** Plain code-unit order: the same on every machine, whatever its locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One message for a file that cannot be read. `resolve` (the command's working folder) lets
 * a missing path get a did-you-mean among the files that do exist.
 */
export function unreadable(path: string, error: NodeJS.ErrnoException, resolve?: (path: string) => string): UserError {
  switch (error.code) {
    case 'ENOENT': {
      const guess = resolve === undefined ? undefined : nearestExistingPath(path, resolve);
      return new UserError(`cannot read ${path}: no such file or folder`, {
        hint: guess !== undefined ? `did you mean \`${guess}\`?` : 'check the path (relative paths start from the current folder)',
      });
    }
    case 'ENOTDIR':
      return new UserError(`cannot read ${path}: a part of the path is a file, not a folder`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`cannot read ${path}: permission denied`);
    case 'EISDIR':
      return new UserError(`cannot read ${path}: it is a folder, not a file`, { hint: 'name a design file inside it' });
    default:
      return new UserError(`cannot read ${path}: ${error.message}`);
  }
}
