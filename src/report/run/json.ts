/**
 * `run --format json`: the RunSummary exactly (DESIGN §6), 2-space indented, one
 * trailing newline. The summary's key order is fixed by summarize(), so the bytes are too.
 */
import { jsonText } from '../sanitize/index.js';
import type { RunSummary } from '../../analysis/summary-types.js';

export function renderRunJson(summary: RunSummary): string {
  return `${jsonText(summary)}\n`;
}
