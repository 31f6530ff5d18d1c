/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): one
 * testsuite, one testcase per checked file, a `<failure>` listing the file's failing
 * diagnostics; warnings that do not fail go to `<system-out>`. No timestamps or
 * durations, so the same input gives the same bytes.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { groupByFile, isFailure, jumpLocation, type DiagnosticsOptions } from './summary.js';

/** Characters XML 1.0 does not allow at all, even escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values also keep their line breaks (a parser would fold a raw newline into a space). */
function attr(text: string): string {
  return escapeXml(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function describe(d: Diagnostic): string {
  return `${jumpLocation(d)}  ${d.severity}  ${d.code}  ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`;
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
    const open = `    <testcase classname="pointsmith.validate" name="${attr(group.file)}"`;
    if (failures.length === 0 && others.length === 0) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    const first = failures[0];
    if (first) {
      const message = failures.length === 1 ? `${jumpLocation(first)}: ${first.message}` : `${failures.length} problems, first ${jumpLocation(first)}: ${first.message}`;
      out.push(`      <failure type="${attr(first.code)}" message="${attr(message)}">${escapeXml(failures.map(describe).join('\n'))}</failure>`);
    }
    if (others.length > 0) out.push(`      <system-out>${escapeXml(others.map(describe).join('\n'))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}
