/**
 * Data that does not fit the design, through the real binary on fixtures/data-warnings:
 * the design's keys are lower case (`min_points_by.region: { emea: 800, apac: 600 }`), the
 * partners file says EMEA / APAC / AMER; a multiplier names `onprem`, which no row has;
 * `redemption.by_segment.var` names a segment no partner has; and 3 of the 6 history rows
 * are `Webinar Hosted` where the design's id is `webinar_hosted`.
 *
 * Hand-worked (deal_closed: 10 points per 1,000, ×1.5 for saas; webinar_hosted 50; Gold at
 * 1,000 points, 800 in emea, 600 in apac; the fiscal year 2024 is the tier window):
 *   P1 (EMEA): deal 60,000 saas → 600 × 1.5 = 900; 2 webinars (100) unscored → 900.
 *   P2 (APAC): deal 70,000 perpetual → 700.
 *   P3 (AMER): deal 100,000 perpetual → 1,000; 1 webinar (50) unscored → 1,000.
 * As read, the regional thresholds never apply: only P3 reaches Gold (1,000 ≥ 1,000).
 * Through sources.yaml (regions matched ignoring case, `Webinar Hosted` → webinar_hosted):
 * P1 1,000 ≥ 800, P2 700 ≥ 600, P3 1,050 ≥ 1,000: all three Gold.
 */
import { describe, expect, it } from 'vitest';
import { pointsmith } from '../support/bin.js';

const DIR = 'fixtures/data-warnings';
const DESIGN = `${DIR}/design.yaml`;
const DATA = ['--history', `${DIR}/history.csv`, '--partners', `${DIR}/partners.csv`];

const NO_MATCH_HINT = "values match exactly, case included: write one of the data's values, or map them with a data manifest's `values:` (docs/data.md)";
const regionHint = (data: string, key: string): string =>
  `did you mean \`${data}\`? values match exactly, case included: write \`${data}\` in the design, or map the data's value with a data manifest: \`values: { region: { ${data}: ${key} } }\` (docs/data.md)`;
const EMEA = 'no partner has region `emea` (the data has `AMER`, `APAC`, `EMEA`), so tiers.Gold.min_points_by.region.emea never applies';
const APAC = 'no partner has region `apac` (the data has `AMER`, `APAC`, `EMEA`), so tiers.Gold.min_points_by.region.apac never applies';
const ONPREM = 'no row or partner has product `onprem` (the data has `perpetual`, `saas`), so activities.deal_closed.multipliers.product.onprem never applies';
const VAR = 'no partner has segment `var` (the data has `msp`, `reseller`), so redemption.by_segment.var never applies';
const UNSCORED = 'activity `Webinar Hosted` is not in the design: 3 row(s) not scored, the first is row 2';

// `file:line:col` of each key: line 13 `onprem` (col 29), line 20 `emea` (col 17) and `apac` (col 28), line 27 `var` (col 5).
const STDERR =
  "warning: fixtures/data-warnings/history.csv: 3 of 6 rows not scored: their activity is not in the design, so the replay leaves them out (a data manifest's `values: { activity: … }` maps names to the design's; --strict-activities stops on them)\n" +
  `  fixtures/data-warnings/history.csv:3:3: warning csv-unscored-activity: ${UNSCORED} (did you mean \`webinar_hosted\`?)\n` +
  `warning: fixtures/data-warnings/design.yaml:13:29: design-value-not-in-data: ${ONPREM} (${NO_MATCH_HINT})\n` +
  `warning: fixtures/data-warnings/design.yaml:20:17: design-value-not-in-data: ${EMEA} (${regionHint('EMEA', 'emea')})\n` +
  `warning: fixtures/data-warnings/design.yaml:20:28: design-value-not-in-data: ${APAC} (${regionHint('APAC', 'apac')})\n` +
  `warning: fixtures/data-warnings/design.yaml:27:5: design-value-not-in-data: ${VAR} (${NO_MATCH_HINT})\n`;

interface RunJson {
  events: number;
  tiers: { tier: string; partners: number }[];
}

describe('run on data that does not fit the design', () => {
  it('warns once per activity name and once per design key, at the key, and replays (exit 0): only P3 is Gold', async () => {
    const r = await pointsmith('run', DESIGN, ...DATA, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(STDERR);
    const doc = JSON.parse(r.out) as RunJson;
    expect(doc.events).toBe(3);
    expect(doc.tiers.map((t) => [t.tier, t.partners])).toEqual([
      ['Registered', 2],
      ['Gold', 1],
    ]);
  });

  it('through a manifest that maps the regions and the activity name: all three Gold, two warnings left', async () => {
    const r = await pointsmith('run', DESIGN, '--data', `${DIR}/sources.yaml`, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `warning: fixtures/data-warnings/design.yaml:13:29: design-value-not-in-data: ${ONPREM} (${NO_MATCH_HINT})\n` +
        `warning: fixtures/data-warnings/design.yaml:27:5: design-value-not-in-data: ${VAR} (${NO_MATCH_HINT})\n`,
    );
    const doc = JSON.parse(r.out) as RunJson;
    expect(doc.events).toBe(6);
    expect(doc.tiers.map((t) => [t.tier, t.partners])).toEqual([
      ['Registered', 0],
      ['Gold', 3],
    ]);
  });

  it('--strict-activities stops on the unscored rows (exit 2, nothing on stdout)', async () => {
    const r = await pointsmith('run', DESIGN, ...DATA, '--strict-activities');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      'fixtures/data-warnings/history.csv:3:3: error csv-unknown-activity: row 2: activity `Webinar Hosted` is not in the design (did you mean `webinar_hosted`?)',
    );
    expect(r.err).toContain('fixtures/data-warnings/history.csv:6:3: error csv-unknown-activity: row 5:');
  });
});

describe('check on the same data', () => {
  it('json carries every warning with its position (the design keys on the YAML, the activity at its row)', async () => {
    const r = await pointsmith('check', DESIGN, ...DATA, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { diagnostics: { code: string; file: string; line: number; col: number; message: string }[] };
    expect(doc.diagnostics.map((d) => [d.code, d.file, d.line, d.col, d.message])).toEqual([
      ['csv-unscored-activity', `${DIR}/history.csv`, 3, 3, UNSCORED],
      ['design-value-not-in-data', DESIGN, 13, 29, ONPREM],
      ['design-value-not-in-data', DESIGN, 20, 17, EMEA],
      ['design-value-not-in-data', DESIGN, 20, 28, APAC],
      ['design-value-not-in-data', DESIGN, 27, 5, VAR],
    ]);
  });
});

describe('validate --partners / --history', () => {
  it('--partners: each key at its line and column (exit 0; exit 1 with --strict)', async () => {
    const r = await pointsmith('validate', DESIGN, '--partners', `${DIR}/partners.csv`);
    expect(r.code).toBe(0);
    // Without a history, the multiplier's product (a history column) is not judged.
    expect(r.out).toBe(
      [
        `fixtures/data-warnings/design.yaml:20:17  warning  design-value-not-in-data  ${EMEA}`,
        `  hint: ${regionHint('EMEA', 'emea')}`,
        `fixtures/data-warnings/design.yaml:20:28  warning  design-value-not-in-data  ${APAC}`,
        `  hint: ${regionHint('APAC', 'apac')}`,
        `fixtures/data-warnings/design.yaml:27:5  warning  design-value-not-in-data  ${VAR}`,
        `  hint: ${NO_MATCH_HINT}`,
        '',
        '3 warnings in 1 file; 1 file valid',
        '',
      ].join('\n'),
    );
    expect(r.err).toBe('');
    const strict = await pointsmith('validate', DESIGN, '--partners', `${DIR}/partners.csv`, '--strict');
    expect(strict.code).toBe(1);
  });

  it('--partners --format github: an annotation on the key', async () => {
    const r = await pointsmith('validate', DESIGN, '--partners', `${DIR}/partners.csv`, '--format', 'github');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      `::warning file=fixtures/data-warnings/design.yaml,line=20,col=17,title=pointsmith design-value-not-in-data::${EMEA}%0Ahint: ${regionHint('EMEA', 'emea')}`,
    );
  });

  it('--history and --partners: the activity and the multiplier too; both files listed', async () => {
    const r = await pointsmith('validate', DESIGN, ...DATA, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { files: string[]; diagnostics: { code: string; line: number }[] };
    expect(doc.files).toEqual([DESIGN, `${DIR}/history.csv`, `${DIR}/partners.csv`]);
    expect(doc.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['design-value-not-in-data', 13],
      ['design-value-not-in-data', 20],
      ['design-value-not-in-data', 20],
      ['design-value-not-in-data', 27],
      ['csv-unscored-activity', 3],
    ]);
  });

  it('--history alone: the partners\' columns are not judged (they may come from a partners file)', async () => {
    const r = await pointsmith('validate', DESIGN, '--history', `${DIR}/history.csv`, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { diagnostics: { code: string; line: number }[] };
    expect(doc.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['design-value-not-in-data', 13],
      ['csv-unscored-activity', 3],
    ]);
  });

  it('a partner of the history missing from the partners file is an error (exit 1)', async () => {
    const r = await pointsmith('validate', 'fixtures/history/design.yaml', '--history', 'fixtures/history/good.csv', '--partners', 'fixtures/history/partners-missing.csv');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'fixtures/history/partners-missing.csv:1:1  error  partners-missing  1 partner(s) of the history fixtures/history/good.csv are not in the partners file: `P2`',
    );
  });

  it.each([
    [['programs/', '--partners', `${DIR}/partners.csv`], 'error: --partners checks a partners file against one design, but 6 design files were given\nhint: name one design file with --partners, and validate the others separately\n'],
    [[DESIGN, '--partners', `${DIR}/partner.csv`], `error: cannot read ${DIR}/partner.csv: no such file or folder\nhint: did you mean \`${DIR}/partners.csv\`?\n`],
    [[DESIGN, '--column', 'region=Region'], 'error: --column only applies with --history or --partners\n'],
  ])('bad usage or input: %j (exit 2, nothing on stdout)', async (args, message) => {
    const r = await pointsmith('validate', ...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(message);
  });

  it('a design with errors leaves the data unchecked, and says so', async () => {
    const r = await pointsmith('validate', 'fixtures/invalid/unknown-category.yaml', ...DATA);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`note: ${DIR}/history.csv and ${DIR}/partners.csv were not checked: the design has errors\n`);
  });
});
