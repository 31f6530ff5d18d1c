/**
 * Where a command's report goes: stdout, or `--out FILE`. The file is written whole to a
 * temporary file in the same folder, then put in place with a no-replace primitive:
 * `link(temp, target)` fails with EEXIST when the target exists, so of several writers
 * racing for one new file exactly one wins and the others are refused (exit 2). The
 * existence check up front (`assertWritable`) only saves slow work; the link is what
 * decides. With --force the temp file is renamed over the target instead (atomic
 * replace). Either way a reader never sees half a report.
 *
 * Temp files are named `.<target>.<pid>.<random>.tmp`: removed on any failure and on
 * SIGINT/SIGTERM while writing; one left by a process that no longer runs (kill -9, a
 * power cut) is removed by the next write beside the same target.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from './errors.js';

/**
 * Refuses a target that could not be written: a folder, a missing folder, or an existing
 * file without --force. Commands that do slow or interactive work call it up front, so
 * the user is not told after the work (or the questions) that it was for nothing.
 */
export async function assertWritable(path: string, force: boolean, flag = '--out', shown = path): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UserError(`cannot write ${shown}: it is a folder`, { hint: `give a file name to ${flag}` });
  if (existing && !force) throw alreadyExists(shown, flag);
  const folder = await stat(dirname(resolve(path))).catch(() => undefined);
  if (!folder?.isDirectory()) {
    throw new UserError(`cannot write ${shown}: folder ${dirname(shown)} does not exist`, { hint: `create it first, or choose another ${flag} file` });
  }
}

function alreadyExists(shown: string, flag: string): UserError {
  return new UserError(`${shown} already exists; not overwriting it`, { hint: `add --force to replace it, or choose another ${flag} file` });
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function processIsGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes our temp files beside `path` whose writer no longer runs. */
async function removeStaleTemps(path: string): Promise<void> {
  const dir = dirname(path);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (m === null || m[1] !== basename(path) || !processIsGone(Number(m[2]))) continue;
    await unlink(join(dir, name)).catch(() => undefined);
  }
}

/** Runs `work` with the temp file removed if SIGINT or SIGTERM arrives meanwhile; the signal then takes its usual course. */
async function withTempRemovedOnSignal<T>(temp: string, work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals): void => {
    try {
      unlinkSync(temp);
    } catch {
      // not created yet, or already gone
    }
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `data` may come in pieces (a report too large to hold as one string): they are written in order into the same temp file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>, force: boolean, flag = '--out', shown = path): Promise<void> {
  await assertWritable(path, force, flag, shown);
  const target = resolve(path);
  await removeStaleTemps(target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await withTempRemovedOnSignal(temp, async () => {
    try {
      await writeFile(temp, data, { flag: 'wx' });
      if (force) {
        await rename(temp, target);
        return;
      }
      await link(temp, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw alreadyExists(shown, flag);
        throw error;
      });
    } finally {
      // After a rename the temp is gone; after a link (or a failure) it is removed here.
      await unlink(temp).catch(() => undefined);
    }
  });
}
