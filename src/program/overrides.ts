/**
 * What-if changes on a loaded program: a named scenario (after the scenarios it
 * extends, base first) and then the `--set` pairs, re-checked as a whole program.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
import { checkProgramData, type LoadResult } from './load.js';
import { applySets } from './paths.js';
import type { Program } from './program.js';
import type { ProgramData } from './schema.js';

export interface OverrideOptions {
  readonly scenario?: string | undefined;
  readonly sets?: ReadonlyArray<readonly [string, unknown]> | undefined;
}

/** The scenario's chain from the root it extends down to itself, or a diagnostic (unknown name, cycle). */
export function scenarioChain(program: Program, name: string, file: string): { chain: string[] } | { diagnostic: Diagnostic } {
  const scenarios = program.scenarios ?? {};
  const known = Object.keys(scenarios);
  const chain: string[] = [];
  let current: string | undefined = name;
  let from: string | undefined;
  while (current !== undefined) {
    if (!Object.hasOwn(scenarios, current)) {
      return {
        diagnostic: {
          severity: 'error',
          code: 'unknown-scenario',
          message: from === undefined ? `unknown scenario \`${current}\`` : `scenario \`${from}\` extends \`${current}\`, which does not exist`,
          file,
          line: 0,
          col: 0,
          hint: known.length === 0 ? 'the design declares no `scenarios:`' : suggestion(current, [...known].sort()),
        },
      };
    }
    if (chain.includes(current)) {
      return {
        diagnostic: {
          severity: 'error',
          code: 'scenario-extends-cycle',
          message: `scenarios extend each other in a circle: ${[...chain, current].map((s) => `\`${s}\``).join(' → ')}`,
          file,
          line: 0,
          col: 0,
          hint: 'one scenario in the chain must not extend another',
        },
      };
    }
    chain.push(current);
    from = current;
    current = scenarios[current]?.extends;
  }
  return { chain: chain.reverse() };
}

/** Applies scenario NAME (following `extends`; cycles and unknown names are errors with did-you-mean) then the --set pairs, and re-checks the result with checkProgramData. */
export function applyOverrides(program: Program, options: OverrideOptions, file: string): LoadResult {
  const sets: (readonly [string, unknown])[] = [];
  if (options.scenario !== undefined) {
    const resolved = scenarioChain(program, options.scenario, file);
    if ('diagnostic' in resolved) return { program: undefined, diagnostics: [resolved.diagnostic] };
    for (const name of resolved.chain) {
      for (const [path, value] of Object.entries(program.scenarios?.[name]?.set ?? {})) sets.push([path, value]);
    }
  }
  sets.push(...(options.sets ?? []));
  if (sets.length === 0) return { program, diagnostics: [] };
  const applied = applySets(program as ProgramData, sets, file);
  if (applied.diagnostics.length > 0) return { program: undefined, diagnostics: applied.diagnostics };
  const checked = checkProgramData(applied.data, file);
  // Positions are gone after the changes, so say which changes produced the design that is judged.
  const changes = [
    ...(options.scenario !== undefined ? [`scenario \`${options.scenario}\``] : []),
    ...((options.sets?.length ?? 0) > 0 ? [`${options.sets?.length} --set change(s)`] : []),
  ].join(' and ');
  return {
    program: checked.program,
    diagnostics: checked.diagnostics.map((d) => ({ ...d, message: `with ${changes}: ${d.message}` })),
  };
}
