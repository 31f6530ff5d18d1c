import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';

describe('--set on a design with warnings', () => {
  it('prints each warning of the design once, not again after the change', async () => {
    // unreachable-tier.yaml warns about Gold and Platinum (2 warnings); renaming the program
    // adds none, so stderr must hold exactly 2 `unreachable-tier` lines.
    const io = memoryIo();
    await main(['run', 'fixtures/invalid/unreachable-tier.yaml', '--history', 'fixtures/hand/history.csv', '--no-cache', '--set', 'program.name=X'], io);
    expect(io.err().match(/unreachable-tier:/g)).toHaveLength(2);
    expect(io.err()).not.toContain('after --set');
  });
});
