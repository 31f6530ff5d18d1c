/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull
 * request's diff (`::error file=…,line=…,col=…,title=…::message`). The escaping is the
 * sanitising layer's github context (src/report/sanitize/github.ts).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { githubMessage, githubProperty } from '../sanitize/index.js';
import { ordered, summarize, summaryLine, type DiagnosticsOptions } from './summary.js';
import type { Formatter } from '../formatter.js';
import type { DiagnosticsModel, RenderDiagnosticsOptions } from './model.js';

export function githubAnnotation(d: Diagnostic): string {
  const props = [`file=${githubProperty(d.file)}`];
  if (d.line > 0) {
    props.push(`line=${d.line}`);
    if (d.col > 0) props.push(`col=${d.col}`);
  }
  props.push(`title=${githubProperty(`pointsmith ${d.code}`)}`);
  const message = d.hint ? githubMessage(d.message, `hint: ${d.hint}`) : githubMessage(d.message);
  return `::${d.severity} ${props.join(',')}::${message}`;
}

/** One annotation per diagnostic, then the summary as a plain log line. */
export function renderDiagnosticsGithub(diagnostics: readonly Diagnostic[], files: readonly string[], options: DiagnosticsOptions = {}): string {
  const lines = ordered(diagnostics, files).map(githubAnnotation);
  lines.push(summaryLine(summarize(diagnostics, files, options)));
  return `${lines.join('\n')}\n`;
}

export const diagnosticsGithubFormat: Formatter<DiagnosticsModel, RenderDiagnosticsOptions> = {
  description: 'GitHub Actions annotations on the lines of the problems',
  mediaType: 'text/plain',
  terminal: false,
  render: (m, options) => renderDiagnosticsGithub(m.diagnostics, m.files, options),
};
