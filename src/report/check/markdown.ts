/** `check --format markdown`: a table for a pull-request comment. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { location } from '../diagnostics/summary.js';
import { markdownCode as code, markdownText as cell } from '../sanitize/index.js';
import { formatMetric } from '../compare/metric-value.js';
import { warmUpLine } from '../../analysis/warm-up.js';
import { checkPassed, evidenceFindings, summaryLine, type CheckReport } from './model.js';
import type { CheckFormatter } from './check-formatter.js';

export function renderCheckMarkdown(report: CheckReport): string {
  const out = [`## pointsmith check: ${cell(report.program)} ${checkPassed(report) ? '✅' : '❌'}`, cell(summaryLine(report))];
  const evidence = evidenceFindings(report);
  if (evidence.length > 0) out.push(['**No evidence, no pass.** The history does not support a verdict:', ...evidence.map((m) => `- ❌ ${cell(m)}`)].join('\n'));
  if (report.results.length > 0) {
    const rows = report.results.map((r) => {
      const measured = r.measured === null ? 'not measurable' : formatMetric(r.kind, r.measured, report.currency);
      const limit = `${r.comparison === '<=' ? '≤' : '≥'} ${formatMetric(r.kind, r.limit, report.currency)}`;
      return `| ${r.passed ? '✅ pass' : '❌ **fail**'} | ${code(r.name)} | ${measured} | ${limit} | ${r.note !== undefined ? cell(r.note) : ''} |`;
    });
    out.push(['| | Guardrail | Measured | Limit | Note |', '| --- | --- | ---: | ---: | --- |', ...rows].join('\n'));
  }
  const warm = warmUpLine(report.warmUp ?? null);
  if (warm !== null) out.push(`> ${cell(warm)}`);
  return `${out.join('\n\n')}\n`;
}

/**
 * The design did not validate: no guardrail was tested. The comment still says so, with
 * each problem, rather than leaving the pull request an empty body.
 */
export function renderCheckInvalidMarkdown(file: string, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const rows = diagnostics.map((d) => `| ${d.severity} | ${cell(location(d))} | ${cell(d.message)}${d.hint !== undefined ? ` (${cell(d.hint)})` : ''} |`);
  return [
    `## pointsmith check: ${cell(file)} ❌`,
    `The design does not validate (${errors} error${errors === 1 ? '' : 's'}); no guardrail was tested.`,
    ['| | Where | Problem |', '| --- | --- | --- |', ...rows].join('\n'),
  ].join('\n\n') + '\n';
}

export const checkMarkdownFormat: CheckFormatter = {
  description: 'a table for a pull-request comment',
  mediaType: 'text/markdown',
  terminal: false,
  carriesDiagnostics: false,
  render: (report) => renderCheckMarkdown(report),
  invalid: (design) => renderCheckInvalidMarkdown(design.file, design.diagnostics),
};
