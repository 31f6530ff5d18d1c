/**
 * A CSV header → where each canonical column is. `columns` maps canonical names to the
 * file's headers (`--column partner_id="Account ID"`); unmapped canonical names must
 * appear as themselves. Problems are collected and returned, all at once.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closest } from '../diagnostics/did-you-mean.js';

export interface ResolvedHeader {
  /** 0-based index in the record of each canonical column that is present. */
  readonly index: ReadonlyMap<string, number>;
  /** Columns that are not one of `known`: name (mapped name, or the header as written) and index. */
  readonly others: ReadonlyArray<{ name: string; index: number }>;
}

export interface HeaderSpec {
  readonly file: string;
  /** Physical line of the header. */
  readonly line: number;
  readonly required: readonly string[];
  /** Canonical columns that are optional but have a meaning (quantity, amount...). */
  readonly optional: readonly string[];
  readonly columns?: Readonly<Record<string, string>>;
  /** What the file is, for messages ("history", "partners file"). */
  readonly what: string;
}

export function resolveHeader(header: readonly string[], spec: HeaderSpec): ResolvedHeader | Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (col: number, code: string, message: string, hint?: string): Diagnostic => ({
    severity: 'error',
    code,
    message,
    file: spec.file,
    line: spec.line,
    col,
    ...(hint ? { hint } : {}),
  });
  const names = header.map((h) => h.trim());
  const firstSeen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') {
      problems.push(at(i + 1, 'csv-unnamed-column', `column ${i + 1} of the header has no name`, 'give every column a name, or remove the trailing comma'));
      return;
    }
    const seen = firstSeen.get(name);
    if (seen !== undefined) {
      problems.push(at(i + 1, 'csv-duplicate-column', `column \`${name}\` appears twice in the header (columns ${seen + 1} and ${i + 1})`, 'rename or remove one of them'));
    } else {
      firstSeen.set(name, i);
    }
  });

  const index = new Map<string, number>();
  const mappedHeaders = new Set<string>();
  for (const [canonical, headerName] of Object.entries(spec.columns ?? {})) {
    const i = firstSeen.get(headerName.trim());
    if (i === undefined) {
      const near = closest(headerName, names);
      problems.push(
        at(0, 'csv-missing-column', `--column ${canonical}="${headerName}": the ${spec.what} has no column \`${headerName}\``, near ? `did you mean \`${near}\`?` : `its columns are ${names.map((n) => `\`${n}\``).join(', ')}`),
      );
    } else {
      index.set(canonical, i);
      mappedHeaders.add(headerName.trim());
    }
  }
  const mapped = new Set(Object.keys(spec.columns ?? {}));
  for (const name of [...spec.required, ...spec.optional]) {
    if (mapped.has(name)) continue;
    const i = firstSeen.get(name);
    if (i !== undefined && !mappedHeaders.has(name)) index.set(name, i);
    else if (spec.required.includes(name)) {
      const near = closest(name, names.filter((n) => !mappedHeaders.has(n)));
      problems.push(
        at(
          0,
          'csv-missing-column',
          `the ${spec.what} has no \`${name}\` column${near ? `; did you mean \`${near}\`?` : ''}`,
          `name the column that holds it with --column ${name}="${near ?? 'Header In File'}"`,
        ),
      );
    }
  }
  if (problems.length > 0) return problems;

  const core = new Set([...spec.required, ...spec.optional]);
  const renamed = new Map<number, string>();
  for (const [canonical, i] of index) if (!core.has(canonical)) renamed.set(i, canonical);
  const coreIndexes = new Set([...index].filter(([canonical]) => core.has(canonical)).map(([, i]) => i));
  const others: { name: string; index: number }[] = [];
  names.forEach((name, i) => {
    if (coreIndexes.has(i)) return;
    const rename = renamed.get(i);
    if (rename !== undefined) others.push({ name: rename, index: i });
    // A header shadowed by a --column mapping to its name (the file has both) is left out.
    else if (!core.has(name) && ![...renamed.values()].includes(name)) others.push({ name, index: i });
  });
  for (const canonical of renamed.values()) index.delete(canonical);
  return { index, others };
}
