/**
 * `check --format github`: an `::error` annotation per crossed guardrail, on the line of
 * its limit in the design, so the pull request shows it beside the diff; passing ones as
 * plain log lines. The design's warnings come first, as `::warning` annotations: in this
 * format stdout is the whole report and stderr stays silent.
 */
import { githubAnnotation, renderDiagnosticsGithub } from '../diagnostics/github.js';
import { githubMessage, githubProperty, terminalText } from '../sanitize/index.js';
import { describeResult, evidenceFindings, summaryLine, type CheckReport, type PositionedGuardrail } from './model.js';
import type { CheckFormatter } from './check-formatter.js';

export function renderCheckGithub(report: CheckReport): string {
  const lines = (report.warnings ?? []).map(githubAnnotation);
  for (const m of evidenceFindings(report)) lines.push(evidenceLine(m, report));
  for (const r of report.results) lines.push(guardrailLine(r, report));
  lines.push(terminalText(summaryLine(report)));
  return `${lines.join('\n')}\n`;
}

/** On the history file, no line: the finding is about the whole file (GitHub shows it at file level). */
function evidenceLine(message: string, report: CheckReport): string {
  const file = report.history ?? report.file;
  return `::error file=${githubProperty(file)},title=${githubProperty('no evidence')}::${githubMessage(`evidence: ${message}`)}`;
}

function guardrailLine(r: PositionedGuardrail, report: CheckReport): string {
  const text = describeResult(r, report.currency);
  if (r.passed) return `PASS ${terminalText(text)}`;
  const props = [`file=${githubProperty(report.file)}`, `line=${r.line}`];
  if (r.col > 0) props.push(`col=${r.col}`);
  props.push(`title=${githubProperty(`guardrail ${r.name}`)}`);
  return `::error ${props.join(',')}::${githubMessage(`guardrail crossed: ${text}`)}`;
}

export const checkGithubFormat: CheckFormatter = {
  description: 'GitHub Actions annotations on the lines of the crossed limits',
  mediaType: 'text/plain',
  terminal: false,
  carriesDiagnostics: true,
  render: (report) => renderCheckGithub(report),
  invalid: (design) => renderDiagnosticsGithub(design.diagnostics, [design.file]),
};
