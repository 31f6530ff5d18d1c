/**
 * The transition report as JSON: the model itself (its keys are the contract), two-space
 * indented, ending with a newline. Numbers were rounded when the model was built.
 */
import { jsonText } from '../sanitize/index.js';
import type { TransitionReport } from '../../analysis/transition-types.js';
import type { Formatter } from '../formatter.js';
import type { TransitionFormatOptions } from './selection.js';

export function renderTransitionJson(report: TransitionReport): string {
  return `${jsonText(report)}\n`;
}

export const transitionJsonFormat: Formatter<TransitionReport, TransitionFormatOptions> = {
  description: 'the whole model for tools, every partner (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (report) => renderTransitionJson(report),
};
