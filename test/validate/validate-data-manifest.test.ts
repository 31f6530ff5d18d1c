/**
 * `validate DESIGN --data MANIFEST`: the files a manifest names, read as it says, checked
 * against the design as `run --data` reads them (the same warnings, at the same keys), and
 * the usage errors around it.
 */
import { describe, expect, it } from 'vitest';
import { pointsmith } from '../support/bin.js';

const DESIGN = 'fixtures/data-warnings/design.yaml';
const MANIFEST = 'fixtures/data-warnings/sources.yaml';

describe('validate --data', () => {
  it('says what run --data says about the data: the two design values no row or partner has, exit 0', async () => {
    const v = await pointsmith('validate', DESIGN, '--data', MANIFEST, '--format', 'json');
    expect(v.code).toBe(0);
    const doc = JSON.parse(v.out) as { diagnostics: { code: string; line: number; col: number }[] };
    // The manifest maps the regions and `Webinar Hosted`; product `onprem` (13:29) and segment `var` (27:5) stay unmatched.
    expect(doc.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['design-value-not-in-data', 13, 29],
      ['design-value-not-in-data', 27, 5],
    ]);
    const run = await pointsmith('run', DESIGN, '--data', MANIFEST, '--format', 'json');
    expect(run.err.split('\n').filter((l) => l.startsWith('warning:')).map((l) => /:(\d+):(\d+):/.exec(l)?.slice(1).join(':'))).toEqual(['13:29', '27:5']);
  });

  it('--strict turns the warnings into a failure, exit 1', async () => {
    const v = await pointsmith('validate', DESIGN, '--data', MANIFEST, '--strict');
    expect(v.code).toBe(1);
  });

  it('reads the European export as its manifest says (windows-1252, decimal commas, DD.MM.YYYY): no bad row', async () => {
    const v = await pointsmith('validate', 'programs/lifecycle.yaml', '--data', 'fixtures/exports/european/data.yaml', '--format', 'json');
    expect(v.code).toBe(0);
    const doc = JSON.parse(v.out) as { diagnostics: { code: string }[] };
    expect(doc.diagnostics.filter((d) => d.code.startsWith('csv-'))).toEqual([]);
  });

  it.each([
    [['programs/lifecycle.yaml', '--data', MANIFEST, '--history', 'x.csv'], 'error: --data names the history and partners files and their columns: give it without --history, --partners and --column\n'],
    [['programs/', '--data', MANIFEST], 'error: --data checks the data against one design, but 6 design files were given\nhint: name one design file with --data, and validate the others separately\n'],
  ])('bad usage: %j (exit 2, nothing on stdout)', async (args, message) => {
    const v = await pointsmith('validate', ...args);
    expect(v.code).toBe(2);
    expect(v.out).toBe('');
    expect(v.err.startsWith(message)).toBe(true);
  });

  it('a manifest key it does not know is an error at its line, exit 2', async () => {
    const v = await pointsmith('validate', 'programs/lifecycle.yaml', '--data', 'test/history/fixtures/bad-manifest.yaml');
    expect(v.code).toBe(2);
    expect(v.err).toContain('test/history/fixtures/bad-manifest.yaml:4:3: error unknown-key: unknown key `date_fromat` in history');
  });
});
