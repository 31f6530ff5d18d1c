/**
 * `pointsmith generate`: a synthetic but realistic history.csv and partners.csv in the
 * folder given by --out. The core (src/history/generator) makes the rows; this command
 * checks the flags, streams history.csv to a temporary file and renames it into place
 * (never half a file, never an existing file without --force).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { parseDay } from '../../history/day.js';
import { BUILT_IN_PLAN, GENERATED_PERSON_COLUMN, planFromProgram } from '../../history/generator/activity-plan.js';
import { DEFAULT_LEGACY_LEVELS, generateHistory, type GenerateOptions } from '../../history/generator/generate.js';
import { DEFAULT_PROFILE, mergeProfile, profileSchema, type Profile } from '../../history/generator/profile.js';
import { DEFAULT_FROM, DEFAULT_YEARS, outsideDesign, resolveSpan } from '../../history/generator/span.js';
import { windowMonths } from '../../history/generator/targets.js';
import { InputError, UserError } from '../errors.js';
import { unreadable } from '../expand-inputs.js';
import { withExamples } from '../help.js';
import { readProgramFile } from '../load-program.js';
import { writeFileAtomic } from '../output.js';
import { formats, type GenerateFormat, type GenerateReport } from '../../report/generate/index.js';
import { addFormatOption, printFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';

interface GenerateFlags {
  partners: string;
  from?: string;
  to?: string;
  seed: string;
  program?: string;
  profile?: string;
  format: GenerateFormat;
}

const MAX_PARTNERS = 10_000_000;

export const registerGenerate: RegisterCommand = (root, ctx) =>
  withExamples(
    addFormatOption(
      root
        .command('generate')
        .description('write a synthetic partner history (history.csv) and partners file (partners.csv) into the --out folder')
        .requiredOption('--partners <n>', 'number of partners')
        .option('--from <date>', `first day of the history (YYYY-MM-DD; default: the --program design's starts, else ${DEFAULT_FROM})`)
        .option('--to <date>', `last day of the history (YYYY-MM-DD; default: the --program design's ends, else ${DEFAULT_YEARS} years from the first day)`)
        .option('--seed <n>', 'seed of the random generator: the same seed gives byte-identical files', '42')
        .option('--program <file>', 'take the dates (starts..ends), activity ids, legacy levels and fiscal year from this design (default: those of programs/lifecycle.yaml)')
        .option('--profile <file>', 'YAML overriding segment shares, deal sizes, pace, quantities, regions, growth, churn (see docs/commands/generate.md)'),
      formats,
      'text',
      'what to print once the files are written',
    ),
    [
      'pointsmith generate --partners 500 --program mine.yaml --out data/',
      'pointsmith generate --partners 2000 --from 2024-01-01 --to 2025-12-31 --seed 42 --program programs/lifecycle.yaml --out fixtures/sample',
      'pointsmith generate --partners 20000 --seed 7 --out /tmp/big --force',
      'pointsmith generate --partners 500 --program mine.yaml --out data/ --format json > data/manifest.json',
    ],
  ).action(async (flags: GenerateFlags, command) => {
    const g = ctx.globals(command);
    if (g.out === undefined) throw new UserError('generate writes two files: name their folder with --out DIR', { hint: 'pointsmith generate --partners 2000 --out data/' });
    const partners = Number(flags.partners);
    if (!Number.isInteger(partners) || partners < 1 || partners > MAX_PARTNERS) {
      throw new UserError(`--partners ${flags.partners}: expected a whole number from 1 to ${MAX_PARTNERS.toLocaleString('en-US')}`);
    }
    const seed = Number(flags.seed);
    if (!Number.isSafeInteger(seed)) throw new UserError(`--seed ${flags.seed}: expected a whole number`);
    if (flags.from !== undefined) checkedDate('--from', flags.from);
    if (flags.to !== undefined) checkedDate('--to', flags.to);

    const program = flags.program === undefined ? undefined : await readProgramFile(ctx, command, flags.program);
    // Flags first, then the design's dates, then the default span (src/history/generator/span.ts).
    const span = resolveSpan({ from: flags.from, to: flags.to, starts: program?.program.starts, ends: program?.program.ends });
    if (span.to < span.from) {
      const name = (source: string, flag: string, key: string): string => (source === 'flag' ? flag : source === 'design' ? `the design's ${key}` : 'the default end');
      throw new UserError(`${name(span.toSource, '--to', 'ends')} ${span.to} is before ${name(span.fromSource, '--from', 'starts')} ${span.from}`);
    }
    if (program !== undefined) for (const note of outsideDesign(span, program.program.starts, program.program.ends)) ctx.warn(command, note);
    const personColumn = program?.individuals?.person_column;
    if (personColumn !== undefined && personColumn !== GENERATED_PERSON_COLUMN) {
      ctx.warn(command, `individuals.person_column is ${personColumn}, but generate writes people in ${GENERATED_PERSON_COLUMN}: the seller programme will find no sellers (rename the column in history.csv, or use ${GENERATED_PERSON_COLUMN})`);
    }
    const profile = flags.profile === undefined ? DEFAULT_PROFILE : await readProfile(flags.profile, (p) => ctx.path(p));
    const options: GenerateOptions = {
      partners,
      from: span.from,
      to: span.to,
      seed,
      activities: program ? planFromProgram(program) : BUILT_IN_PLAN,
      profile,
      legacyLevels: program?.legacy?.levels ?? DEFAULT_LEGACY_LEVELS,
      certifiedActivity: program?.legacy?.certified_activity ?? 'cert_earned',
      fiscalYearStart: program?.calendar.fiscal_year_start ?? '02-01',
      // Targets (a partners-file column per `target` activity) are set per tier window.
      ...(program !== undefined ? { windowMonths: windowMonths(program.calendar) } : {}),
    };

    const dir = ctx.path(g.out);
    const info = await stat(dir).catch(() => undefined);
    if (info !== undefined && !info.isDirectory()) throw new UserError(`--out ${g.out} is a file; generate needs a folder`);
    const historyPath = join(dir, 'history.csv');
    const partnersPath = join(dir, 'partners.csv');
    if (g.force !== true) {
      for (const path of [historyPath, partnersPath]) {
        if (await stat(path).catch(() => undefined)) {
          throw new UserError(`${join(g.out, path === historyPath ? 'history.csv' : 'partners.csv')} already exists; not overwriting it`, { hint: 'add --force to replace the files, or choose another --out folder' });
        }
      }
    }
    await mkdir(dir, { recursive: true });

    const temp = join(dir, `.history.csv.${randomBytes(4).toString('hex')}.tmp`);
    const stream = createWriteStream(temp, { flags: 'wx' });
    // Hashed as it streams: ten million rows are never read back to be checksummed.
    const historyHash = createHash('sha256');
    let historyBytes = 0;
    let result;
    try {
      result = await generateHistory(options, async (chunk) => {
        const bytes = Buffer.from(chunk, 'utf8');
        historyHash.update(bytes);
        historyBytes += bytes.length;
        if (!stream.write(bytes)) await once(stream, 'drain');
      });
      stream.end();
      await once(stream, 'finish');
      await writeFileAtomic(partnersPath, result.partnersCsv, true);
      await rename(temp, historyPath);
    } catch (error) {
      stream.destroy();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    const partnersBytes = Buffer.from(result.partnersCsv, 'utf8');
    const report: GenerateReport = {
      files: [
        { path: join(g.out, 'history.csv'), kind: 'history', rows: result.rows, bytes: historyBytes, sha256: historyHash.digest('hex') },
        { path: join(g.out, 'partners.csv'), kind: 'partners', rows: partners, bytes: partnersBytes.length, sha256: createHash('sha256').update(partnersBytes).digest('hex') },
      ],
      partners,
      from: span.from,
      to: span.to,
      seed,
      program: flags.program ?? null,
      profile: flags.profile ?? null,
    };
    printFormatted(ctx, command, formats[flags.format], report, {});
  });

function checkedDate(flag: string, text: string): number {
  const day = parseDay(text);
  if (typeof day !== 'number') throw new UserError(`${flag} ${text}: expected a date like 2024-01-31`);
  return day;
}

async function readProfile(file: string, resolve: (path: string) => string): Promise<Profile> {
  const text = await readFile(resolve(file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, resolve);
  });
  let data: unknown;
  try {
    data = parseYaml(text, { logLevel: 'error' });
  } catch (error) {
    throw new UserError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const parsed = profileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const diagnostics: Diagnostic[] = parsed.error.issues.map((issue) => ({
      severity: 'error',
      code: 'profile-invalid',
      message: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
      file,
      line: 0,
      col: 0,
      hint: 'see docs/commands/generate.md for the profile keys',
    }));
    throw new InputError(diagnostics);
  }
  return mergeProfile(parsed.data);
}
