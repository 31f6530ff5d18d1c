/** `check --format text`: the evidence's failures, one line per guardrail, PASS or FAIL, then a summary line. */
import { warmUpLine } from '../../analysis/warm-up.js';
import { terminalText } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { describeResult, evidenceFindings, summaryLine, type CheckReport } from './model.js';
import type { CheckFormatter } from './check-formatter.js';

export function renderCheckText(report: CheckReport, style: Style = plainStyle): string {
  // The evidence first: when it fails, the guardrails below it prove nothing.
  const lines = evidenceFindings(report).map((m) => `${style.red('FAIL')}  evidence: ${terminalText(m)}`);
  for (const r of report.results) lines.push(`${r.passed ? style.green('PASS') : style.red('FAIL')}  ${terminalText(describeResult(r, report.currency))}`);
  const warm = warmUpLine(report.warmUp ?? null);
  if (warm !== null) lines.push(style.yellow(`note  ${terminalText(warm)}`));
  lines.push(style.bold(terminalText(summaryLine(report))));
  return `${lines.join('\n')}\n`;
}

export const checkTextFormat: CheckFormatter = {
  description: 'PASS or FAIL per guardrail and a summary line, for a terminal or a CI log',
  mediaType: 'text/plain',
  terminal: true,
  carriesDiagnostics: false,
  render: (report, { style }) => renderCheckText(report, style),
};
