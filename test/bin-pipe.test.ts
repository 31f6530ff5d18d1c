import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('bin/pointsmith.js in a pipe', () => {
  it('stops quietly with exit 0 when the reader goes away (`| head`)', async () => {
    // The sample's HTML transition report (~0.5 MB) is far larger than a pipe's buffer.
    const args = ['bin/pointsmith.js', 'transition', 'programs/lifecycle.yaml', '--history', 'fixtures/sample/history.csv',
      '--partners', 'fixtures/sample/partners.csv', '--format', 'html', '--no-cache'];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    // Read one chunk, then close our end as `head -1` would.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).not.toContain('EPIPE');
    expect(err).not.toMatch(/\n\s+at /);
    expect(code).toBe(0);
  });
});
