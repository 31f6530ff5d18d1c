/**
 * Turns zod issues into findings a program owner can act on: the exact key or value,
 * what was expected in words, and a did-you-mean for unknown keys.
 */
import { MAX_FIGURE } from './schema.js';
import type { z } from 'zod';
import { closest, suggestion } from '../diagnostics/did-you-mean.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import { describeValue, formatPath } from './message-words.js';
import { allowedKeysAt } from './schema-walk.js';

type Issue = z.core.$ZodIssue;

const EXPECTED_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: '`true` or `false`',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  array: 'a list',
  null: 'nothing',
  date: 'a date',
};

export function valueAt(data: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return { found: false, value: undefined };
    if (!Object.hasOwn(current, segment)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value: current };
}

export function reportSchemaIssues(issues: readonly Issue[], data: unknown, sink: DiagnosticSink, prefix: readonly PropertyKey[] = []): void {
  const typos = misspelledRequiredKeys(issues);
  for (const issue of issues) {
    // A required key that is only misspelled (`categroy:`) is one mistake: the unknown key says it all.
    if (issue.code === 'invalid_type' && typos.has(pathKey(issue.path))) continue;
    reportIssue(issue, data, sink, prefix);
  }
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map(String));
}

/** Paths of missing required keys for which an unknown key in the same object is a close spelling. */
function misspelledRequiredKeys(issues: readonly Issue[]): Set<string> {
  const unknownByObject = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') unknownByObject.set(pathKey(issue.path), [...issue.keys]);
  }
  const result = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' || issue.path.length === 0) continue;
    const key = String(issue.path[issue.path.length - 1]);
    const unknown = unknownByObject.get(pathKey(issue.path.slice(0, -1)));
    if (unknown?.some((candidate) => closest(candidate, [key]) === key)) result.add(pathKey(issue.path));
  }
  return result;
}

function reportIssue(issue: Issue, data: unknown, sink: DiagnosticSink, prefix: readonly PropertyKey[]): void {
  const path = [...prefix, ...issue.path];
  const where = formatPath(path);
  const { found, value } = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(path) ?? [];
      for (const key of issue.keys) {
        sink.report({
          code: 'unknown-key',
          message: `unknown key \`${key}\`${path.length > 0 ? ` in ${where}` : ' at the top level'}`,
          path: [...path, key],
          part: 'key',
          hint: suggestion(key, allowed) ?? 'remove it',
        });
      }
      return;
    }
    case 'invalid_type': {
      const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
      if (!found || value === undefined) {
        const key = path[path.length - 1];
        const parent = path.slice(0, -1);
        sink.report({
          code: 'missing-key',
          message: `${parent.length > 0 ? `${formatPath(parent)} is` : 'the program is'} missing the required key \`${String(key)}\` (${expected})`,
          path: parent,
          part: 'key',
          hint: `add \`${String(key)}:\``,
        });
        return;
      }
      sink.report({
        code: 'wrong-type',
        message: `${where}: expected ${expected}, got ${typeof value === 'number' && !Number.isFinite(value) ? 'an infinite number' : describeValue(value)}`,
        path,
        hint: hintForType(issue.expected, value) ?? `write ${expected} here`,
      });
      return;
    }
    case 'invalid_union':
      reportUnion(issue, path, value, data, sink);
      return;
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      sink.report({
        code: 'invalid-value',
        message: `${where}: expected ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}, got ${describeValue(value)}`,
        path,
        hint: (typeof value === 'string' ? suggestion(value, issue.values.map(String)) : undefined) ?? 'use one of the listed values',
      });
      return;
    }
    case 'too_small':
    case 'too_big': {
      sink.report({
        code: 'out-of-range',
        message: `${where}: ${rangeWords(issue)}, got ${Array.isArray(value) ? `${value.length} item(s)` : describeValue(value)}`,
        path,
        hint: rangeHint(issue),
      });
      return;
    }
    case 'invalid_format':
      sink.report({
        code: 'invalid-format',
        message: `${where}: ${issue.message.startsWith('expected') ? issue.message : `expected ${issue.format}`}, got ${describeValue(value)}`,
        path,
        hint: formatHint(issue, value),
      });
      return;
    default:
      sink.report({ code: 'invalid-value', message: `${where}: ${issue.message}`, path, hint: 'see docs/format.md for what this key accepts' });
  }
}

function rangeWords(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (issue.origin === 'array') {
    return issue.code === 'too_small' ? `expected at least ${bound} item(s)` : `expected at most ${bound} item(s)`;
  }
  if (issue.origin === 'string') return issue.code === 'too_small' ? 'expected non-empty text' : `expected at most ${bound} characters`;
  // The format's outer bounds (±1e12) read better in exponent form than as 13 digits.
  const shown = Math.abs(bound) >= 1e9 ? bound.toExponential().replace('e+', 'e') : String(bound);
  if (issue.code === 'too_small') {
    if (bound === 0) return issue.inclusive ? 'expected a number of at least 0' : 'expected a number above 0';
    return `expected a number ${issue.inclusive ? 'of at least' : 'above'} ${shown}`;
  }
  return `expected a number ${issue.inclusive ? 'of at most' : 'below'} ${shown}`;
}

function formatHint(issue: z.core.$ZodIssueInvalidStringFormat, value: unknown): string {
  if (issue.message.includes('YYYY-MM-DD')) return 'write dates as 2024-01-31';
  const pattern = issue.pattern !== undefined ? /^\/(.*)\/([a-z]*)$/.exec(issue.pattern) : null;
  if (pattern && typeof value === 'string') {
    const regex = new RegExp(pattern[1] ?? '', pattern[2]);
    for (const fixed of [value.trim(), value.trim().toUpperCase(), value.trim().toLowerCase()]) {
      if (fixed !== value && regex.test(fixed)) return `write \`${fixed}\``;
    }
  }
  return 'see docs/format.md for the accepted form';
}

function rangeHint(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  if (issue.origin === 'array') return issue.code === 'too_small' ? 'add the missing entries, or remove the key' : 'remove some entries';
  if (issue.origin === 'string') return 'give a name or remove the key';
  if (issue.code === 'too_small' && Number(issue.minimum) === 0) return issue.inclusive ? 'negative values are not allowed here' : 'use a number above 0';
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (Math.abs(bound) === MAX_FIGURE) return 'every number in a design lies strictly between -1e12 and 1e12 (docs/format.md, Numbers)';
  return 'use a number inside the allowed range';
}

function hintForType(expected: string, value: unknown): string | undefined {
  if ((expected === 'number' || expected === 'int') && typeof value === 'string') {
    return /^\s*[-+]?[\d.,]+\s*$/.test(value) ? 'write the number without quotes or thousands separators' : 'write a plain number, e.g. 50';
  }
  if (expected === 'string' && value === null) return 'give a value after the colon';
  if (expected === 'object' || expected === 'record') return 'indent the entries under the key, one `name: value` per line';
  if (expected === 'array') return 'write a list: one `- item` per line, or [a, b]';
  return undefined;
}

/**
 * A union failed. When the value has the shape of one alternative (a mapping for the
 * mapping form), report that alternative's own issues, which are precise; otherwise say
 * which shapes are accepted.
 */
function reportUnion(issue: z.core.$ZodIssueInvalidUnion, path: readonly PropertyKey[], value: unknown, data: unknown, sink: DiagnosticSink): void {
  const shapeMatches = issue.errors.filter(
    (errors) => errors.length > 0 && !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0),
  );
  const best = shapeMatches[0];
  if (shapeMatches.length === 1 && best !== undefined) {
    reportSchemaIssues(best, data, sink, path);
    return;
  }
  const expected = new Set<string>();
  for (const errors of issue.errors) {
    for (const e of errors) if (e.code === 'invalid_type' && e.path.length === 0) expected.add(EXPECTED_WORDS[e.expected] ?? e.expected);
  }
  sink.report({
    code: 'wrong-type',
    message: `${formatPath(path)}: expected ${[...expected].join(' or ') || 'another form'}, got ${describeValue(value)}`,
    path,
    hint: 'see docs/format.md for the forms this key accepts',
  });
}
