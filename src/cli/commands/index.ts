/**
 * The command table: what `pointsmith --help` lists, and how to load each command. A
 * command's module, with everything it imports (the engine, the analyses, the report
 * renderers, the worker pool, the PDF printer), is imported only when that command runs:
 * main.ts registers the invoked command in full and every other one as a name and a
 * description (bench/startup.js measures what this saves).
 *
 * `term` and `description` repeat what each command's module declares, as commander prints
 * them in the root help; test/command-table.test.ts holds them equal.
 */
import type { RegisterCommand } from './register.js';

export interface CommandEntry {
  /** The subcommand's name, as typed. */
  readonly name: string;
  /** Its term in the root help: name, `[options]` and arguments. */
  readonly term: string;
  /** Its one-line description. */
  readonly description: string;
  /** Imports the command's module: its register function. */
  readonly load: () => Promise<RegisterCommand>;
}

/** In the order `pointsmith --help` lists them. */
export const commands: readonly CommandEntry[] = [
  {
    name: 'validate',
    term: 'validate [options] <paths...>',
    description: 'check program designs (schema, references, tiers, shares, dates) and report every problem with file:line:col',
    load: async () => (await import('./validate.js')).registerValidate,
  },
  {
    name: 'run',
    term: 'run [options] <program>',
    description: 'replay a partner history through a design: points, cost against budget, tiers over time, reward demand against capacity',
    load: async () => (await import('./run.js')).registerRun,
  },
  {
    name: 'check',
    term: 'check [options] <program>',
    description: 'validate a design, replay the history and test its guardrails: exit 1 when one is crossed or the history gives no evidence (for CI)',
    load: async () => (await import('./check.js')).registerCheck,
  },
  {
    name: 'compare',
    term: 'compare [options] <programs...>',
    description: 'replay several designs, or scenarios of one design, over one history and show them side by side with deltas',
    load: async () => (await import('./compare.js')).registerCompare,
  },
  {
    name: 'sensitivity',
    term: 'sensitivity [options] <program>',
    description: 'move each weight by ±X% one at a time and rank them by impact on a metric (tornado), or sweep parameters over values',
    load: async () => (await import('./sensitivity.js')).registerSensitivity,
  },
  {
    name: 'simulate',
    term: 'simulate [options] <program>',
    description: 'Monte Carlo of redemption: P10/P50/P90 of cost, liability and reward demand; chance that capacity or budget is exceeded',
    load: async () => (await import('./simulate.js')).registerSimulate,
  },
  {
    name: 'calibrate',
    term: 'calibrate [options] <program>',
    description: 'find the design values that give the outcomes you ask for: thresholds for tier shares, a weight multiplier for a budget, an expiry for breakage',
    load: async () => (await import('./calibrate.js')).registerCalibrate,
  },
  {
    name: 'transition',
    term: 'transition [options] <program>',
    description: 'legacy level against new tier for every partner: migration matrix, who moves up or down, who is at risk and what closes the gap, cost before and after',
    load: async () => (await import('./transition.js')).registerTransition,
  },
  {
    name: 'explain',
    term: 'explain [options] <program>',
    description: 'a partner statement: points by activity and category per period, multipliers, caps and promotions applied, expiry, tier history, distance to the next tier',
    load: async () => (await import('./explain.js')).registerExplain,
  },
  {
    name: 'generate',
    term: 'generate [options]',
    description: 'write a synthetic partner history (history.csv) and partners file (partners.csv) into the --out folder',
    load: async () => (await import('./generate.js')).registerGenerate,
  },
  {
    name: 'init',
    term: 'init [options]',
    description: 'write a commented starter design (asks a few questions; --yes for defaults)',
    load: async () => (await import('./init.js')).registerInit,
  },
  {
    name: 'schema',
    term: 'schema [options]',
    description: 'print the JSON Schema of the program format, with --data of the data manifest, or with --output of a command\'s --format json output (for editor completion and validation)',
    load: async () => (await import('./schema.js')).registerSchema,
  },
];
