/**
 * `check --format github`: an `::error` annotation per crossed guardrail, on the line of
 * its limit in the design, so the pull request shows it beside the diff; passing ones as
 * plain log lines.
 */
import { escapeGithubData, escapeGithubProperty } from '../diagnostics/github.js';
import { describeResult, summaryLine, type CheckReport } from './model.js';

export function renderCheckGithub(report: CheckReport): string {
  const lines = report.results.map((r) => {
    const text = describeResult(r, report.currency);
    if (r.passed) return `PASS ${text}`;
    const props = [`file=${escapeGithubProperty(report.file)}`, `line=${r.line}`];
    if (r.col > 0) props.push(`col=${r.col}`);
    props.push(`title=${escapeGithubProperty(`guardrail ${r.name}`)}`);
    return `::error ${props.join(',')}::${escapeGithubData(`guardrail crossed: ${text}`)}`;
  });
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
