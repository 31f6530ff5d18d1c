/** `generate --format text` (the default): one line on stderr naming the files written. */
import type { Formatter } from '../formatter.js';
import { terminalText } from '../sanitize/index.js';
import type { GenerateReport } from './json.js';

export function renderGenerateText(report: GenerateReport): string {
  const [history, partners] = report.files;
  return `wrote ${terminalText(history?.path ?? '')} (${history?.rows ?? 0} rows, ${report.from} to ${report.to}) and ${terminalText(partners?.path ?? '')} (${report.partners} partners)`;
}

export const generateTextFormat: Formatter<GenerateReport> = {
  description: 'one line on stderr',
  mediaType: 'text/plain',
  terminal: false,
  channel: 'note',
  render: (report) => renderGenerateText(report),
};
