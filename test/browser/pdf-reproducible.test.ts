/**
 * `transition --pdf` is reproducible (issue 13, item 5): the same inputs give the same
 * PDF bytes, dated by SOURCE_DATE_EPOCH when set, else by the history's last event day.
 * Printing needs Chromium (skipped without one, failing in CI, as the other browser tests).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { readPdfMetadata } from '../../src/report/pdf/fixed-metadata.js';
import { browserPath, runBrowserTests } from './browser-harness.js';

const HAND = ['fixtures/transition/program.yaml', '--history', 'fixtures/transition/history.csv', '--partners', 'fixtures/transition/partners.csv'];
const dir = mkdtempSync(join(tmpdir(), 'pointsmith-pdf-'));

async function printTo(file: string, env: Record<string, string> = {}): Promise<Uint8Array> {
  const path = join(dir, file);
  const io = memoryIo({ env: { ...env, ...(browserPath !== undefined ? { CHROMIUM_PATH: browserPath } : {}) } });
  const code = await main(['transition', ...HAND, '--pdf', path, '--quiet', '--no-cache'], io);
  if (code !== 0) throw new Error(`transition exited ${code}: ${io.err()}`);
  return readFileSync(path);
}

describe.runIf(runBrowserTests)('transition --pdf is reproducible', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two runs a second apart give identical bytes, dated by the history\'s last event day', async () => {
    const first = await printTo('a.pdf');
    await new Promise((done) => setTimeout(done, 1100)); // Chromium's own dates have whole seconds
    const second = await printTo('b.pdf');
    expect(Buffer.from(first).toString('latin1').startsWith('%PDF-')).toBe(true);
    expect(Buffer.compare(first, second)).toBe(0);
    // fixtures/transition/history.csv ends on 2024-11-15.
    const meta = readPdfMetadata(first);
    expect(meta.creationDate).toBe("D:20241115000000+00'00'");
    expect(meta.modDate).toBe("D:20241115000000+00'00'");
  }, 60_000);

  it('SOURCE_DATE_EPOCH sets both dates', async () => {
    const pdf = await printTo('epoch.pdf', { SOURCE_DATE_EPOCH: '1700000000' });
    const meta = readPdfMetadata(pdf);
    expect(meta.creationDate).toBe("D:20231114221320+00'00'");
    expect(meta.modDate).toBe("D:20231114221320+00'00'");
  }, 60_000);
});
