/**
 * `explain` replays only the partner asked for (issue 13, item 4): for every partner of
 * the hand, transition and hostile fixtures and 60 partners of the 2,000-partner sample
 * (every 33rd, with and without the partners file), the statement from the partner's
 * slice is the statement from a replay of everyone, to the byte of its JSON.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStatement, findPartner } from '../../src/analysis/statement.js';
import { replay } from '../../src/engine/replay.js';
import { partnerSlice, partnerTableSlice } from '../../src/history/partner-slice.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import { loadProgram } from '../../src/program/load.js';
import { renderStatementJson } from '../../src/report/explain/json.js';

async function same(design: string, historyFile: string, partnersFile: string | undefined, every = 1): Promise<number> {
  const program = loadProgram(readFileSync(design), design).program;
  if (program === undefined) throw new Error(`${design} does not load`);
  const { store } = await readHistory(readFileSync(historyFile), { file: historyFile, skipBadRows: true });
  const partners = partnersFile === undefined ? undefined : await readPartners(readFileSync(partnersFile), { file: partnersFile });
  const full = replay(program, store, partners);
  let compared = 0;
  for (let p = 0; p < full.partners.length; p += every) {
    const id = full.partners[p]?.id ?? '';
    const before = renderStatementJson(buildStatement(full, store, partners, p));
    const slice = partnerSlice(store, id);
    const slicePartners = partnerTableSlice(partners, id);
    const one = replay(program, slice, slicePartners);
    const after = renderStatementJson(buildStatement(one, slice, slicePartners, findPartner(one, id), store));
    expect(after, `${design} partner ${id}`).toBe(before);
    compared++;
  }
  return compared;
}

describe('explain: one partner\'s slice gives the statement of a replay of everyone', () => {
  it('hand, transition and hostile fixtures: every partner', async () => {
    expect(await same('fixtures/hand/program.yaml', 'fixtures/hand/history.csv', 'fixtures/hand/partners.csv')).toBeGreaterThan(0);
    expect(await same('fixtures/transition/program.yaml', 'fixtures/transition/history.csv', 'fixtures/transition/partners.csv')).toBeGreaterThan(3);
    expect(await same('fixtures/hostile/design.yaml', 'fixtures/hostile/history.csv', 'fixtures/hostile/partners.csv')).toBeGreaterThan(0);
  });

  it('the 2,000-partner sample on lifecycle.yaml: every 33rd partner, with the partners file and without', async () => {
    expect(await same('programs/lifecycle.yaml', 'fixtures/sample/history.csv', 'fixtures/sample/partners.csv', 33)).toBeGreaterThanOrEqual(60);
    expect(await same('programs/services.yaml', 'fixtures/sample/history.csv', undefined, 100)).toBeGreaterThanOrEqual(15);
  }, 120_000);
});
