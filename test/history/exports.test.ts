/**
 * Each export of fixtures/exports/ read through its manifest gives the same events as its
 * clean twin read plainly; the bad-input paths of the manifest and the new flags.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { EventStore } from '../../src/history/event-store.js';
import { loadManifest } from '../../src/history/manifest/load-manifest.js';
import { parseHistory } from '../../src/history/read-history.js';
import { resolveFormat, type SourceSettings } from '../../src/history/source-settings.js';

const EXPORTS = 'fixtures/exports';

/** Events as plain rows, dimensions by name, so two stores compare whatever their column order. */
function events(store: EventStore): string[] {
  const out: string[] = [];
  for (let i = 0; i < store.size; i++) {
    const dims = Object.keys(store.dimensions)
      .sort()
      .map((name) => {
        const column = store.dimensions[name];
        return `${name}=${column === undefined ? '' : (column.values[column.codes[i] as number] as string)}`;
      });
    out.push([store.partnerIds[store.partner[i] as number], store.day[i], store.activityIds[store.activity[i] as number], store.quantity[i], store.amount[i], ...dims].join('|'));
  }
  return out;
}

async function read(path: string, settings: SourceSettings = {}): Promise<EventStore> {
  const bytes = readFileSync(path);
  const resolved = resolveFormat(bytes, settings);
  if ('problem' in resolved) throw new Error(resolved.problem.message);
  const parsed = await parseHistory(bytes, { file: path, ...(settings.columns ? { columns: settings.columns } : {}), format: resolved.format });
  expect(parsed.badRows).toBe(0);
  return parsed.store;
}

async function viaManifest(manifestPath: string): Promise<EventStore> {
  const result = loadManifest(readFileSync(manifestPath), manifestPath);
  if ('diagnostics' in result) throw new Error(result.diagnostics[0]?.message);
  const entry = result.manifest.history[0];
  if (entry === undefined) throw new Error('no history');
  return read(join(dirname(manifestPath), entry.path), entry.settings);
}

async function cli(args: string[]) {
  const io = memoryIo({});
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('exports read through a manifest', () => {
  for (const kind of ['crm', 'european', 'activities']) {
    it(`${kind}: the same events as the clean twin`, async () => {
      const messy = await viaManifest(`${EXPORTS}/${kind}/data.yaml`);
      const clean = await read(`${EXPORTS}/${kind}/clean.csv`);
      expect(events(messy)).toEqual(events(clean));
      expect(messy.size).toBe(4);
    });
  }

  it('crm: the Total and copyright rows are skipped, the amounts read in dollars', async () => {
    const store = await viaManifest(`${EXPORTS}/crm/data.yaml`);
    expect([...store.amount].sort((a, b) => a - b)).toEqual([950, 8200.5, 12500, 20000]);
  });

  it('transition --data: the manifest\'s partners file is the partners file (no --partners needed), exit 0', async () => {
    const { code, out } = await cli(['transition', 'programs/lifecycle.yaml', '--data', `${EXPORTS}/all.yaml`, '--no-cache', '--format', 'json']);
    expect(code).toBe(0);
    // fixtures/exports/partners.csv lists 4 partners.
    expect((JSON.parse(out) as { partner_rows: unknown[] }).partner_rows).toHaveLength(4);
  });

  it('crm, all opportunities: keep_rows_where keeps the Closed Won rows only, the same deals as the clean twin', async () => {
    const store = await viaManifest(`${EXPORTS}/crm/opportunities.yaml`);
    const clean = await read(`${EXPORTS}/crm/clean.csv`);
    // 6 data rows: the Closed Lost ($3,000) and Negotiation ($44,000) rows are not deals; the Total row is no Closed Won either.
    const withoutStage = (list: string[]) => list.map((e) => e.replace(/\|Stage=[^|]*/, ''));
    expect(withoutStage(events(store))).toEqual(events(clean));
    expect([...store.amount].sort((a, b) => a - b)).toEqual([950, 8200.5, 12500, 20000]);
  });

  it('european: Windows-1252 text is decoded, not replaced', async () => {
    const store = await viaManifest(`${EXPORTS}/european/data.yaml`);
    expect(store.dimensions['Firma']?.values).toContain('Müller & Söhne GmbH');
  });

  it('run --data: all three exports and the partners file, exit 0', async () => {
    const { code, out } = await cli(['run', 'programs/lifecycle.yaml', '--data', `${EXPORTS}/all.yaml`, '--no-cache']);
    expect(code).toBe(0);
    expect(out).toContain('4 partners, 12 events');
  });

  it('--history twice reads both files, one after the other', async () => {
    const both = await cli(['run', 'programs/lifecycle.yaml', '--history', `${EXPORTS}/crm/clean.csv`, '--history', `${EXPORTS}/activities/clean.csv`, '--no-cache', '--format', 'json']);
    expect(both.code).toBe(0);
    expect(both.out).toContain('"events": 8');
  });
});

describe('bad input', () => {
  it('a Windows-1252 file read as UTF-8 is an error at the line of the first bad byte, exit 2', async () => {
    const { code, err } = await cli(['run', 'programs/lifecycle.yaml', '--history', `${EXPORTS}/european/umsatz.csv`, '--delimiter', ';', '--no-cache']);
    expect(code).toBe(2);
    // `ä` of `Aktivität` in the header is 0xE4 in Windows-1252.
    expect(err).toContain('fixtures/exports/european/umsatz.csv:1: error csv-bad-encoding: line 1 holds the byte 0xE4, which is not valid UTF-8');
    expect(err).toContain('encoding: windows-1252');
  });

  it('slash dates with no stated format: each row is bad, the hint names the format they look like', async () => {
    const { code, err } = await cli(['run', 'programs/lifecycle.yaml', '--history', `${EXPORTS}/crm/deals.csv`, '--column', 'partner_id=Account ID', '--column', 'date=Close Date', '--column', 'amount=Amount', '--activity', 'deal_closed', '--no-cache']);
    expect(code).toBe(2);
    expect(err).toContain('date `03/05/2024` is not a YYYY-MM-DD date (the dates look like MM/DD/YYYY: state it with --date-format MM/DD/YYYY');
  });

  it('a manifest key it does not know is an error at its line, exit 2', async () => {
    const { code, err } = await cli(['run', 'programs/lifecycle.yaml', '--data', 'test/history/fixtures/bad-manifest.yaml', '--no-cache']);
    expect(code).toBe(2);
    expect(err).toMatch(/test\/history\/fixtures\/bad-manifest\.yaml:4:3: error .*date_fromat/);
  });

  it('--data with --history is a usage error, exit 2', async () => {
    const { code, err } = await cli(['run', 'programs/lifecycle.yaml', '--data', `${EXPORTS}/all.yaml`, '--history', 'x.csv']);
    expect(code).toBe(2);
    expect(err).toContain('--data names the history and partners files: give it without --history and --partners');
  });

  it('a bad --date-format is a usage error naming the formats, exit 2', async () => {
    const { code, err } = await cli(['run', 'programs/lifecycle.yaml', '--history', `${EXPORTS}/crm/clean.csv`, '--date-format', 'M/D/Y']);
    expect(code).toBe(2);
    expect(err).toContain('--date-format M/D/Y: expected one of YYYY-MM-DD, MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY, excel');
  });
});

describe('constant columns other than activity', () => {
  it('crm/emea: a per-region report with `constant: { region: EMEA }` gives the same events as its clean twin', async () => {
    const messy = await viaManifest(`${EXPORTS}/crm/emea.yaml`);
    const clean = await read(`${EXPORTS}/crm/emea-clean.csv`);
    expect(events(messy)).toEqual(events(clean));
    // Two data rows (the Total row skipped), both EMEA.
    expect(messy.size).toBe(2);
    expect(messy.dimensions['region']?.values).toEqual(['', 'EMEA']);
  });

  it('a constant for a column the file has is an error at the header, exit 2', async () => {
    const { code, err } = await cli(['run', 'programs/lifecycle.yaml', '--data', 'test/history/fixtures/constant-present-manifest.yaml', '--no-cache']);
    expect(code).toBe(2);
    // Region is the 5th header of deals.csv: Account ID,Account Name,Close Date,Amount,Region.
    expect(err).toContain('fixtures/exports/crm/deals.csv:1:5: error csv-constant-column-present: constant names `Region` (one value for every row), but the history has a `Region` column');
  });

  it('a constant date is refused in the manifest, at its key, exit 2', async () => {
    const { code, err } = await cli(['run', 'programs/lifecycle.yaml', '--data', 'test/history/fixtures/constant-date-manifest.yaml', '--no-cache']);
    expect(code).toBe(2);
    expect(err).toMatch(/test\/history\/fixtures\/constant-date-manifest\.yaml:5:\d+: error .*not partner_id, date, quantity or amount/);
  });
});
