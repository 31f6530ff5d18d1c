/**
 * A headline figure of a report page: a large value over its label (the `.figures` row of
 * the page style). `data-key` names the figure, so a test can find it without its wording.
 */
import { htmlText as h } from '../sanitize/index.js';

export function keyFigure(label: string, value: string, cls = '', key?: string): string {
  const data = key === undefined ? '' : ` data-key="${h(key)}"`;
  return `<div class="figure${cls ? ` ${cls}` : ''}"${data}><span class="value">${h(value)}</span><span class="label">${h(label)}</span></div>`;
}
