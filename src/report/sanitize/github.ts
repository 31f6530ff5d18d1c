/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`). Escaping follows
 * the runner (actions/toolkit `command.ts`): in the message `%`, CR and LF; in property
 * values additionally `:` and `,`, which would otherwise end the value. Before that,
 * controls other than the renderer's own line breaks are made visible, so an ESC in a
 * YAML key cannot reach the log as a raw byte.
 */
import { makeVisible } from './visible.js';

function percentEscape(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A message of one or more lines (the renderer's own line breaks are kept, as %0A). */
export function githubMessage(...lines: string[]): string {
  return percentEscape(lines.map(makeVisible).join('\n'));
}

export function githubProperty(text: string): string {
  return percentEscape(makeVisible(text)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
