/**
 * compare reads the history once, however many columns it replays: the history loader
 * is wrapped to count its calls.
 */
import { describe, expect, it, vi } from 'vitest';
import { cli, DESIGN, HISTORY } from './cli-helpers.js';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/cli/load-history.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/cli/load-history.js')>();
  return {
    ...original,
    loadHistoryForCommand: (...args: Parameters<typeof original.loadHistoryForCommand>) => {
      calls.n++;
      return original.loadHistoryForCommand(...args);
    },
  };
});

describe('compare', () => {
  it('loads the history once for five columns', async () => {
    calls.n = 0;
    const r = await cli('compare', DESIGN, 'fixtures/whatif/design-richer.yaml', 'fixtures/whatif/design-no-webinar.yaml', 'fixtures/whatif/design.yaml', 'fixtures/whatif/design-richer.yaml', '--history', HISTORY, '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { columns: string[] }).columns).toHaveLength(5);
    expect(calls.n).toBe(1);
  });

  it('and once for a design and its scenarios', async () => {
    calls.n = 0;
    const r = await cli('compare', DESIGN, '--scenario', 'double_deal', '--scenario', 'double_webinar', '--scenario', 'strict_gold', '--history', HISTORY, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(calls.n).toBe(1);
  });
});
