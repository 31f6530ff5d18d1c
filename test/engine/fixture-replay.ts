/** Loads a fixture directory's design, history and partners file and replays it in detail (for the hand tests of launch and terms). */
import { readFileSync } from 'node:fs';
import type { DetailedLedger } from '../../src/engine/ledger.js';
import { replay } from '../../src/engine/replay.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import type { Program } from '../../src/program/program.js';
import { loadProgram } from '../../src/program/load.js';

export function loadFixtureProgram(dir: URL, file: string): Program {
  const { program, diagnostics } = loadProgram(readFileSync(new URL(file, dir)), file);
  if (program === undefined) throw new Error(JSON.stringify(diagnostics));
  return program;
}

export async function replayFixture(dir: URL, files: { program: string | Program; history: string; partners?: string }): Promise<DetailedLedger> {
  const program = typeof files.program === 'string' ? loadFixtureProgram(dir, files.program) : files.program;
  const history = await readHistory(readFileSync(new URL(files.history, dir)), { file: files.history });
  if (history.badRows !== 0) throw new Error(`${files.history}: ${history.badRows} bad rows`);
  const partners = files.partners !== undefined ? await readPartners(readFileSync(new URL(files.partners, dir)), { file: files.partners }) : undefined;
  return replay(program, history.store, partners);
}
