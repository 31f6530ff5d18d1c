/** `check --format markdown`: a table for a pull-request comment. */
import { escapeMarkdownCell as cell } from '../markdown-escape.js';
import { formatMetric } from '../compare/metric-value.js';
import { failures, summaryLine, type CheckReport } from './model.js';

export function renderCheckMarkdown(report: CheckReport): string {
  const failed = failures(report).length;
  const out = [`## pointsmith check: ${cell(report.program)} ${failed === 0 ? '✅' : '❌'}`, cell(summaryLine(report))];
  if (report.results.length > 0) {
    const rows = report.results.map((r) => {
      const measured = r.measured === null ? 'not measurable' : formatMetric(r.kind, r.measured, report.currency);
      const limit = `${r.comparison === '<=' ? '≤' : '≥'} ${formatMetric(r.kind, r.limit, report.currency)}`;
      return `| ${r.passed ? '✅ pass' : '❌ **fail**'} | \`${cell(r.name)}\` | ${measured} | ${limit} | ${r.note !== undefined ? cell(r.note) : ''} |`;
    });
    out.push(['| | Guardrail | Measured | Limit | Note |', '| --- | --- | ---: | ---: | --- |', ...rows].join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}
