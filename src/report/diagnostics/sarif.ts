/**
 * SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards: one run,
 * one rule per diagnostic code (sorted, with the description, help and link GitHub shows
 * beside an alert), one result per diagnostic with its region and a fingerprint that lets
 * code scanning follow the alert from commit to commit.
 */
import { createHash } from 'node:crypto';
import { CODE_DOCS } from '../../diagnostics/catalogue.js';
import { jsonText } from '../sanitize/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ordered, type DiagnosticsOptions } from './summary.js';
import type { Formatter } from '../formatter.js';
import type { DiagnosticsModel, RenderDiagnosticsOptions } from './model.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of pointsmith's own fingerprint in `partialFingerprints`; the `/v1` changes if its recipe does. */
export const FINGERPRINT_KEY = 'pointsmithFinding/v1';

export interface SarifOptions extends DiagnosticsOptions {
  readonly toolVersion: string;
  readonly informationUri: string;
  /** docs/diagnostics.md as published; each rule's `helpUri` is this plus `#code`. */
  readonly helpUri: string;
  /** The text of a line of a checked file (1-based), when the caller has it: the fingerprint's content. */
  readonly lineText?: (file: string, line: number) => string | undefined;
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

/** A rule with what GitHub code scanning shows beside an alert: description, help, a link to the code's heading. */
function rule(id: string, helpUri: string): Record<string, unknown> {
  const doc = CODE_DOCS[id];
  const uri = `${helpUri}#${id}`;
  if (doc === undefined) {
    // A code the catalogue does not know still gets the fields GitHub requires.
    const text = `${describeCode(id)}.`;
    return { id, shortDescription: { text: describeCode(id) }, fullDescription: { text }, helpUri: uri, help: { text: `${text} See ${uri}`, markdown: `${text} See [docs/diagnostics.md](${uri}).` } };
  }
  const example = doc.example === '' ? '' : `\n\nExample: ${doc.example}`;
  const exampleFix = doc.exampleFix === '' ? '' : `\n\nExample fix: ${doc.exampleFix}`;
  return {
    id,
    shortDescription: { text: describeCode(id) },
    fullDescription: { text: doc.meaning },
    helpUri: uri,
    help: {
      text: `${doc.meaning}${example}\n\nHow to fix: ${doc.fix}${exampleFix}\n\n${uri}`,
      markdown:
        `**\`${id}\`** (${doc.severity})\n\n${doc.meaning}${example.replace('Example:', '**Example:**')}\n\n**How to fix:** ${doc.fix}` +
        `${exampleFix.replace('Example fix:', '**Example fix:**')}\n\n[${id} in docs/diagnostics.md](${uri})`,
    },
    defaultConfiguration: { level: doc.severity },
  };
}

/**
 * What identifies a finding apart from where it is: the code, the file, and the content of
 * its line (for a design, the key and value at fault; trimmed, so re-indenting keeps it),
 * or, for a problem of the whole file or a line the caller cannot show, the message without
 * its `row N:` prefix. A line added above moves the finding but keeps its fingerprint.
 */
function findingContent(d: Diagnostic, lineText: SarifOptions['lineText']): string {
  const text = d.line > 0 ? lineText?.(d.file, d.line) : undefined;
  return text !== undefined ? text.trim() : d.message.replace(/^row \d+: /, '');
}

/**
 * `hash:n`, as GitHub's own line hashes are: the n-th finding (from 1) with the same code,
 * file and content, so two identical lines in one file keep two distinct alerts.
 */
function fingerprints(list: readonly Diagnostic[], lineText: SarifOptions['lineText']): string[] {
  const seen = new Map<string, number>();
  return list.map((d) => {
    const hash = createHash('sha256').update(`${d.code}\0${d.file}\0${findingContent(d, lineText)}`).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function result(d: Diagnostic, ruleIndex: number, fingerprint: string): Record<string, unknown> {
  const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: artifactUri(d.file) } };
  if (d.line > 0) physicalLocation.region = d.col > 0 ? { startLine: d.line, startColumn: d.col } : { startLine: d.line };
  return {
    ruleId: d.code,
    ruleIndex,
    // The level is the diagnostic's own severity; --strict changes the exit code, not what a finding is.
    level: d.severity,
    message: { text: d.hint ? `${d.message} (hint: ${d.hint})` : d.message },
    locations: [{ physicalLocation }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
}

export function sarifLog(diagnostics: readonly Diagnostic[], files: readonly string[], options: SarifOptions): Record<string, unknown> {
  const list = ordered(diagnostics, files);
  const codes = [...new Set(list.map((d) => d.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const prints = fingerprints(list, options.lineText);
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
            rules: codes.map((id) => rule(id, options.helpUri)),
          },
        },
        artifacts: files.map((f) => ({ location: { uri: artifactUri(f) } })),
        results: list.map((d, i) => result(d, index.get(d.code) ?? 0, prints[i]!)),
      },
    ],
  };
}

export function renderDiagnosticsSarif(diagnostics: readonly Diagnostic[], files: readonly string[], options: SarifOptions): string {
  return `${jsonText(sarifLog(diagnostics, files, options))}\n`;
}

export const diagnosticsSarifFormat: Formatter<DiagnosticsModel, RenderDiagnosticsOptions> = {
  description: 'SARIF 2.1.0, for GitHub code scanning',
  mediaType: 'application/sarif+json',
  terminal: false,
  render: (m, options) => renderDiagnosticsSarif(m.diagnostics, m.files, options),
};
