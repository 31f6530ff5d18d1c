/**
 * The program loader: bytes → text → YAML with positions → reserved keys dropped →
 * format version → zod → semantic rules → a normalized, deep-frozen Program. Every
 * problem of the file is collected as a Diagnostic; nothing is thrown.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticSink, sortByPosition } from './diagnostic-sink.js';
import { noPositions, type Locator } from './positions.js';
import { deepFreeze, type Program } from './program.js';
import { dropReservedKeys } from './reserved-keys.js';
import { programSchema } from './schema.js';
import { reportSchemaIssues } from './schema-issues.js';
import { schemasAt } from './schema-walk.js';
import { collectNames, type PartialProgram } from './semantic/context.js';
import { runSemanticRules } from './semantic/index.js';
import { decodeSource } from './source-text.js';
import { NUMBER_NOTATION, parseYamlSource } from './yaml-source.js';

export interface LoadResult {
  readonly program: Program | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export const FORMAT_VERSION = 1;

/** Parse YAML with positions, validate with zod, run semantic rules, normalize & deep-freeze. program is undefined iff an error diagnostic exists. */
export function loadProgram(source: string | Uint8Array, file: string): LoadResult {
  try {
    const decoded = decodeSource(source, file);
    if ('diagnostic' in decoded) return { program: undefined, diagnostics: [decoded.diagnostic] };
    const parsed = parseYamlSource(decoded.text, file);
    if (!parsed.ok) return { program: undefined, diagnostics: parsed.diagnostics };
    const result = check(parsed.data, file, parsed.locator);
    if (parsed.warnings.length === 0) return result;
    // A refused number notation (`0x10`, `.inf`...) is one error: the schema's own complaint
    // about the value it resolved to (a string, NaN, out of range) at the same place is dropped.
    const notations = new Set(parsed.warnings.filter((d) => d.code === NUMBER_NOTATION).map((d) => `${d.line}:${d.col}`));
    const checked = notations.size === 0 ? result.diagnostics : result.diagnostics.filter((d) => !notations.has(`${d.line}:${d.col}`));
    const diagnostics = sortByPosition([...parsed.warnings, ...checked]);
    return { program: diagnostics.some((d) => d.severity === 'error') ? undefined : result.program, diagnostics };
  } catch (error) {
    return internalFailure(error, file);
  }
}

/** Same checks for an already-parsed object (after --set / scenario changes); positions unknown (line 0) unless a locator is given. */
export function checkProgramData(data: unknown, file: string, locator: Locator = noPositions): LoadResult {
  try {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return {
        program: undefined,
        diagnostics: [
          { severity: 'error', code: 'not-a-mapping', message: 'the design must be a mapping of sections', file, line: 0, col: 0, hint: 'pass the parsed design object' },
        ],
      };
    }
    return check(data, file, locator);
  } catch (error) {
    return internalFailure(error, file);
  }
}

function check(input: object, file: string, locator: Locator): LoadResult {
  const sink = new DiagnosticSink(file, locator);
  const raw = dropReservedKeys(input, sink) as Record<string, unknown>;
  const versionOk = checkFormatVersion(raw, sink);
  const parsed = programSchema.safeParse(raw);
  let partial: PartialProgram;
  if (parsed.success) {
    partial = parsed.data;
  } else {
    // The version has its own, clearer diagnostic; zod's literal mismatch would repeat it.
    reportSchemaIssues(parsed.error.issues.filter((issue) => issue.path[0] !== 'pointsmith'), raw, sink);
    partial = parseSections(raw);
  }
  runSemanticRules({ data: partial, raw, names: collectNames(raw), sink });
  const diagnostics = sink.sorted();
  const failed = !versionOk || diagnostics.some((d) => d.severity === 'error');
  return { program: failed || !parsed.success ? undefined : deepFreeze(parsed.data), diagnostics };
}

function checkFormatVersion(raw: Record<string, unknown>, sink: DiagnosticSink): boolean {
  if (!Object.hasOwn(raw, 'pointsmith')) {
    sink.report({
      code: 'missing-format-version',
      message: 'the format version is missing',
      path: [Object.keys(raw)[0] ?? 'pointsmith'],
      part: 'key',
      hint: `add \`pointsmith: ${FORMAT_VERSION}\` as the first line of the design`,
    });
    return false;
  }
  const version = raw['pointsmith'];
  if (version === FORMAT_VERSION) return true;
  sink.report({
    code: 'unsupported-format-version',
    message: `format version ${JSON.stringify(version)} is not supported; this pointsmith reads version ${FORMAT_VERSION}`,
    path: ['pointsmith'],
    hint: typeof version === 'number' && version > FORMAT_VERSION ? 'upgrade pointsmith to read this design' : `write \`pointsmith: ${FORMAT_VERSION}\``,
  });
  return false;
}

/** Record sections whose entries are checked one by one, so one bad entry does not hide the others from the rules. */
const ENTRY_SECTIONS = new Set(['categories', 'activities', 'scenarios']);

/** The sections (and record entries) that pass the schema on their own, for the semantic rules. */
function parseSections(raw: Record<string, unknown>): PartialProgram {
  const partial: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(programSchema.shape)) {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    const whole = schema.safeParse(value);
    if (whole.success) {
      if (whole.data !== undefined) partial[key] = whole.data;
      continue;
    }
    const entrySchema = schemasAt([key, '*'])[0];
    if (!ENTRY_SECTIONS.has(key) || entrySchema === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const entries: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(value)) {
      const one = (entrySchema as typeof schema).safeParse(entry);
      if (one.success) entries[name] = one.data;
    }
    partial[key] = entries;
  }
  return partial as PartialProgram;
}

function internalFailure(error: unknown, file: string): LoadResult {
  return {
    program: undefined,
    diagnostics: [
      {
        severity: 'error',
        code: 'internal-error',
        message: `pointsmith failed while reading the design: ${error instanceof Error ? error.message : String(error)}`,
        file,
        line: 0,
        col: 0,
        hint: 'this is a bug in pointsmith; please report it with the file',
      },
    ],
  };
}
