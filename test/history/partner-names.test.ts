/**
 * Partners by name (`partner_names:` in a data manifest): fixtures/exports/lms is an LMS
 * export keyed by company name, with its clean twin keyed by id (clean.csv). Worked by hand:
 * "ACME, Inc" and "Acme Incorporated" → "acme" = Acme Inc. (P001); "GLOBEX LTD." →
 * "globex" = "Globex, Ltd" (P002); "Initech" = Initech GmbH (P003); "Bäckerei Grün" →
 * "backerei grun" = Bäckerei Grün AG (P004); "Baeckerei Gruen", "Umbrella (APAC)" and
 * "Umbrella Corp." (which reads "umbrella" like both P005 and P006) go through aliases.csv.
 */
import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from '../../src/history/partner-names.js';
import { pointsmith } from '../support/bin.js';

const DIR = 'fixtures/exports/lms';

describe('normalizeCompanyName', () => {
  it.each([
    ['ACME, Inc', 'acme'],
    ['Acme Incorporated', 'acme'],
    ['Globex, Ltd', 'globex'],
    ['GLOBEX LTD.', 'globex'],
    ['Initech GmbH', 'initech'],
    ['Bäckerei Grün AG', 'backerei grun'],
    ['Umbrella Corporation Pty Ltd', 'umbrella'],
    ['Foo S.A.', 'foo'],
    ['Smith & Sons Co.', 'smith and sons'],
    // A name that is only a legal form keeps it: there is nothing else to match on.
    ['Limited', 'limited'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeCompanyName(name)).toBe(expected);
  });
});

describe('a history keyed by company name', () => {
  it('joins to the same partners and events as its clean twin keyed by id', async () => {
    const byName = await pointsmith('run', 'programs/lifecycle.yaml', '--data', `${DIR}/data.yaml`, '--format', 'json', '--by', 'segment');
    const byId = await pointsmith('run', 'programs/lifecycle.yaml', '--history', `${DIR}/clean.csv`, '--partners', `${DIR}/partners.csv`, '--format', 'json', '--by', 'segment');
    expect(byName.code).toBe(0);
    expect(byId.code).toBe(0);
    // Same figures, by segment too (8 certifications: P001 2, P002 1, P003 1, P004 2, P005 1, P006 1).
    expect(JSON.parse(byName.out)).toEqual(JSON.parse(byId.out));
    expect((JSON.parse(byName.out) as { events: number }).events).toBe(8);
  });

  it('without the aliases: one error per name that matches none or several, with counts and the closest names (run exit 2, validate exit 1)', async () => {
    const run = await pointsmith('run', 'programs/lifecycle.yaml', '--data', `${DIR}/no-aliases.yaml`);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain(
      "fixtures/exports/lms/certifications.csv:6:1: error csv-partner-name-unmatched: partner `Baeckerei Gruen` matches no partner's name in fixtures/exports/lms/partners.csv (1 row(s), the first is row 5) (the closest: `Bäckerei Grün AG` (P004); map it to an id in the aliases file (name,partner_id))",
    );
    expect(run.err).toContain(
      "fixtures/exports/lms/certifications.csv:9:1: error csv-partner-name-ambiguous: partner `Umbrella Corp.` matches 2 partners' name in fixtures/exports/lms/partners.csv: P005 (`Umbrella Corp`), P006 (`Umbrella Corporation Pty Ltd`) (1 row(s), the first is row 8)",
    );
    const validate = await pointsmith('validate', 'programs/lifecycle.yaml', '--data', `${DIR}/no-aliases.yaml`, '--format', 'json');
    expect(validate.code).toBe(1);
    const codes = (JSON.parse(validate.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code).filter((c) => c.startsWith('csv-'));
    expect(codes).toEqual(['csv-partner-name-unmatched', 'csv-partner-name-unmatched', 'csv-partner-name-ambiguous']);
  });
});
