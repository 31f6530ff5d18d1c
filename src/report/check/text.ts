/** `check --format text`: one line per guardrail, PASS or FAIL, then a summary line. */
import { terminalText } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { describeResult, summaryLine, type CheckReport } from './model.js';

export function renderCheckText(report: CheckReport, style: Style = plainStyle): string {
  const lines = report.results.map((r) =>
    `${r.passed ? style.green('PASS') : style.red('FAIL')}  ${terminalText(describeResult(r, report.currency))}`,
  );
  lines.push(style.bold(terminalText(summaryLine(report))));
  return `${lines.join('\n')}\n`;
}
