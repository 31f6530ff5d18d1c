/**
 * Bytes → text for a program file. A design is UTF-8 text; anything with a NUL byte or
 * invalid UTF-8 is not one (an image, a zip, a UTF-16 file) and gets one clear
 * diagnostic instead of a cascade of YAML errors.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export function decodeSource(source: string | Uint8Array, file: string): { text: string } | { diagnostic: Diagnostic } {
  const notText = (why: string): { diagnostic: Diagnostic } => ({
    diagnostic: {
      severity: 'error',
      code: 'not-a-text-file',
      message: `not a text file: ${why}`,
      file,
      line: 0,
      col: 0,
      hint: 'a program design is a YAML text file saved as UTF-8',
    },
  });
  let text: string;
  if (typeof source === 'string') {
    text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  } else {
    if (source.includes(0)) return notText('it contains NUL bytes');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(source);
    } catch {
      return notText('it is not valid UTF-8');
    }
  }
  if (text.includes('\0')) return notText('it contains NUL characters');
  return { text };
}
