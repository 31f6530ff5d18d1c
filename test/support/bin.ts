/** Runs the real bin/ entry (as a user would) from the repository's root, colour off. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/pointsmith.js', import.meta.url));
const exec = promisify(execFile);

export async function pointsmith(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    // --no-cache: tests never read or write the user's history cache (the commands that read no history have none).
    const cache = ['validate', 'schema', 'generate', 'init'].includes(args[0] ?? '') ? [] : ['--no-cache'];
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args, ...cache], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: e.stdout ?? '', err: e.stderr ?? '' };
  }
}
