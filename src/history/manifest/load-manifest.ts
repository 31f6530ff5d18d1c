/**
 * Manifest text → the files it names, each with its SourceSettings; every problem a
 * positioned Diagnostic. The YAML and zod stages are the design loader's (positions,
 * syntax messages, did-you-mean on unknown keys), so both files speak the same way.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { DiagnosticSink } from '../../program/diagnostic-sink.js';
import { reportSchemaIssues } from '../../program/schema-issues.js';
import { decodeSource } from '../../program/source-text.js';
import { parseYamlSource } from '../../program/yaml-source.js';
import type { SourceSettings, ValueMapping } from '../source-settings.js';
import { manifestSchema, NOT_CONSTANT, type HistoryFileData, type PartnersFileData } from './manifest-schema.js';

export interface ManifestFile {
  /** As written in the manifest (relative to it). */
  readonly path: string;
  readonly settings: SourceSettings;
}

export interface DataManifest {
  readonly history: readonly ManifestFile[];
  readonly partners?: ManifestFile | undefined;
}

export type ManifestResult = { readonly manifest: DataManifest; readonly warnings: readonly Diagnostic[] } | { readonly diagnostics: readonly Diagnostic[] };

export function loadManifest(source: string | Uint8Array, file: string): ManifestResult {
  const decoded = decodeSource(source, file);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic] };
  const parsed = parseYamlSource(decoded.text, file);
  if (!parsed.ok) {
    // The YAML stage words a non-mapping for designs; say what a manifest holds instead.
    return { diagnostics: parsed.diagnostics.map((d) => (d.code === 'not-a-mapping' ? { ...d, message: 'the data manifest must be a mapping with `history:` (and `partners:`)', hint: 'see docs/data.md' } : d)) };
  }
  const result = manifestSchema.safeParse(parsed.data);
  if (!result.success) {
    const sink = new DiagnosticSink(file, parsed.locator);
    reportSchemaIssues(result.error.issues, parsed.data, sink);
    return { diagnostics: [...parsed.warnings, ...sink.sorted()] };
  }
  const data = result.data;
  const sink = new DiagnosticSink(file, parsed.locator);
  const entries = Array.isArray(data.history) ? data.history : [data.history];
  entries.forEach((entry, i) => {
    for (const column of Object.keys(entry.constant ?? {})) {
      if (!(NOT_CONSTANT as readonly string[]).includes(column)) continue;
      const path = [...(Array.isArray(data.history) ? ['history', i] : ['history']), 'constant', column];
      sink.report({ code: 'invalid-value', message: `\`constant: { ${column}: … }\`: a constant is for \`activity\` or a dimension (region, product, stage...), not partner_id, date, quantity or amount`, path, part: 'key', hint: `map the file's ${column} column with \`columns: { ${column}: HEADER }\` (docs/data.md)` });
    }
  });
  if (sink.diagnostics.length > 0) return { diagnostics: [...parsed.warnings, ...sink.sorted()] };
  const history = entries.map(historySettings);
  return { manifest: { history, partners: data.partners === undefined ? undefined : { path: data.partners.path, settings: commonSettings(data.partners) } }, warnings: parsed.warnings };
}

function commonSettings(entry: PartnersFileData): SourceSettings {
  const values: Record<string, ValueMapping> = {};
  for (const [column, map] of Object.entries(entry.values ?? {})) values[column] = { map, ...(entry.values_ignore_case === true ? { ignoreCase: true } : {}) };
  return {
    ...(entry.delimiter !== undefined ? { delimiter: entry.delimiter } : {}),
    ...(entry.encoding !== undefined ? { encoding: entry.encoding } : {}),
    ...(entry.columns !== undefined ? { columns: entry.columns } : {}),
    ...(Object.keys(values).length > 0 ? { values } : {}),
  };
}

function historySettings(entry: HistoryFileData): ManifestFile {
  const dates = entry.date_format === undefined ? undefined : Array.isArray(entry.date_format) ? entry.date_format : [entry.date_format];
  const amounts = entry.amounts;
  const settings: SourceSettings = {
    ...commonSettings(entry),
    ...(dates !== undefined ? { dateFormats: dates } : {}),
    ...(amounts !== undefined ? { numbers: { decimal: amounts.decimal ?? '.', thousands: amounts.thousands, currency: amounts.currency === true } } : {}),
    ...(entry.constant !== undefined ? { constants: entry.constant } : {}),
    ...(entry.skip_rows_where !== undefined ? { skipRowsWhere: entry.skip_rows_where } : {}),
    ...(entry.keep_rows_where !== undefined ? { keepRowsWhere: entry.keep_rows_where } : {}),
    ...(entry.partner_names !== undefined
      ? { partnerNames: { column: entry.partner_names.column ?? 'name', ...(entry.partner_names.aliases !== undefined ? { aliases: entry.partner_names.aliases } : {}) } }
      : {}),
  };
  return { path: entry.path, settings };
}
