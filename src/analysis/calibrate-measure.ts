/**
 * What calibrate's search measures (calibrate.ts `Measure`): the design with the values
 * tried (`--set` pairs), replayed over the prepared history (with its seller programme),
 * summarized, and each pair's target metric read. One copy for `calibrate` and
 * `init --history`. A value the design rejects (a threshold below the one under it) or
 * whose replay overflows is outside the feasible range: no metric (null), and the search
 * keeps away from it.
 */
import { DiagnosticError } from '../diagnostics/diagnostic.js';
import { compile } from '../engine/compile.js';
import { replaySellers, type PeopleHistory } from '../engine/people/replay-sellers.js';
import type { PreparedHistory } from '../engine/prepare.js';
import { replayCompiled } from '../engine/replay.js';
import { applyOverrides } from '../program/overrides.js';
import type { Program } from '../program/program.js';
import type { CalibrationPair, Measure } from './calibrate.js';
import { summarize } from './summary.js';

export function replayMeasure(program: Program, file: string, prepared: PreparedHistory, people: PeopleHistory, pairs: readonly CalibrationPair[]): Measure {
  return (sets) => {
    const { program: changed, diagnostics } = applyOverrides(program, { sets }, file);
    if (changed === undefined) {
      if (diagnostics.some((d) => d.severity === 'error')) return pairs.map(() => null);
      throw new DiagnosticError(diagnostics);
    }
    const summary = summarize(replayCompiled(compile(changed, prepared), { detail: false }), { sellers: replaySellers(changed, people, { detail: false }) });
    return pairs.map((p) => {
      const v = p.target.metric.read(summary);
      return v !== null && Number.isFinite(v) ? v : null;
    });
  };
}
