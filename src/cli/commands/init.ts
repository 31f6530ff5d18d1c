import { createHash } from 'node:crypto';
import { createPromptModule } from 'inquirer';
import {
  DEFAULT_STARTER,
  renderStarterDesign,
  STARTER_ACTIVITIES,
  type StarterAnswers,
} from '../../program/starter.js';
import { formats, type InitFormat } from '../../report/init/index.js';
import { UserError } from '../errors.js';
import { withExamples } from '../help.js';
import { assertWritable, writeFileAtomic } from '../output.js';
import { schemaReference } from '../schema-reference.js';
import { addFormatOption, printFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The questions, on stdout; on stderr when stdout carries the JSON report
 * (`init --format json > answers.json` still asks in the terminal).
 */
async function ask(output: NodeJS.WritableStream): Promise<StarterAnswers> {
  const prompt = createPromptModule({ output });
  const answers = await prompt([
    { type: 'input', name: 'name', message: 'Program name', default: DEFAULT_STARTER.name },
    { type: 'input', name: 'currency', message: 'Currency (3 letters)', default: DEFAULT_STARTER.currency, validate: (v: string) => /^[A-Z]{3}$/.test(v) || 'three capital letters, e.g. USD' },
    { type: 'input', name: 'starts', message: 'First day (YYYY-MM-DD)', default: DEFAULT_STARTER.starts, validate: (v: string) => DATE.test(v) || 'a date as YYYY-MM-DD' },
    { type: 'input', name: 'ends', message: 'Last day (YYYY-MM-DD)', default: DEFAULT_STARTER.ends, validate: (v: string) => DATE.test(v) || 'a date as YYYY-MM-DD' },
    { type: 'select', name: 'period', message: 'Evaluate tiers every', choices: ['month', 'quarter', 'half', 'year'], default: DEFAULT_STARTER.period },
    {
      type: 'checkbox',
      name: 'activities',
      message: 'Ways to earn',
      choices: STARTER_ACTIVITIES.map((a) => ({ name: `${a.id}  (${a.comment})`, value: a.id, checked: DEFAULT_STARTER.activities.includes(a.id) })),
      validate: (v: readonly unknown[]) => v.length > 0 || 'pick at least one',
    },
    { type: 'number', name: 'silver', message: 'Points for Silver', default: DEFAULT_STARTER.silver },
    { type: 'number', name: 'gold', message: 'Points for Gold', default: DEFAULT_STARTER.gold },
    { type: 'number', name: 'budget', message: 'Yearly budget', default: DEFAULT_STARTER.budget },
  ]);
  return answers as StarterAnswers;
}

export const registerInit: RegisterCommand = (root, ctx) =>
  withExamples(
    addFormatOption(
      root
        .command('init')
        .description('write a commented starter design (asks a few questions; --yes for defaults)')
        .option('-y, --yes', 'take every default without asking (for scripts and CI)'),
      formats,
      'text',
      'what to print once the design is written',
    ),
    ['pointsmith init', 'pointsmith init --yes --out programs/mine.yaml', 'pointsmith init --yes --out programs/mine.yaml --format json'],
  ).action(async (options: { yes?: boolean; format: InitFormat }, command) => {
    const g = ctx.globals(command);
    const formatter = formats[options.format];
    // The questions go where the report does not: stdout, or stderr under --format json.
    const reportOnStdout = formatter.channel !== 'note';
    const questions = reportOnStdout ? ctx.io.stderr : ctx.io.stdout;
    if (!options.yes && !(ctx.io.stdinIsTTY && questions.isTTY)) {
      throw new UserError('init asks questions, but this is not a terminal', { hint: 'run it in a terminal, or add --yes to take the defaults' });
    }
    const target = g.out ?? 'program.yaml';
    await assertWritable(ctx.path(target), g.force === true);
    const answers = options.yes ? DEFAULT_STARTER : await ask(reportOnStdout ? process.stderr : process.stdout);
    if (answers.ends < answers.starts) throw new UserError(`the last day (${answers.ends}) is before the first (${answers.starts})`);
    if (answers.gold <= answers.silver) throw new UserError(`Gold (${answers.gold}) must need more points than Silver (${answers.silver})`);
    const design = renderStarterDesign(answers, schemaReference(ctx.path(target), ctx.io.cwd));
    await writeFileAtomic(ctx.path(target), design, g.force === true);
    const bytes = Buffer.from(design, 'utf8');
    const report = { file: target, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), defaults: options.yes === true, answers };
    printFormatted(ctx, command, formatter, report, {});
  });
