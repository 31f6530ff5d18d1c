/**
 * The evidence rules on the command line: `--max-skipped`, and the findings of
 * src/analysis/evidence.ts gathered from what a command already has (the program, the
 * loaded history, a ledger). `check` fails on them; the other replaying commands print
 * each as one warning on stderr, in the same words, and keep their exit code.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { assessEvidence, DEFAULT_MAX_SKIPPED, describeSkippedLimit, isSkippedLimit, parseSkippedLimit, type Evidence, type SkippedLimit } from '../analysis/evidence.js';
import type { Ledger } from '../engine/ledger.js';
import { formatCount } from '../format/number.js';
import { datedSpan } from '../history/dated-span.js';
import type { Program } from '../program/program.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';
import type { LoadedHistory } from './load-history.js';

function maxSkippedArgument(value: string): SkippedLimit {
  const limit = parseSkippedLimit(value);
  if (!isSkippedLimit(limit)) throw new InvalidArgumentError(limit.problem);
  return limit;
}

export function addEvidenceOption(command: Command): Command {
  return command.addOption(
    new Option('--max-skipped <limit>', 'bad rows --skip-bad-rows may leave out before the history is no evidence: a share of the rows (5%) or a number of rows (20); 100% turns the rule off')
      .argParser(maxSkippedArgument)
      .default(DEFAULT_MAX_SKIPPED, describeSkippedLimit(DEFAULT_MAX_SKIPPED)),
  );
}

/** The findings for one design replayed over the loaded history. */
export function evidenceFor(command: Command, program: Program, history: LoadedHistory, ledger: Pick<Ledger, 'events' | 'ignoredEvents'>): Evidence {
  const { maxSkipped } = command.opts<{ maxSkipped?: SkippedLimit }>();
  const evidence = assessEvidence(
    {
      program: program.program,
      reading: { rows: history.rows, skippedRows: history.skippedRows },
      ledger,
      span: datedSpan(history.store, program.program.starts, program.program.ends),
    },
    maxSkipped !== undefined ? { maxSkipped } : {},
  );
  return withUnscored(evidence, history.unscoredRows);
}

/**
 * Rows whose activity the design does not score are read, not bad: they count among the
 * rows (never among the skipped ones, which a draft design scoring a subset would cross),
 * and a replay that scored nothing says how many of its rows were such, since no event
 * inside the program fails the gate either way.
 */
function withUnscored(evidence: Evidence, unscored: number): Evidence {
  if (unscored === 0) return evidence;
  const findings = evidence.findings.map((f) =>
    f.code === 'no-events-in-program' ? { ...f, message: `${f.message}, ${formatCount(unscored)} not scored (an activity the design does not score)` } : f,
  );
  return { ...evidence, findings };
}

/**
 * One warning per finding (kept with --quiet, as every warning); a message already
 * printed is not repeated, so compare's columns over the same dates say it once.
 * More rows skipped by --skip-bad-rows than --max-skipped allows is not a warning but the
 * end of the command (exit 2, no report): a report over what is left of a history that was
 * mostly bad rows looks like any other and is silently wrong (3,229 of 3,229 rows skipped
 * gave a report of 0 partners). `check` reports the same finding as a failed gate instead.
 */
export function warnEvidence(ctx: CommandContext, command: Command, evidence: readonly Evidence[]): void {
  const said = new Set<string>();
  let tooManySkipped: string | undefined;
  for (const e of evidence) {
    for (const f of e.findings) {
      if (said.has(f.message)) continue;
      said.add(f.message);
      if (f.code === 'too-many-skipped-rows') tooManySkipped = f.message;
      else ctx.warn(command, f.message);
    }
  }
  if (tooManySkipped !== undefined) {
    throw new UserError(`${tooManySkipped}: no report`, {
      hint: 'fix the bad rows listed above (a data manifest reads most export quirks: docs/data.md), or raise the limit, e.g. --max-skipped 10% (100% turns the rule off)',
    });
  }
}
