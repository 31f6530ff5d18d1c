/**
 * Parameter paths (DESIGN §2): `activities.deal_closed.points`, `tiers.Gold.min_points`,
 * `activities.*.points`. Dots separate segments; list entries that carry a `name` or `id`
 * are addressed by it (plain lists by position); `*` matches any one segment.
 */
import { parse as parseYaml } from 'yaml';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
import { describeValue } from './message-words.js';
import type { ProgramData } from './schema.js';
import { isRecordAt, kindOf, kindsAt, objectHasField, type ValueKind } from './schema-walk.js';

export interface PathMatch {
  /** Concrete path, e.g. `activities.webinar_hosted.points`. */
  readonly path: string;
  readonly value: unknown;
}

/** A match with the keys and indices that reach it in the data. */
export interface ResolvedPath extends PathMatch {
  readonly dataPath: readonly (string | number)[];
  /** True when the key does not exist yet but the format allows it there. */
  readonly creates: boolean;
}

/** Keys that must never be read or written through a path (prototype pollution). */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function splitPath(pattern: string): string[] {
  return pattern.split('.');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The name a list entry is addressed by: its `name`, else its `id`. */
function entryName(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const name = Object.hasOwn(item, 'name') ? item['name'] : Object.hasOwn(item, 'id') ? item['id'] : undefined;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : undefined;
}

interface Walk {
  matches: { dataPath: (string | number)[]; shown: string[]; value: unknown }[];
  /** Where the deepest attempt stopped: the segment index, the missing segment and its siblings. */
  failure?: { index: number; segment: string; siblings: string[]; parent: string[] };
}

function walk(data: unknown, segments: readonly string[]): Walk {
  const result: Walk = { matches: [] };
  const fail = (index: number, segment: string, container: unknown, parent: string[]): void => {
    if (result.failure !== undefined && result.failure.index >= index) return;
    const siblings = isObject(container)
      ? Object.keys(container)
      : Array.isArray(container)
        ? container.map((item, i) => entryName(item) ?? String(i))
        : [];
    result.failure = { index, segment, siblings, parent };
  };
  const step = (value: unknown, index: number, dataPath: (string | number)[], shown: string[]): void => {
    if (index === segments.length) {
      result.matches.push({ dataPath, shown, value });
      return;
    }
    const segment = segments[index] ?? '';
    if (RESERVED.has(segment)) {
      fail(index, segment, value, shown);
      return;
    }
    if (Array.isArray(value)) {
      let any = false;
      value.forEach((item, i) => {
        const name = entryName(item);
        const label = name ?? String(i);
        if (segment === '*' || name === segment || (name === undefined && segment === String(i))) {
          any = true;
          step(item, index + 1, [...dataPath, i], [...shown, label]);
        }
      });
      if (!any) fail(index, segment, value, shown);
    } else if (isObject(value)) {
      if (segment === '*') {
        const keys = Object.keys(value);
        if (keys.length === 0) fail(index, segment, value, shown);
        for (const key of keys) step(value[key], index + 1, [...dataPath, key], [...shown, key]);
      } else if (Object.hasOwn(value, segment)) {
        step(value[segment], index + 1, [...dataPath, segment], [...shown, segment]);
      } else {
        fail(index, segment, value, shown);
      }
    } else {
      fail(index, segment, value, shown);
    }
  };
  step(data, 0, [], []);
  return result;
}

/** Every concrete path the pattern matches, in document order; [] when nothing matches. */
export function findPaths(data: unknown, pattern: string): PathMatch[] {
  if (pattern === '') return [];
  return walk(data, splitPath(pattern)).matches.map((m) => ({ path: m.shown.join('.'), value: m.value }));
}

export type PathProblem = { readonly code: string; readonly message: string; readonly hint?: string };

/**
 * What a `path=value` change would touch: the existing matches, or one new key when the
 * parent exists and the format allows the key there. A problem explains why not.
 */
export function resolveSetPath(data: unknown, pattern: string): { targets: ResolvedPath[]; problem?: PathProblem } {
  const segments = splitPath(pattern);
  if (pattern.trim() === '' || segments.some((s) => s === '')) {
    return { targets: [], problem: { code: 'invalid-set-path', message: `\`${pattern}\` is not a parameter path`, hint: 'write dotted names, e.g. activities.deal_closed.points' } };
  }
  const reserved = segments.find((s) => RESERVED.has(s));
  if (reserved !== undefined) {
    return { targets: [], problem: { code: 'invalid-set-path', message: `\`${pattern}\` uses the reserved name \`${reserved}\``, hint: 'parameter paths cannot name __proto__, constructor or prototype' } };
  }
  const found = walk(data, segments);
  if (found.matches.length > 0) {
    return { targets: found.matches.map((m) => ({ path: m.shown.join('.'), value: m.value, dataPath: m.dataPath, creates: false })) };
  }
  const failure = found.failure;
  if (failure !== undefined) {
    const created = creatablePath(data, segments, failure.index);
    if (created !== undefined) return { targets: [{ path: pattern, value: undefined, dataPath: created, creates: true }] };
  }
  if (failure === undefined) return { targets: [], problem: { code: 'set-path-matches-nothing', message: `\`${pattern}\` matches nothing`, hint: 'check the path against the design' } };
  const where = failure.parent.length > 0 ? `\`${failure.parent.join('.')}\`` : 'the program';
  const hint =
    failure.segment === '*'
      ? `${where} has nothing that \`*\` could match`
      : suggestion(failure.segment, failure.siblings) ?? (failure.siblings.length === 0 ? `${where} has no entries here` : undefined);
  return {
    targets: [],
    problem: {
      code: 'set-path-matches-nothing',
      message: `\`${pattern}\` matches nothing: ${failure.segment === '*' ? `no entries under ${where}` : `there is no \`${failure.segment}\` in ${where}`}`,
      ...(hint !== undefined ? { hint } : {}),
    },
  };
}

/**
 * A key that does not exist yet may be added when its parent exists and the format has
 * a place for it: a field of a fixed object (creating the optional objects on the way,
 * as in `guardrails.max_cost`), or, as the last segment, a new key of a nested record
 * (a new multiplier value or mix share). Never a new entry of a top-level section
 * (`activities.typo`): that is a mistake to report with a did-you-mean.
 */
function creatablePath(data: unknown, segments: readonly string[], from: number): (string | number)[] | undefined {
  if (segments.slice(from).includes('*')) return undefined;
  const parent = walk(data, segments.slice(0, from)).matches;
  const only = parent.length === 1 ? parent[0] : undefined;
  if (only === undefined || !isObject(only.value)) return undefined;
  const dataPath: (string | number)[] = [...only.dataPath];
  for (let k = from; k < segments.length; k++) {
    const segment = segments[k] ?? '';
    const last = k === segments.length - 1;
    const allowed = objectHasField(dataPath, segment) || (last && dataPath.length >= 2 && isRecordAt(dataPath));
    if (!allowed) return undefined;
    dataPath.push(segment);
    if (!last && !kindsAt(dataPath).has('mapping')) return undefined;
  }
  return dataPath;
}

const KIND_WORDS: Record<ValueKind, string> = {
  number: 'a number',
  string: 'text',
  boolean: '`true` or `false`',
  null: 'nothing',
  list: 'a list',
  mapping: 'a mapping',
};

/** Why `value` cannot go at `target` (setting text into a number...), or undefined when it can. */
export function checkSetValue(target: ResolvedPath, value: unknown): PathProblem | undefined {
  if (value === null) return undefined;
  const actual = kindOf(value);
  const accepted = kindsAt(target.dataPath);
  if (accepted.size === 0 && !target.creates && target.value !== undefined) accepted.add(kindOf(target.value));
  if (accepted.size === 0 || accepted.has(actual)) return undefined;
  return {
    code: 'set-wrong-type',
    message: `\`${target.path}\` expects ${[...accepted].map((k) => KIND_WORDS[k]).join(' or ')}, got ${describeValue(value)}`,
    hint: accepted.has('number') && typeof value === 'string' ? 'write a plain number, e.g. 1.5' : `give ${[...accepted].map((k) => KIND_WORDS[k]).join(' or ')}`,
  } as PathProblem;
}

/** Why `path = value` cannot be set in `data`: the path matches nothing (with a did-you-mean), or a value of the wrong kind for one of its matches; undefined when it can. */
export function setProblem(data: unknown, path: string, value: unknown): PathProblem | undefined {
  const { targets, problem } = resolveSetPath(data, path);
  return problem ?? targets.map((t) => checkSetValue(t, value)).find((p) => p !== undefined);
}

/** The value of `name=value`, read as a YAML scalar: `1.5` a number, `true` a boolean, `~` or nothing null, the rest text. */
export function parseSetValue(text: string): string | number | boolean | null {
  try {
    const parsed: unknown = parseYaml(text, { logLevel: 'error' });
    if (parsed === null || typeof parsed === 'number' || typeof parsed === 'boolean' || typeof parsed === 'string') return parsed;
  } catch {
    // Not a YAML scalar (e.g. an unbalanced quote): keep the text as written.
  }
  return text.trim();
}

/** `--set` as the user typed it, or the diagnostic explaining why it is not `path=value`. */
export function readSetArgument(arg: string): { path: string; value: string | number | boolean | null } | Diagnostic {
  const eq = arg.indexOf('=');
  const path = eq < 0 ? '' : arg.slice(0, eq).trim();
  if (eq < 0 || path === '') {
    return {
      severity: 'error',
      code: 'invalid-set-argument',
      message: `--set ${JSON.stringify(arg)}: expected path=value`,
      file: '--set',
      line: 0,
      col: 0,
      hint: 'e.g. --set activities.deal_closed.points=60',
    };
  }
  return { path, value: parseSetValue(arg.slice(eq + 1)) };
}

/** `path=value` → the pair. Throws a DiagnosticError (reported like any input problem) when there is no `=` or no path. */
export function parseSetArgument(arg: string): { path: string; value: string | number | boolean | null } {
  const read = readSetArgument(arg);
  if ('severity' in read) throw new DiagnosticError([read]);
  return read;
}

/**
 * Applies `path=value` changes to a copy of the data, in order. `null` removes the key
 * (the format's default applies again). Never mutates `data`; the caller re-validates.
 */
export function applySets(
  data: ProgramData,
  sets: ReadonlyArray<readonly [string, unknown]>,
  file: string,
): { data: ProgramData; diagnostics: Diagnostic[] } {
  const copy = structuredClone(data) as ProgramData;
  const diagnostics: Diagnostic[] = [];
  const problem = (p: PathProblem): void => {
    diagnostics.push({ severity: 'error', code: p.code, message: `--set ${p.message}`, file, line: 0, col: 0, ...(p.hint !== undefined ? { hint: p.hint } : {}) });
  };
  for (const [path, value] of sets) {
    const { targets, problem: found } = resolveSetPath(copy, path);
    if (found !== undefined) {
      problem(found);
      continue;
    }
    const typeProblem = targets.map((t) => checkSetValue(t, value)).find((p) => p !== undefined);
    if (typeProblem !== undefined) {
      problem(typeProblem);
      continue;
    }
    for (const target of targets) setAt(copy, target.dataPath, value);
  }
  return { data: copy, diagnostics };
}

function setAt(root: unknown, dataPath: readonly (string | number)[], value: unknown): void {
  let container: unknown = root;
  for (const segment of dataPath.slice(0, -1)) {
    const parent = container as Record<string | number, unknown>;
    if (parent[segment] === undefined || parent[segment] === null) {
      if (value === null) return;
      Object.defineProperty(parent, segment, { value: {}, writable: true, enumerable: true, configurable: true });
    }
    container = parent[segment];
  }
  const last = dataPath[dataPath.length - 1];
  if (last === undefined || container === null || typeof container !== 'object') return;
  const target = container as Record<string | number, unknown>;
  if (value === null && !Array.isArray(container)) {
    delete target[last];
    return;
  }
  const copy = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  // defineProperty, not assignment: a key can never reach a prototype, whatever its name.
  Object.defineProperty(target, last, { value: copy, writable: true, enumerable: true, configurable: true });
}
