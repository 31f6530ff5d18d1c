/**
 * Diagnostics for a person at a terminal: grouped by file, one line per problem that an
 * editor can jump to (`file:line:col`, 1:1 for a whole-file problem), the hint under it,
 * and a summary line.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { terminalText } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { groupByFile, jumpLocation, summarize, summaryLine, type DiagnosticsOptions } from './summary.js';
import type { Formatter } from '../formatter.js';
import type { DiagnosticsModel, RenderDiagnosticsOptions } from './model.js';

export interface TextOptions extends DiagnosticsOptions {
  readonly style?: Style;
}

export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], files: readonly string[], options: TextOptions = {}): string {
  const s = options.style ?? plainStyle;
  const blocks: string[] = [];
  for (const group of groupByFile(diagnostics, files)) {
    if (group.diagnostics.length === 0) continue;
    const lines = group.diagnostics.map((d) => {
      const severity = d.severity === 'error' ? s.red('error') : s.yellow('warning');
      const head = `${s.bold(terminalText(jumpLocation(d)))}  ${severity}  ${s.dim(terminalText(d.code))}  ${terminalText(d.message)}`;
      return d.hint ? `${head}\n  ${s.cyan('hint:')} ${terminalText(d.hint)}` : head;
    });
    blocks.push(lines.join('\n'));
  }
  const summary = summarize(diagnostics, files, options);
  const line = summaryLine(summary);
  const coloured = summary.ok ? (summary.warnings > 0 ? s.yellow(line) : s.green(line)) : s.red(line);
  return [...blocks, coloured].join('\n\n') + '\n';
}

export const diagnosticsTextFormat: Formatter<DiagnosticsModel, RenderDiagnosticsOptions> = {
  description: 'file:line:col per problem, for a terminal or an editor',
  mediaType: 'text/plain',
  terminal: true,
  render: (m, options) => renderDiagnosticsText(m.diagnostics, m.files, options),
};
