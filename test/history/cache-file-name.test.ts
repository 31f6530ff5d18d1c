import { copyFileSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';

describe('history cache and file names', () => {
  it('a bad row served from the cache is reported under the name the user gives now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-cache-name-'));
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    // Same bytes under two names (copyFileSync keeps the content; the cache key is the content).
    copyFileSync('fixtures/history/bad/impossible-date.csv', join(dir, 'first.csv'));
    copyFileSync('fixtures/history/bad/impossible-date.csv', join(dir, 'second.csv'));
    // The key holds size, mtime and content: give both the same mtime, as `cp -p` would.
    const when = new Date('2024-06-01T00:00:00Z');
    utimesSync(join(dir, 'first.csv'), when, when);
    utimesSync(join(dir, 'second.csv'), when, when);
    const design = join(process.cwd(), 'fixtures/history/design.yaml');

    const first = memoryIo({ cwd: dir, env });
    expect(await main(['run', design, '--history', 'first.csv'], first)).toBe(2);
    // Row 2 (line 3) holds 2024-02-30.
    expect(first.err()).toContain('first.csv:3:2');

    const second = memoryIo({ cwd: dir, env });
    expect(await main(['run', design, '--history', 'second.csv'], second)).toBe(2);
    expect(second.err()).toContain('second.csv:3:2');
    expect(second.err()).not.toContain('first.csv');
  });
});

describe('rows outside the program dates', () => {
  it('run warns on stderr (the replay ignores them) and still reports', async () => {
    // fixtures/hand: one row before 2024-01-01 (line 2) and one after 2024-12-31 (line 21).
    const io = memoryIo();
    expect(await main(['run', 'fixtures/hand/program.yaml', '--history', 'fixtures/hand/history.csv', '--no-cache'], io)).toBe(0);
    expect(io.err()).toContain('warning: fixtures/hand/history.csv:2:2: csv-row-before-program: 1 row(s) dated before the program starts');
    expect(io.err()).toContain('warning: fixtures/hand/history.csv:21:2: csv-row-after-program');
  });
});
