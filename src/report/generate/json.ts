/**
 * `generate --format json`: what a script needs to use the files it just asked for without
 * reading them again: where each was written, its rows, bytes and SHA-256, and the inputs
 * that make it reproducible (partners, span, seed, design, profile).
 */
import { jsonText } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';

export interface GeneratedFile {
  /** As the user will name it: the --out folder joined with the file name. */
  readonly path: string;
  readonly kind: 'history' | 'partners';
  /** Data rows, the header not counted. */
  readonly rows: number;
  readonly bytes: number;
  /** Lower-case hex SHA-256 of the bytes written. */
  readonly sha256: string;
}

export interface GenerateReport {
  readonly files: readonly GeneratedFile[];
  readonly partners: number;
  readonly from: string;
  readonly to: string;
  readonly seed: number;
  /** The --program design the activities and dates came from, or null (the built-in plan). */
  readonly program: string | null;
  /** The --profile file, or null (the default profile). */
  readonly profile: string | null;
}

/** The document `generate --format json` prints; schema/generate.schema.json is generated from it. */
export interface GenerateJson extends GenerateReport {
  readonly command: 'generate';
}

export function renderGenerateJson(report: GenerateReport): string {
  const doc: GenerateJson = { command: 'generate', ...report };
  return `${jsonText(doc)}\n`;
}

export const generateJsonFormat: Formatter<GenerateReport> = {
  description: 'on stdout: the files with their rows, bytes and SHA-256, the span and the seed',
  mediaType: 'application/json',
  terminal: false,
  render: (report) => renderGenerateJson(report),
};
