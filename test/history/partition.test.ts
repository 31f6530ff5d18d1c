/**
 * Any partition of a history into several files, each read with the same settings and
 * joined, gives the store of the whole file: same events in the same order (so the same
 * replay). Semicolons, DD.MM.YYYY dates and decimal commas, to go through the manifest path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatStores } from '../../src/history/concat-stores.js';
import type { EventStore } from '../../src/history/event-store.js';
import { parseHistory } from '../../src/history/read-history.js';
import { resolveFormat, type SourceSettings } from '../../src/history/source-settings.js';

const HEADER = 'partner_id;date;activity;amount;region';
const SETTINGS: SourceSettings = { delimiter: ';', dateFormats: ['DD.MM.YYYY'], numbers: { decimal: ',', thousands: '.', currency: false } };

const rowArb = fc.record({
  partner: fc.constantFrom('P1', 'P2', 'P3'),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  activity: fc.constantFrom('deal_closed', 'webinar_hosted'),
  cents: fc.integer({ min: 0, max: 2_000_000 }),
  region: fc.constantFrom('emea', 'apac', ''),
});

function line(r: { partner: string; day: number; month: number; activity: string; cents: number; region: string }): string {
  const euros = Math.floor(r.cents / 100).toLocaleString('de-DE');
  return `${r.partner};${String(r.day).padStart(2, '0')}.${String(r.month).padStart(2, '0')}.2024;${r.activity};${euros},${String(r.cents % 100).padStart(2, '0')};${r.region}`;
}

async function parse(lines: readonly string[]): Promise<EventStore> {
  const bytes = new TextEncoder().encode(`${HEADER}\n${lines.join('\n')}\n`);
  const resolved = resolveFormat(bytes, SETTINGS);
  if ('problem' in resolved) throw new Error(resolved.problem.message);
  return (await parseHistory(bytes, { file: 'h.csv', format: resolved.format })).store;
}

function events(store: EventStore): string[] {
  return Array.from({ length: store.size }, (_, i) =>
    [store.partnerIds[store.partner[i] as number], store.day[i], store.activityIds[store.activity[i] as number], store.amount[i], store.dimensions['region']?.values[store.dimensions['region'].codes[i] as number]].join('|'),
  );
}

describe('a history split into files', () => {
  it('joins to the store of the whole file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 3 }), async (rows, cuts) => {
        const lines = rows.map(line);
        const points = [...new Set(cuts.map((c) => 1 + (c % lines.length)))].filter((c) => c < lines.length).sort((a, b) => a - b);
        const parts = [0, ...points].map((from, k) => lines.slice(from, [...points, lines.length][k]));
        const stores = await Promise.all(parts.map(parse));
        const joined = concatStores(stores, parts.map((p) => p.length));
        expect(events(joined)).toEqual(events(await parse(lines)));
      }),
      { numRuns: 60 },
    );
  });
});
