/**
 * `transition` replays everyone without per-activity detail and the at-risk partners again
 * from their slices (issue 13, item 4): the report must be the one a fully detailed replay
 * of everyone gives, to the byte of every format, on the transition, hand and hostile
 * fixtures and the 2,000-partner sample. The old path (a detailed ledger, no detail source) stays
 * callable for exactly this comparison.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detailFromSlices, type DetailSource } from '../../src/analysis/partner-detail.js';
import { buildTransition } from '../../src/analysis/transition.js';
import type { TransitionReport } from '../../src/analysis/transition-types.js';
import { replay } from '../../src/engine/replay.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import { loadProgram } from '../../src/program/load.js';
import { renderTransitionCsv } from '../../src/report/transition/csv.js';
import { renderTransitionHtml } from '../../src/report/transition/html.js';
import { renderTransitionJson } from '../../src/report/transition/json.js';
import { renderTransitionMarkdown } from '../../src/report/transition/markdown.js';

const formats = (r: TransitionReport): string[] => [
  renderTransitionJson(r),
  renderTransitionCsv(r),
  renderTransitionMarkdown(r, {}),
  renderTransitionMarkdown(r, { top: 3 }),
  renderTransitionHtml(r, {}),
];

async function compare(design: string, historyFile: string, partnersFile: string): Promise<TransitionReport> {
  const program = loadProgram(readFileSync(design), design).program;
  if (program === undefined) throw new Error(`${design} does not load`);
  const { store } = await readHistory(readFileSync(historyFile), { file: historyFile, skipBadRows: true });
  const partners = await readPartners(readFileSync(partnersFile), { file: partnersFile });
  const before = buildTransition(replay(program, store, partners, { detail: true }), store, partners);
  const lean = replay(program, store, partners, { detail: false });
  const batched = detailFromSlices(program, lean, store, partners);
  // Batches of one partner as well as the batches buildTransition asks for.
  const alone: DetailSource = (ps) => {
    const each = new Map(ps.map((p) => [p, batched([p])(p)]));
    return (p) => each.get(p) ?? batched([p])(p);
  };
  for (const source of [batched, alone]) {
    const after = buildTransition(lean, store, partners, source);
    expect(formats(after)).toEqual(formats(before));
  }
  return before;
}

describe('transition: a lean ledger with the at-risk partners\' slices gives the report of a detailed replay', () => {
  it('fixtures/transition, fixtures/hand (hand-legacy.yaml) and fixtures/hostile', async () => {
    expect((await compare('fixtures/transition/program.yaml', 'fixtures/transition/history.csv', 'fixtures/transition/partners.csv')).at_risk.length).toBeGreaterThan(0);
    expect((await compare('fixtures/transition/hand-legacy.yaml', 'fixtures/hand/history.csv', 'fixtures/hand/partners.csv')).at_risk.length).toBeGreaterThan(0);
    await compare('fixtures/hostile/design.yaml', 'fixtures/hostile/history.csv', 'fixtures/hostile/partners.csv');
  });

  it('the 2,000-partner sample on lifecycle.yaml', async () => {
    expect((await compare('programs/lifecycle.yaml', 'fixtures/sample/history.csv', 'fixtures/sample/partners.csv')).at_risk.length).toBeGreaterThan(10);
  }, 120_000);
});
