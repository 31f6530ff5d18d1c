/** Runs the CLI in-process on the what-if fixture. */
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';

export const DESIGN = 'fixtures/whatif/design.yaml';
export const HISTORY = 'fixtures/whatif/history.csv';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  // --no-cache: tests never read or write the user's history cache.
  const withCache = argv.includes('--history') ? [...argv, '--no-cache'] : argv;
  const code = await main(withCache, io);
  return { code, out: io.out(), err: io.err() };
}
