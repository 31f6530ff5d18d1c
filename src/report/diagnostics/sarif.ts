/**
 * SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards: one run,
 * one rule per diagnostic code (sorted), one result per diagnostic with its region.
 */
import { jsonText } from '../sanitize/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ordered, type DiagnosticsOptions } from './summary.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions extends DiagnosticsOptions {
  readonly toolVersion: string;
  readonly informationUri: string;
}

/** `unknown-key` → `Unknown key`; codes are stable, so their descriptions are too. */
export function describeCode(code: string): string {
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.length === 0 ? code : words[0]!.toUpperCase() + words.slice(1);
}

/** A relative URI reference with forward slashes (SARIF §3.10); absolute paths become file: URLs. */
export function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

function result(d: Diagnostic, ruleIndex: number): Record<string, unknown> {
  const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: artifactUri(d.file) } };
  if (d.line > 0) physicalLocation.region = d.col > 0 ? { startLine: d.line, startColumn: d.col } : { startLine: d.line };
  return {
    ruleId: d.code,
    ruleIndex,
    // The level is the diagnostic's own severity; --strict changes the exit code, not what a finding is.
    level: d.severity,
    message: { text: d.hint ? `${d.message} (hint: ${d.hint})` : d.message },
    locations: [{ physicalLocation }],
  };
}

export function sarifLog(diagnostics: readonly Diagnostic[], files: readonly string[], options: SarifOptions): Record<string, unknown> {
  const list = ordered(diagnostics, files);
  const codes = [...new Set(list.map((d) => d.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pointsmith',
            version: options.toolVersion,
            informationUri: options.informationUri,
            rules: codes.map((id) => ({ id, shortDescription: { text: describeCode(id) } })),
          },
        },
        artifacts: files.map((f) => ({ location: { uri: artifactUri(f) } })),
        results: list.map((d) => result(d, index.get(d.code) ?? 0)),
      },
    ],
  };
}

export function renderDiagnosticsSarif(diagnostics: readonly Diagnostic[], files: readonly string[], options: SarifOptions): string {
  return `${jsonText(sarifLog(diagnostics, files, options))}\n`;
}
