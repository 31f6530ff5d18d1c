/**
 * `pointsmith init`: a commented starter design from a few answers. Every question has a
 * flag and a default; the questions left unanswered by flags are asked in a terminal,
 * taken at their defaults with --yes (or when `CI` is set), and refused otherwise. With
 * --history the ways to earn are the history's activity names and the Silver and Gold
 * thresholds are calibrated on it to the --gold-share and --silver-share asked for.
 */
import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { Option } from 'commander';
import { createPromptModule } from 'inquirer';
import { calibrate } from '../../analysis/calibrate.js';
import { startingThresholds, starterThresholds, thresholdPairs, type StarterThreshold, type TierShareGoal } from '../../analysis/starter-thresholds.js';
import { closest } from '../../diagnostics/did-you-mean.js';
import { compile } from '../../engine/compile.js';
import { replayMeasure } from '../../analysis/calibrate-measure.js';
import { replayCompiled } from '../../engine/replay.js';
import type { Ledger } from '../../engine/ledger.js';
import { formatDay } from '../../history/day.js';
import { historyStarterActivities } from '../../program/init-history.js';
import { certifiedActivity, DEFAULT_STARTER_LEGACY, legacyLevelsText, parseLegacyLevels, type StarterLegacy } from '../../program/init-legacy.js';
import { loadProgram } from '../../program/load.js';
import type { Program } from '../../program/program.js';
import {
  DEFAULT_STARTER,
  renderStarterDesign,
  STARTER_ACTIVITIES,
  type StarterActivity,
  type StarterAnswers,
} from '../../program/starter.js';
import { formats, type InitFormat, type InitReport } from '../../report/init/index.js';
import type { CommandContext } from '../context.js';
import { dataSources } from '../data-sources.js';
import { InputError, UserError } from '../errors.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand, readOne, type HistoryOptions } from '../load-history.js';
import { assertWritable, writeFileAtomic } from '../output.js';
import { schemaReference } from '../schema-reference.js';
import { addFormatOption, printFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIODS = ['month', 'quarter', 'half', 'year'] as const;
/** `init --history`: the shares of partners each tier should hold at the last evaluation. */
export const DEFAULT_GOLD_SHARE = 0.1;
export const DEFAULT_SILVER_SHARE = 0.3;

interface InitFlags extends HistoryOptions {
  yes?: boolean;
  format: InitFormat;
  name?: string;
  currency?: string;
  starts?: string;
  ends?: string;
  period?: StarterAnswers['period'];
  activities?: string;
  silver?: string;
  gold?: string;
  budget?: string;
  regions?: string;
  legacyLevels?: string;
  baseLevel?: string;
  goldShare?: string;
  silverShare?: string;
}

/** What `--history` tells the questions before any is asked. */
interface HistoryFacts {
  readonly catalogue: readonly StarterActivity[];
  readonly starts: string;
  readonly ends: string;
}

/** A list flag or answer: comma-separated, blanks dropped; `none` for an empty list. */
function list(text: string): string[] {
  return text.trim().toLowerCase() === 'none' ? [] : text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function count(flag: string, text: string, what: string, example: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new UserError(`${flag} ${text}: expected ${what}`, { hint: `e.g. ${flag} ${example}` });
  return n;
}

/** `10%` or `0.1`: a share strictly between 0 and 1. */
function shareFlag(flag: string, text: string): number {
  const percent = text.trim().endsWith('%');
  const n = Number(percent ? text.trim().slice(0, -1) : text);
  const share = percent ? n / 100 : n;
  if (text.trim() === '' || !Number.isFinite(share) || share <= 0 || share >= 1) {
    throw new UserError(`${flag} ${text}: expected a share of partners above 0 and below 100%`, { hint: !percent && n > 1 && n < 100 ? `did you mean ${flag} ${n}%?` : `e.g. ${flag} 10% (or 0.1)` });
  }
  return share;
}

function dateFlag(flag: string, text: string): string {
  if (!DATE.test(text)) throw new UserError(`${flag} ${text}: expected a date as YYYY-MM-DD`, { hint: `e.g. ${flag} 2024-01-01` });
  return text;
}

/** The answers the flags give, checked one by one (the questions then skip them). */
function answersFromFlags(flags: InitFlags, catalogue: readonly StarterActivity[], history: boolean): Partial<Record<keyof StarterAnswers, unknown>> {
  const given: Partial<Record<keyof StarterAnswers, unknown>> = {};
  if (flags.name !== undefined) given.name = flags.name;
  if (flags.currency !== undefined) {
    if (!/^[A-Z]{3}$/.test(flags.currency)) throw new UserError(`--currency ${flags.currency}: expected a 3-letter currency code in capitals`, { hint: `e.g. --currency ${flags.currency.toUpperCase().length === 3 ? flags.currency.toUpperCase() : 'EUR'}` });
    given.currency = flags.currency;
  }
  if (flags.starts !== undefined) given.starts = dateFlag('--starts', flags.starts);
  if (flags.ends !== undefined) given.ends = dateFlag('--ends', flags.ends);
  if (flags.period !== undefined) given.period = flags.period;
  if (flags.activities !== undefined) {
    if (history) throw new UserError('--activities picks among the built-in ways to earn; with --history the ways to earn are the history\'s activity names', { hint: 'drop --activities, or drop --history' });
    const ids = catalogue.map((a) => a.id);
    const picked = list(flags.activities);
    for (const id of picked) {
      if (!ids.includes(id)) {
        const guess = closest(id, ids);
        throw new UserError(`--activities: \`${id}\` is not one of the ways to earn init knows (${ids.join(', ')})`, { hint: guess !== undefined ? `did you mean \`${guess}\`?` : 'pick from the list, comma-separated' });
      }
    }
    if (picked.length === 0) throw new UserError('--activities: pick at least one way to earn', { hint: `e.g. --activities ${DEFAULT_STARTER.activities.join(',')}` });
    given.activities = picked;
  }
  if (flags.silver !== undefined || flags.gold !== undefined) {
    if (history) throw new UserError('--silver and --gold set thresholds by hand; with --history they are calibrated to --silver-share and --gold-share', { hint: 'drop --silver/--gold, or give the shares you want: --gold-share 10% --silver-share 30%' });
  }
  if (flags.silver !== undefined) given.silver = count('--silver', flags.silver, 'the points a partner needs for Silver (a number, 0 or more)', '2500');
  if (flags.gold !== undefined) given.gold = count('--gold', flags.gold, 'the points a partner needs for Gold (a number, 0 or more)', '8000');
  if (flags.budget !== undefined) given.budget = count('--budget', flags.budget, 'a yearly budget (a number, 0 or more)', '500000');
  if (flags.regions !== undefined) given.regions = list(flags.regions);
  if (flags.legacyLevels !== undefined || flags.baseLevel !== undefined) given.legacy = legacyFrom(flags.legacyLevels ?? legacyLevelsText(DEFAULT_STARTER_LEGACY.levels), flags.baseLevel ?? DEFAULT_STARTER_LEGACY.base);
  return given;
}

function legacyFrom(levels: string, base: string): StarterLegacy | null {
  if (base.trim() === '') throw new UserError('--base-level: expected the name of the level every partner meets', { hint: 'e.g. --base-level Registered' });
  const parsed = parseLegacyLevels(levels, base.trim());
  if (parsed !== null && 'message' in parsed) throw new UserError(`--legacy-levels: ${parsed.message}`, { hint: parsed.hint });
  return parsed === null ? null : { base: base.trim(), levels: parsed };
}

/**
 * The questions the flags left open, on stdout; on stderr when stdout carries the JSON
 * report (`init --format json > answers.json` still asks in the terminal).
 */
async function ask(output: NodeJS.WritableStream, defaults: StarterAnswers, given: Partial<Record<keyof StarterAnswers, unknown>>, catalogue: readonly StarterActivity[], history: boolean): Promise<StarterAnswers> {
  const prompt = createPromptModule({ output });
  const legacyDefault = defaults.legacy === null ? 'none' : legacyLevelsText(defaults.legacy.levels);
  const answers = await prompt(
    [
      { type: 'input', name: 'name', message: 'Program name', default: defaults.name },
      { type: 'input', name: 'currency', message: 'Currency (3 letters)', default: defaults.currency, validate: (v: string) => /^[A-Z]{3}$/.test(v) || 'three capital letters, e.g. USD' },
      { type: 'input', name: 'starts', message: 'First day (YYYY-MM-DD)', default: defaults.starts, validate: (v: string) => DATE.test(v) || 'a date as YYYY-MM-DD' },
      { type: 'input', name: 'ends', message: 'Last day (YYYY-MM-DD)', default: defaults.ends, validate: (v: string) => DATE.test(v) || 'a date as YYYY-MM-DD' },
      { type: 'select', name: 'period', message: 'Evaluate tiers every', choices: [...PERIODS], default: defaults.period },
      ...(history
        ? []
        : [
            {
              type: 'checkbox' as const,
              name: 'activities',
              message: 'Ways to earn',
              choices: catalogue.map((a) => ({ name: `${a.id}  (${a.comment})`, value: a.id, checked: defaults.activities.includes(a.id) })),
              validate: (v: readonly unknown[]) => v.length > 0 || 'pick at least one',
            },
            { type: 'number' as const, name: 'silver', message: 'Points for Silver', default: defaults.silver },
            { type: 'number' as const, name: 'gold', message: 'Points for Gold', default: defaults.gold },
          ]),
      { type: 'number', name: 'budget', message: 'Yearly budget', default: defaults.budget },
      { type: 'input', name: 'regions', message: 'Regions (the `region` column\'s values, comma-separated; none for no regional thresholds)', default: defaults.regions.length === 0 ? 'none' : defaults.regions.join(','), filter: (v: string) => list(v) },
      {
        type: 'input',
        name: 'legacy',
        message: `Legacy levels being replaced, above the base level ${defaults.legacy?.base ?? DEFAULT_STARTER_LEGACY.base} (NAME:REVENUE:CERTIFIED, comma-separated, low to high; none)`,
        default: legacyDefault,
        validate: (v: string) => {
          const parsed = parseLegacyLevels(v, defaults.legacy?.base ?? DEFAULT_STARTER_LEGACY.base);
          return parsed === null || !('message' in parsed) || `${parsed.message} (${parsed.hint})`;
        },
        filter: (v: string) => legacyFrom(v, defaults.legacy?.base ?? DEFAULT_STARTER_LEGACY.base),
      },
    ],
    given,
  );
  return { ...defaults, ...(answers as Partial<StarterAnswers>) };
}

/** Truthy `CI` (as CI services set it): no one is there to answer. */
function inCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** The history's activity names (with their row counts) and first and last day, before any design exists. */
async function historyFacts(ctx: CommandContext, command: Command, flags: InitFlags): Promise<HistoryFacts> {
  const sources = await dataSources(ctx, flags);
  const rows = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  for (const source of sources.history) {
    const { parsed } = await readOne(ctx, command, source, flags.cache !== false);
    const { store } = parsed;
    for (let e = 0; e < store.size; e++) {
      const id = store.activityIds[store.activity[e] ?? 0] ?? '';
      rows.set(id, (rows.get(id) ?? 0) + 1);
    }
    if (store.size > 0) {
      first = Math.min(first, store.firstDay);
      last = Math.max(last, store.lastDay);
    }
  }
  if (rows.size === 0) throw new UserError(`${sources.history.map((s) => s.file).join(', ')}: no activity rows to build a design from`, { hint: 'give a history with rows: partner_id, date, activity' });
  return { catalogue: historyStarterActivities(rows), starts: formatDay(first), ends: formatDay(last) };
}

function rendered(answers: StarterAnswers, schemaRef: string | undefined, catalogue: readonly StarterActivity[]): string {
  const text = renderStarterDesign(answers, schemaRef, catalogue);
  if (typeof text !== 'string') throw new UserError(text.message, { hint: text.hint });
  return text;
}

/** The starter as a Program, to replay: a design init wrote that does not load is init's bug. */
function starterProgram(text: string, file: string): Program {
  const { program, diagnostics } = loadProgram(text, file);
  if (program === undefined) throw new InputError(diagnostics);
  return program;
}

/**
 * Silver and Gold calibrated on the history: the design replayed with the thresholds
 * changed (as `calibrate` does), from the history's percentiles (starter-thresholds.ts).
 */
async function calibrateThresholds(ctx: CommandContext, command: Command, answers: StarterAnswers, catalogue: readonly StarterActivity[], goals: readonly TierShareGoal[], file: string): Promise<{ thresholds: StarterThreshold[]; ledger: Ledger }> {
  const program = starterProgram(rendered({ ...answers, regions: [] }, undefined, catalogue), file);
  const history = await loadHistoryForCommand(ctx, command, program);
  const ledger = replayCompiled(compile(program, history.prepared), { detail: false });
  const pairs = thresholdPairs(program, goals, startingThresholds(ledger, goals));
  // Gold at or below Silver is rejected by the design's rules: outside the range searched.
  const calibration = calibrate(pairs, replayMeasure(program, file, history.prepared, history.people, pairs));
  return { thresholds: starterThresholds(goals, calibration), ledger };
}

/**
 * The defaults over a history: its span and every activity it holds; regions come from the
 * data after the replay. Legacy levels count certified people only when an activity can.
 */
function historyDefaults(facts: HistoryFacts): StarterAnswers {
  const activities = facts.catalogue.map((a) => a.id);
  const counts = !('message' in certifiedActivity(DEFAULT_STARTER_LEGACY, activities));
  const legacy = counts ? DEFAULT_STARTER_LEGACY : { ...DEFAULT_STARTER_LEGACY, levels: DEFAULT_STARTER_LEGACY.levels.map((l) => ({ ...l, certified: 0 })) };
  return { ...DEFAULT_STARTER, starts: facts.starts, ends: facts.ends, activities, regions: [], legacy };
}

/** Regions the replay saw (the partners file's, else the history's `region`), sorted; blank left out. */
function ledgerRegions(ledger: Ledger): string[] {
  return [...new Set(ledger.partners.map((p) => p.region).filter((r) => r !== ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export const registerInit: RegisterCommand = (root, ctx) => {
  const command = root
    .command('init')
    // The root help's table (commands/index.ts) says the same without importing this module.
    .description('write a commented starter design (asks a few questions; --yes for defaults)')
    .option('-y, --yes', 'take every default the flags leave open, without asking (for scripts; implied when CI is set)')
    .option('--name <text>', `program name (default: ${DEFAULT_STARTER.name})`)
    .option('--currency <code>', `3-letter currency (default: ${DEFAULT_STARTER.currency})`)
    .option('--starts <date>', `first day, YYYY-MM-DD (default: ${DEFAULT_STARTER.starts}; with --history its first day)`)
    .option('--ends <date>', `last day, YYYY-MM-DD (default: ${DEFAULT_STARTER.ends}; with --history its last day)`)
    .addOption(new Option('--period <kind>', `evaluate tiers every month, quarter, half or year (default: ${DEFAULT_STARTER.period})`).choices(PERIODS))
    .option('--activities <ids>', `ways to earn, comma-separated (default: ${DEFAULT_STARTER.activities.join(',')}; choose from ${STARTER_ACTIVITIES.map((a) => a.id).join(', ')})`)
    .option('--silver <points>', `points for Silver (default: ${DEFAULT_STARTER.silver})`)
    .option('--gold <points>', `points for Gold (default: ${DEFAULT_STARTER.gold})`)
    .option('--budget <amount>', `yearly budget (default: ${DEFAULT_STARTER.budget})`)
    .option('--regions <list>', `values of the region column, each with its own Gold threshold; none for no regions (default: ${DEFAULT_STARTER.regions.join(',')}; with --history the data's)`)
    .option('--legacy-levels <list>', `the levels programme replaced, NAME:REVENUE[:CERTIFIED] low to high, above the base level; none for no legacy section (default: ${legacyLevelsText(DEFAULT_STARTER_LEGACY.levels)})`)
    .option('--base-level <name>', `the legacy level every partner meets, written first (default: ${DEFAULT_STARTER_LEGACY.base})`)
    .option('--gold-share <share>', `with --history: share of partners in Gold at the last evaluation (default: ${DEFAULT_GOLD_SHARE * 100}%)`)
    .option('--silver-share <share>', `with --history: share of partners in Silver (not Gold) at the last evaluation (default: ${DEFAULT_SILVER_SHARE * 100}%)`);
  addFormatOption(command, formats, 'text', 'what to print once the design is written');
  addHistoryOptions(command);
  return withExamples(command, [
    'pointsmith init',
    'pointsmith init --yes --out programs/mine.yaml',
    'pointsmith init --yes --regions emea,amer --legacy-levels Silver:100000:2,Gold:500000:5 --budget 250000 --out mine.yaml --format json',
    'pointsmith init --yes --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --gold-share 10% --silver-share 30% --out mine.yaml',
  ]).action(async (flags: InitFlags, cmd: Command) => {
    const g = ctx.globals(cmd);
    const formatter = formats[flags.format];
    const withHistory = (flags.history?.length ?? 0) > 0 || flags.data !== undefined;
    if (!withHistory && (flags.goldShare !== undefined || flags.silverShare !== undefined)) {
      throw new UserError('--gold-share and --silver-share calibrate the thresholds on a history: add --history', { hint: 'or set the thresholds by hand with --silver and --gold' });
    }
    const goldShare = flags.goldShare === undefined ? DEFAULT_GOLD_SHARE : shareFlag('--gold-share', flags.goldShare);
    const silverShare = flags.silverShare === undefined ? DEFAULT_SILVER_SHARE : shareFlag('--silver-share', flags.silverShare);
    if (goldShare + silverShare >= 1) {
      throw new UserError(`--gold-share ${flags.goldShare ?? `${DEFAULT_GOLD_SHARE * 100}%`} and --silver-share ${flags.silverShare ?? `${DEFAULT_SILVER_SHARE * 100}%`} leave no partner Registered`, { hint: 'the two shares together must stay below 100%' });
    }
    const given = answersFromFlags(flags, STARTER_ACTIVITIES, withHistory);
    // The questions go where the report does not: stdout, or stderr under --format json.
    const reportOnStdout = formatter.channel !== 'note';
    const questions = reportOnStdout ? ctx.io.stderr : ctx.io.stdout;
    const takeDefaults = flags.yes === true || inCi(ctx.io.env);
    if (!takeDefaults && !(ctx.io.stdinIsTTY && questions.isTTY)) {
      throw new UserError('init asks questions, but this is not a terminal', { hint: 'run it in a terminal, or add --yes to take the defaults (each question has a flag: pointsmith init --help)' });
    }
    const target = g.out ?? 'program.yaml';
    await assertWritable(ctx.path(target), g.force === true);

    const facts = withHistory ? await historyFacts(ctx, cmd, flags) : undefined;
    const catalogue = facts?.catalogue ?? STARTER_ACTIVITIES;
    const defaults: StarterAnswers = facts === undefined ? DEFAULT_STARTER : historyDefaults(facts);
    let answers = takeDefaults ? ({ ...defaults, ...given } as StarterAnswers) : await ask(reportOnStdout ? process.stderr : process.stdout, defaults, given, catalogue, withHistory);
    if (answers.ends < answers.starts) throw new UserError(`the last day (${answers.ends}) is before the first (${answers.starts})`, { hint: 'give --starts and --ends in order' });

    let thresholds: StarterThreshold[] | null = null;
    if (withHistory) {
      const goals = [
        { tier: 'Gold', share: goldShare },
        { tier: 'Silver', share: silverShare },
      ];
      const found = await calibrateThresholds(ctx, cmd, answers, catalogue, goals, target);
      thresholds = found.thresholds;
      const point = (tier: string): number => thresholds?.find((t) => t.tier === tier)?.min_points ?? 0;
      answers = { ...answers, silver: point('Silver'), gold: point('Gold'), ...(given.regions === undefined ? { regions: ledgerRegions(found.ledger) } : {}) };
    }
    if (answers.gold <= answers.silver) throw new UserError(`Gold (${answers.gold}) must need more points than Silver (${answers.silver})`, { hint: 'give --gold above --silver' });
    const design = rendered(answers, schemaReference(ctx.path(target), ctx.io.cwd), catalogue);
    await writeFileAtomic(ctx.path(target), design, g.force === true);
    const bytes = Buffer.from(design, 'utf8');
    const report: InitReport = {
      file: target,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      defaults: takeDefaults,
      answers,
      history: withHistory ? { files: flags.data !== undefined ? [flags.data] : [...(flags.history ?? [])], partners: flags.partners ?? null, thresholds: thresholds ?? [] } : null,
    };
    printFormatted(ctx, cmd, formatter, report, {});
  });
};
