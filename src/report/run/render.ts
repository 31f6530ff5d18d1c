/**
 * One entry for the run report in any of its formats, for `run` and the commands that
 * print the same report (check, compare's per-design sections).
 */
import type { RunSummary } from '../../analysis/summary-types.js';
import { plainStyle, type Style } from '../style.js';
import { renderRunCsv } from './csv.js';
import { renderRunJson } from './json.js';
import { renderRunMarkdown } from './markdown.js';
import { renderRunTable } from './table.js';

export const RUN_FORMATS = ['table', 'json', 'markdown', 'csv'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

/** `style` colours the table only; the other formats are files and never carry colour. */
export function renderRun(format: RunFormat, summary: RunSummary, style: Style = plainStyle): string {
  switch (format) {
    case 'table':
      return renderRunTable(summary, style);
    case 'json':
      return renderRunJson(summary);
    case 'markdown':
      return renderRunMarkdown(summary);
    case 'csv':
      return renderRunCsv(summary);
  }
}
