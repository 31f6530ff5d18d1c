/**
 * `run --format json`: the RunSummary exactly (DESIGN §6), 2-space indented, one
 * trailing newline. The summary's key order is fixed by summarize(), so the bytes are too.
 */
import { jsonText } from '../sanitize/index.js';
import type { RunSummary } from '../../analysis/summary-types.js';
import type { Formatter } from '../formatter.js';

export function renderRunJson(summary: RunSummary): string {
  return `${jsonText(summary)}\n`;
}

export const runJsonFormat: Formatter<RunSummary> = {
  description: 'for CI and other tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (summary) => renderRunJson(summary),
};
