/**
 * transition's JSON and CSV are made in pieces, a batch of partners at a time (issue 13,
 * item 4): the pieces must join to exactly the text of the whole model through the one
 * JSON and CSV writers, with the batches' seams crossed, with empty lists,
 * and with text that the JSON writer escapes (a U+2028 in a partner's name).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTransition } from '../../src/analysis/transition.js';
import type { TransitionReport } from '../../src/analysis/transition-types.js';
import { replay } from '../../src/engine/replay.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import { loadProgram } from '../../src/program/load.js';
import { ROWS_PER_CHUNK } from '../../src/report/transition/chunked.js';
import { renderTransitionCsv, transitionCsvChunks } from '../../src/report/transition/csv.js';
import { renderTransitionJson, transitionJsonChunks } from '../../src/report/transition/json.js';
import { jsonText } from '../../src/report/sanitize/index.js';

async function sample(): Promise<TransitionReport> {
  const design = 'programs/lifecycle.yaml';
  const program = loadProgram(readFileSync(design), design).program;
  if (program === undefined) throw new Error('lifecycle.yaml does not load');
  const { store } = await readHistory(readFileSync('fixtures/sample/history.csv'), { file: 'fixtures/sample/history.csv' });
  const partners = await readPartners(readFileSync('fixtures/sample/partners.csv'), { file: 'fixtures/sample/partners.csv' });
  return buildTransition(replay(program, store, partners, { detail: true }), store, partners);
}

/** The CSV of the whole model in one call of the shared writer: the header line, then every row. */
function wholeCsv(report: TransitionReport): string {
  const header = renderTransitionCsv({ ...report, partner_rows: [] });
  const oneByOne = report.partner_rows.map((r) => renderTransitionCsv({ ...report, partner_rows: [r] }).slice(header.length));
  return header + oneByOne.join('');
}

describe('transition JSON and CSV in pieces', () => {
  it('join to the whole text on the 2,000-partner sample (many row batches), and with no partners at all', async () => {
    const report = await sample();
    expect(report.partner_rows.length).toBeGreaterThan(ROWS_PER_CHUNK);
    expect(report.at_risk.length).toBeGreaterThan(0);
    report.partner_rows[1500] = { ...report.partner_rows[1500]!, name: 'Line\u2028Sep' };
    const json = [...transitionJsonChunks(report)];
    expect(json.length).toBeGreaterThan(3);
    expect(json.join('')).toBe(`${jsonText(report)}\n`);
    expect(renderTransitionJson(report)).toBe(`${jsonText(report)}\n`);
    expect(json.join('')).toContain('Line\\u2028Sep');
    const csv = [...transitionCsvChunks(report)];
    expect(csv.length).toBe(1 + Math.ceil(report.partner_rows.length / ROWS_PER_CHUNK));
    expect(csv.join('')).toBe(wholeCsv(report));

    const empty = { ...report, partners: 0, at_risk: [], partner_rows: [] };
    expect(renderTransitionJson(empty)).toBe(`${jsonText(empty)}\n`);
    expect(renderTransitionCsv(empty)).toBe(csv[0]);
    const noRisk = { ...report, at_risk: [] };
    expect(renderTransitionJson(noRisk)).toBe(`${jsonText(noRisk)}\n`);
  }, 120_000);
});
