/**
 * Text → JS data with positions. Every YAML syntax error of the file is reported (with
 * its line and column), aliases are limited so an alias bomb stops with a diagnostic
 * instead of eating the memory, and an empty file is one clear problem.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Alias, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DocumentLocator } from './positions.js';

/** Real designs use a handful of anchors; a few hundred alias expansions is already abuse. */
export const MAX_ALIAS_COUNT = 100;

const YAML_CODES: Record<string, { code: string; hint: string }> = {
  TAB_AS_INDENT: { code: 'yaml-tab-indent', hint: 'indent with spaces, never tabs' },
  DUPLICATE_KEY: { code: 'duplicate-key', hint: 'a key may appear once per mapping: remove or rename one of them' },
  BAD_INDENT: { code: 'yaml-bad-indent', hint: 'entries of one mapping or list must start at the same column' },
  MULTIPLE_DOCS: { code: 'yaml-multiple-documents', hint: 'a design is one YAML document: remove the `---` separators' },
  BLOCK_AS_IMPLICIT_KEY: { code: 'yaml-bad-indent', hint: 'check the indentation and the colon of the line above' },
  MISSING_CHAR: { code: 'yaml-syntax', hint: 'a bracket or quote is not closed' },
  RESOURCE_EXHAUSTION: { code: 'yaml-too-deep', hint: 'a design nests a few levels deep: look for a long run of `[`, `{` or indentation here' },
};

export type YamlSource =
  | { readonly ok: true; readonly data: object; readonly locator: DocumentLocator; /** Problems the YAML has that do not stop the checks (duplicate keys, parser warnings). */ readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml library would print its warnings (a key that is a list or
  // mapping) with process.emitWarning, raw, on stderr; collectionKeys reports them instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true, logLevel: 'error' });
  const locator = new DocumentLocator(doc, lineCounter);
  const duplicates = duplicateKeys(doc, locator);
  const diagnostics: Diagnostic[] = doc.errors.map((error) => {
    const diagnostic = fromYamlError(error, file, 'error');
    const duplicate = error.code === 'DUPLICATE_KEY' ? duplicates.get(error.pos[0]) : undefined;
    return duplicate === undefined
      ? diagnostic
      : { ...diagnostic, message: `the key \`${duplicate.key}\` appears twice in this mapping (first on line ${duplicate.firstLine})` };
  });
  // A duplicate key leaves the tree intact (the later value wins), so the design can still be checked.
  if (!doc.errors.every((error) => error.code === 'DUPLICATE_KEY')) return { ok: false, diagnostics };
  const warnings = [...diagnostics, ...numberNotations(doc, locator, file), ...collectionKeys(doc, locator, file), ...doc.warnings.map((warning) => fromYamlError(warning, file, 'warning'))];
  if (doc.contents === null) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'empty-file',
          message: 'the file is empty (no YAML content, only blanks or comments)',
          file,
          line: 0,
          col: 0,
          hint: 'start from `pointsmith init` or a sample in programs/',
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, diagnostics: [fromConversionError(error, doc, locator, file)] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const start = doc.contents.range ? locator.at(doc.contents.range[0]) : { line: 1, col: 1 };
    return {
      ok: false,
      diagnostics: [
        ...warnings,
        {
          severity: 'error',
          code: 'not-a-mapping',
          message: `the design must be a mapping of sections (pointsmith:, program:, activities: ...), but the file holds ${Array.isArray(data) ? 'a list' : 'a single value'}`,
          file,
          line: start.line,
          col: start.col,
          hint: 'begin the file with `pointsmith: 1` and the sections as top-level keys',
        },
      ],
    };
  }
  return { ok: true, data, locator, warnings };
}

/** Keys that are lists or mappings (`? [a, b]: 1`, `{ x: 1 }: 2`): a design's keys are names. */
function collectionKeys(doc: Document, locator: DocumentLocator, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (key === null || isScalar(key) || key.range == null) return;
      const { line, col } = locator.at(key.range[0]);
      found.push({
        severity: 'error',
        code: 'yaml-collection-key',
        message: 'this key is a list or a mapping; the keys of a design are names',
        file,
        line,
        col,
        hint: 'write the key as a plain word (`apac:`), and the list or mapping as its value',
      });
    },
  });
  return found;
}

/** The code of a number written in a notation the format refuses (see numberNotations). */
export const NUMBER_NOTATION = 'number-notation';

/**
 * Plain (unquoted) values written as numbers in a notation other than a finite decimal:
 * hexadecimal, octal or binary (`0x10`, `0o17`, `0b11`), `_` digit separators (`1_000`),
 * a leading zero (`010`, octal in YAML 1.1), infinity and not-a-number (`.inf`, `.nan`).
 * YAML 1.2 reads some of these as numbers and others as text, YAML 1.1 reads all of them as
 * numbers: either way the design would mean something else than it seems to, so each is
 * an error at its value. Keys are left alone (ids are text). The raw scalar text is read
 * from the parser's `source`, not from the value it resolved to.
 */
function numberNotations(doc: Document, locator: DocumentLocator, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || node.type !== 'PLAIN' || node.range == null) return;
      const source = node.source ?? '';
      const problem = notationProblem(source);
      if (problem === undefined) return;
      const { line, col } = locator.at(node.range[0]);
      found.push({ severity: 'error', code: NUMBER_NOTATION, message: problem.message, file, line, col, hint: problem.hint });
    },
  });
  return found;
}

const QUOTE_HINT = 'or quote it if it is meant as text';

function notationProblem(source: string): { message: string; hint: string } | undefined {
  const text = source.trim();
  const based = /^([-+]?)0([xXoObB])([0-9a-fA-F_]+)$/.exec(text);
  if (based !== null) {
    const kind = { x: 'hexadecimal', o: 'octal', b: 'binary' }[(based[2] ?? 'x').toLowerCase() as 'x' | 'o' | 'b'];
    const radix = { hexadecimal: 16, octal: 8, binary: 2 }[kind];
    const digits = (based[3] ?? '').replace(/_/g, '');
    const value = Number.parseInt(digits, radix);
    const decimal = Number.isSafeInteger(value) ? `${based[1] === '-' ? '-' : ''}${value}` : undefined;
    return {
      message: `\`${text}\` is ${kind === 'octal' ? 'an' : 'a'} ${kind} number; the format takes decimal numbers only`,
      hint: decimal !== undefined ? `write ${decimal}, ${QUOTE_HINT}` : `write the number in decimal, ${QUOTE_HINT}`,
    };
  }
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) {
    return { message: `\`${text}\` is infinity; the format takes finite decimal numbers only (within ±1e12)`, hint: `write a finite number, ${QUOTE_HINT}` };
  }
  if (/^[-+]?\.(nan|NaN|NAN)$/.test(text)) {
    return { message: `\`${text}\` is not a number (NaN); the format takes finite decimal numbers only`, hint: `write a number, ${QUOTE_HINT}` };
  }
  if (text.includes('_') && /^[-+]?[0-9_]*\.?[0-9_]*([eE][-+]?[0-9_]+)?$/.test(text) && /[0-9]/.test(text)) {
    return {
      message: `\`${text}\` uses \`_\` as a digit separator, which YAML 1.2 reads as text and YAML 1.1 as a number`,
      hint: `write ${text.replace(/_/g, '')}, ${QUOTE_HINT}`,
    };
  }
  const leadingZero = /^([-+]?)0+([0-9]+)$/.exec(text);
  if (leadingZero !== null) {
    return {
      message: `\`${text}\` has a leading zero, which YAML 1.1 reads as an octal number`,
      hint: `write ${leadingZero[1] === '-' ? '-' : ''}${leadingZero[2] ?? ''}, ${QUOTE_HINT}`,
    };
  }
  return undefined;
}

/** Each repeated key's source offset → its name and the line of its first occurrence. */
function duplicateKeys(doc: Document, locator: DocumentLocator): Map<number, { key: string; firstLine: number }> {
  const found = new Map<number, { key: string; firstLine: number }>();
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const firstOffset = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || pair.key.range == null) continue;
        const key = String(pair.key.value);
        const offset = pair.key.range[0];
        const first = firstOffset.get(key);
        if (first === undefined) firstOffset.set(key, offset);
        else found.set(offset, { key, firstLine: locator.at(first).line });
      }
    },
  });
  return found;
}

/** toJS() failures: too many alias expansions, an alias to an anchor that does not exist, a bad merge. */
function fromConversionError(error: unknown, doc: Document, locator: DocumentLocator, file: string): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  const unresolved = /^Unresolved alias.*: (.*)$/.exec(text);
  let at: Alias | Pair | undefined;
  visit(doc, {
    Alias(_, node) {
      if (unresolved === null || node.source === unresolved[1]) {
        at = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (/merge/i.test(text)) {
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.source === '<<') {
          at = pair;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  const offset = at === undefined ? undefined : isPair(at) ? (at.key as Node | null)?.range?.[0] : at.range?.[0];
  const { line, col } = offset !== undefined ? locator.at(offset) : { line: 1, col: 1 };
  const base = { severity: 'error' as const, file, line, col };
  if (/excessive alias count/i.test(text)) {
    return {
      ...base,
      code: 'yaml-alias-limit',
      message: `aliases expand too many times (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb`,
      hint: 'write the values out instead of nesting aliases of aliases',
    };
  }
  if (unresolved !== null) {
    return {
      ...base,
      code: 'yaml-unknown-alias',
      message: `the alias \`*${unresolved[1] ?? ''}\` refers to no anchor`,
      hint: `define \`&${unresolved[1] ?? ''}\` before this alias, or fix the name`,
    };
  }
  if (/merge/i.test(text)) {
    return { ...base, code: 'yaml-bad-merge', message: 'a merge key `<<` must merge a mapping (or an alias of one)', hint: 'merge an anchored mapping: `<<: *defaults`' };
  }
  return { ...base, code: 'yaml-syntax', message: `the YAML cannot be read: ${text}`, hint: 'check the syntax near this line' };
}

function fromYamlError(error: YAMLError, file: string, severity: 'error' | 'warning'): Diagnostic {
  const known = YAML_CODES[error.code];
  const [start] = error.linePos ?? [];
  const firstLine = error.message.split('\n')[0] ?? error.message;
  const message =
    error.code === 'MULTIPLE_DOCS'
      ? 'the file holds more than one YAML document'
      : error.code === 'RESOURCE_EXHAUSTION'
        ? 'the YAML nests lists or mappings too deeply to be read (the reader ran out of stack here)'
        : firstLine.replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');
  const unclosed = /end with an? [\]}]/.test(message);
  return {
    severity,
    code: severity === 'warning' ? 'yaml-warning' : unclosed ? 'yaml-unclosed' : (known?.code ?? 'yaml-syntax'),
    message: message.charAt(0).toLowerCase() + message.slice(1),
    file,
    line: start?.line ?? 0,
    col: start?.col ?? 0,
    hint: unclosed ? 'close the bracket: every `[` needs a `]` and every `{` a `}` on the same entry' : (known?.hint ?? 'check the YAML syntax at this place'),
  };
}
