/**
 * Every bundled design replays over the bundled sample history: finite numbers, points
 * conserved per partner, every partner of the partners file present.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.js';
import type { EventStore, PartnerTable } from '../../src/history/event-store.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import { loadProgram } from '../../src/program/load.js';

const root = new URL('../../', import.meta.url);
let store: EventStore;
let partners: PartnerTable;

beforeAll(async () => {
  store = (await readHistory(readFileSync(new URL('fixtures/sample/history.csv', root)), { file: 'history.csv' })).store;
  partners = await readPartners(readFileSync(new URL('fixtures/sample/partners.csv', root)), { file: 'partners.csv' });
});

const designs = readdirSync(new URL('programs/', root)).filter((f) => f.endsWith('.yaml'));

describe.each(designs)('programs/%s over fixtures/sample', (file) => {
  it('replays with finite numbers and conserves points per partner', () => {
    const { program, diagnostics } = loadProgram(readFileSync(new URL(`programs/${file}`, root)), file);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (program === undefined) return;
    const ledger = replay(program, store, partners);
    const T = ledger.periods.length;
    expect(T).toBeGreaterThan(0);
    expect(ledger.partners.length).toBe(new Set([...store.partnerIds, ...partners.partners.map((p) => p.id)]).size);
    for (const arr of [ledger.earned, ledger.redeemed, ledger.expired, ledger.balance, ledger.pointsByActivity, ledger.rewardUnits]) {
      expect(arr.every((x) => Number.isFinite(x))).toBe(true);
    }
    let earnedAll = 0;
    for (let p = 0; p < ledger.partners.length; p++) {
      // opening + earned − clawed back = redeemed + expired + outstanding (subscription.yaml opens balances and claws back).
      let earned = ledger.openingPoints[p] ?? 0;
      let out = 0;
      for (let t = 0; t < T; t++) {
        earned += (ledger.earned[p * T + t] ?? 0) - (ledger.clawedBack[p * T + t] ?? 0);
        out += (ledger.redeemed[p * T + t] ?? 0) + (ledger.expired[p * T + t] ?? 0);
      }
      out += ledger.balance[p * T + T - 1] ?? 0;
      expect(Math.abs(earned - out)).toBeLessThan(1e-6 * Math.max(1, earned));
      earnedAll += earned;
    }
    expect(earnedAll).toBeGreaterThan(0);
  });
});
