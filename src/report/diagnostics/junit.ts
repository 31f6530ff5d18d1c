/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): one
 * testsuite, one testcase per checked file, a `<failure>` listing the file's failing
 * diagnostics; warnings that do not fail go to `<system-out>`. No timestamps or
 * durations, so the same input gives the same bytes.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { xmlAttribute, xmlLines } from '../sanitize/index.js';
import { groupByFile, isFailure, jumpLocation, type DiagnosticsOptions } from './summary.js';
import type { Formatter } from '../formatter.js';
import type { DiagnosticsModel, RenderDiagnosticsOptions } from './model.js';

/** A diagnostic as lines of text; the line break before the hint is the renderer's own. */
function describe(d: Diagnostic): string[] {
  const head = `${jumpLocation(d)}  ${d.severity}  ${d.code}  ${d.message}`;
  return d.hint ? [head, `  hint: ${d.hint}`] : [head];
}

export function renderDiagnosticsJunit(diagnostics: readonly Diagnostic[], files: readonly string[], options: DiagnosticsOptions = {}): string {
  const groups = groupByFile(diagnostics, files);
  const failed = groups.filter((g) => g.diagnostics.some((d) => isFailure(d, options))).length;
  const name = 'pointsmith validate';
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${name}" tests="${groups.length}" failures="${failed}" errors="0">`,
    `  <testsuite name="${name}" tests="${groups.length}" failures="${failed}" errors="0" skipped="0">`,
  ];
  for (const group of groups) {
    const failures = group.diagnostics.filter((d) => isFailure(d, options));
    const others = group.diagnostics.filter((d) => !isFailure(d, options));
    const open = `    <testcase classname="pointsmith.validate" name="${xmlAttribute(group.file)}"`;
    if (failures.length === 0 && others.length === 0) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    const first = failures[0];
    if (first) {
      const message = failures.length === 1 ? `${jumpLocation(first)}: ${first.message}` : `${failures.length} problems, first ${jumpLocation(first)}: ${first.message}`;
      out.push(`      <failure type="${xmlAttribute(first.code)}" message="${xmlAttribute(message)}">${xmlLines(failures.flatMap(describe))}</failure>`);
    }
    if (others.length > 0) out.push(`      <system-out>${xmlLines(others.flatMap(describe))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}

export const diagnosticsJunitFormat: Formatter<DiagnosticsModel, RenderDiagnosticsOptions> = {
  description: 'JUnit XML, a test case per file (GitLab, Jenkins, Azure)',
  mediaType: 'application/xml',
  terminal: false,
  render: (m, options) => renderDiagnosticsJunit(m.diagnostics, m.files, options),
};
