/**
 * The transition report as JSON: the model itself (its keys are the contract), two-space
 * indented, ending with a newline. Numbers were rounded when the model was built.
 */
import { jsonText } from '../sanitize/index.js';
import type { TransitionReport } from '../../analysis/transition-types.js';

export function renderTransitionJson(report: TransitionReport): string {
  return `${jsonText(report)}\n`;
}
