/**
 * commander reports a missing required option before an unknown one, so
 * `run x --histroy h.csv` would only say "--history not specified". This finds the
 * mistyped flag in the arguments so the message can point at it.
 */
import type { Command } from 'commander';
import { closest } from '../diagnostics/did-you-mean.js';

function longFlags(command: Command): string[] {
  return command.options.map((o) => o.long).filter((f): f is string => f !== undefined);
}

/** "`--histroy` is not an option of `run`; did you mean `--history`?", or undefined. */
export function mistypedOptionHint(root: Command, argv: readonly string[], missingFlag: string): string | undefined {
  const sub = root.commands.find((c) => c.name() === argv[0] || c.aliases().includes(argv[0] ?? ''));
  if (sub === undefined) return undefined;
  const known = new Set([...longFlags(sub), ...longFlags(root), '--help']);
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    if (!arg.startsWith('--')) continue;
    const flag = arg.split('=', 1)[0] ?? arg;
    if (known.has(flag)) continue;
    if (closest(flag, [missingFlag]) === missingFlag) {
      return `\`${flag}\` is not an option of \`${sub.name()}\`; did you mean \`${missingFlag}\`?`;
    }
  }
  return undefined;
}

/**
 * commander suggests a close flag for `--histroy h.csv` but not for `--partnr=P1` (it
 * compares the whole `--partnr=P1`): the flag before `=` against the command's flags.
 */
export function unknownOptionHint(root: Command, argv: readonly string[], unknown: string): string | undefined {
  const sub = root.commands.find((c) => c.name() === argv[0] || c.aliases().includes(argv[0] ?? ''));
  if (sub === undefined || !unknown.includes('=')) return undefined;
  const flag = unknown.split('=', 1)[0] ?? unknown;
  const near = closest(flag, [...longFlags(sub), ...longFlags(root)]);
  return near === undefined ? undefined : `\`${flag}\` is not an option of \`${sub.name()}\`; did you mean \`${near}\`?`;
}
