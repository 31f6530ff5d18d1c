/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull
 * request's diff (`::error file=…,line=…,col=…,title=…::message`).
 * Escaping follows the runner (actions/toolkit `command.ts`): in the message `%`, CR and
 * LF; in property values additionally `:` and `,`, which would otherwise end the value.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ordered, summarize, summaryLine, type DiagnosticsOptions } from './summary.js';

export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotation(d: Diagnostic): string {
  const props = [`file=${escapeGithubProperty(d.file)}`];
  if (d.line > 0) {
    props.push(`line=${d.line}`);
    if (d.col > 0) props.push(`col=${d.col}`);
  }
  props.push(`title=${escapeGithubProperty(`pointsmith ${d.code}`)}`);
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${d.severity} ${props.join(',')}::${escapeGithubData(message)}`;
}

/** One annotation per diagnostic, then the summary as a plain log line. */
export function renderDiagnosticsGithub(diagnostics: readonly Diagnostic[], files: readonly string[], options: DiagnosticsOptions = {}): string {
  const lines = ordered(diagnostics, files).map(githubAnnotation);
  lines.push(summaryLine(summarize(diagnostics, files, options)));
  return `${lines.join('\n')}\n`;
}
