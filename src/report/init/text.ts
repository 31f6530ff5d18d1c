/**
 * `init --format text` (the default), on stderr: with --history, one line per calibrated
 * tier (the share asked, the threshold, the share it gives), then the design written and
 * what to run next.
 */
import { formatCount, formatPercent } from '../../format/number.js';
import type { Formatter } from '../formatter.js';
import { terminalText } from '../sanitize/index.js';
import type { InitReport } from './json.js';

export function renderInitText(report: InitReport): string {
  const file = terminalText(report.file);
  const tiers = (report.history?.thresholds ?? []).map(
    (t) =>
      `${terminalText(t.tier)}: ${formatCount(t.min_points)} points puts ${t.share === null ? 'no measurable share' : formatPercent(t.share)} of partners there (asked ${formatPercent(t.target_share)})${t.met ? '' : '; as close as whole points and tied partners allow'}`,
  );
  return [...tiers, `wrote ${file}; next: pointsmith validate ${file}`].join('\n');
}

export const initTextFormat: Formatter<InitReport> = {
  description: 'one line on stderr',
  mediaType: 'text/plain',
  terminal: false,
  channel: 'note',
  render: (report) => renderInitText(report),
};
