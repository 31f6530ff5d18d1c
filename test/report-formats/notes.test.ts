/**
 * generate's and init's `text` format: one line on stderr, naming what was written. The
 * paths are the user's (--out), so they pass the terminal sanitiser like any other text.
 */
import { describe, expect, it } from 'vitest';
import { renderGenerateText } from '../../src/report/generate/text.js';
import { renderInitText } from '../../src/report/init/text.js';
import { DEFAULT_STARTER } from '../../src/program/starter.js';

const file = (path: string, kind: 'history' | 'partners', rows: number) => ({ path, kind, rows, bytes: 1, sha256: '0' });

describe('the note formats', () => {
  it('generate: the two files, the rows and the span', () => {
    const report = { files: [file('data/history.csv', 'history', 35_796), file('data/partners.csv', 'partners', 500)], partners: 500, from: '2024-01-01', to: '2025-12-31', seed: 42, program: null, profile: null };
    expect(renderGenerateText(report)).toBe('wrote data/history.csv (35796 rows, 2024-01-01 to 2025-12-31) and data/partners.csv (500 partners)');
  });

  it('init: the design and the command to run next', () => {
    expect(renderInitText({ file: 'programs/mine.yaml', bytes: 1, sha256: '0', defaults: true, answers: DEFAULT_STARTER, history: null })).toBe(
      'wrote programs/mine.yaml; next: pointsmith validate programs/mine.yaml',
    );
  });

  it('a control character in a path is shown as an escape, on the one line', () => {
    const text = renderInitText({ file: 'a\n::error::x.yaml', bytes: 1, sha256: '0', defaults: true, answers: DEFAULT_STARTER, history: null });
    expect(text).toBe('wrote a\\n::error::x.yaml; next: pointsmith validate a\\n::error::x.yaml');
  });
});
