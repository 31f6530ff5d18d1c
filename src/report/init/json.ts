/**
 * `init --format json`: the design file written and the answers it was written from, so a
 * script (or a wizard in front of pointsmith) can pass them on without parsing the YAML.
 */
import type { StarterThreshold } from '../../analysis/starter-thresholds.js';
import type { StarterAnswers } from '../../program/starter.js';
import { jsonText } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';

export interface InitReport {
  /** As the user named it with --out (default `program.yaml`). */
  readonly file: string;
  readonly bytes: number;
  /** Lower-case hex SHA-256 of the bytes written. */
  readonly sha256: string;
  /** True when every default was taken (`--yes`). */
  readonly defaults: boolean;
  readonly answers: StarterAnswers;
  /** With `--history`: the files read and each tier's calibrated threshold against its target share; null without. */
  readonly history: InitHistory | null;
}

export interface InitHistory {
  /** As named with --history (or the --data manifest). */
  readonly files: readonly string[];
  readonly partners: string | null;
  /** Gold then Silver: the share asked, the threshold written, the share it gives at the last evaluation. */
  readonly thresholds: readonly StarterThreshold[];
}

/** The document `init --format json` prints; schema/init.schema.json is generated from it. */
export interface InitJson extends InitReport {
  readonly command: 'init';
}

export function renderInitJson(report: InitReport): string {
  const doc: InitJson = { command: 'init', ...report };
  return `${jsonText(doc)}\n`;
}

export const initJsonFormat: Formatter<InitReport> = {
  description: 'on stdout: the file, its bytes and SHA-256, and the answers',
  mediaType: 'application/json',
  terminal: false,
  render: (report) => renderInitJson(report),
};
