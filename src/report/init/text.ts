/** `init --format text` (the default): one line on stderr naming the design written and what to run next. */
import type { Formatter } from '../formatter.js';
import { terminalText } from '../sanitize/index.js';
import type { InitReport } from './json.js';

export function renderInitText(report: InitReport): string {
  const file = terminalText(report.file);
  return `wrote ${file}; next: pointsmith validate ${file}`;
}

export const initTextFormat: Formatter<InitReport> = {
  description: 'one line on stderr',
  mediaType: 'text/plain',
  terminal: false,
  channel: 'note',
  render: (report) => renderInitText(report),
};
