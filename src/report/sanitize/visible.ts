/**
 * The base of every text context: characters that could drive a terminal, a CI log or a
 * reader's eyes are replaced by a visible escape, so no string from a design, a history
 * or a partners file can start a new line, move the cursor, recolour the screen or
 * reverse the text around it.
 *
 * Escaped: C0 controls (CR, LF and tab as `\r`, `\n`, `\t`; the others as `\u001B`),
 * DEL, C1 controls, the bidi marks, embeddings, overrides and isolates (U+061C, U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069) and the line / paragraph separators
 * (U+2028, U+2029), as `\uXXXX`.
 *
 * The escaping is reversible (`decodeVisible`), so what a reader sees is exactly what
 * the input held: a backslash is doubled only where it would otherwise read as the start
 * of an escape, which leaves ordinary text (`C:\data`, `A\B`) as it was.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const UNSAFE_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\\]/g;
const NAMED: Readonly<Record<string, string>> = { '\r': '\\r', '\n': '\\n', '\t': '\\t' };
/** After a backslash, these letters would be read as an escape. */
const ESCAPE_LETTERS = new Set(['\\', 'r', 'n', 't', 'u']);

export function isUnsafeChar(c: string): boolean {
  return UNSAFE.test(c);
}

function escapeChar(c: string): string {
  return NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function makeVisible(text: string): string {
  return text.replace(UNSAFE_OR_BACKSLASH, (c, offset: number) => {
    if (c !== '\\') return escapeChar(c);
    const next = text[offset + 1];
    return next !== undefined && (ESCAPE_LETTERS.has(next) || isUnsafeChar(next)) ? '\\\\' : '\\';
  });
}

/** The inverse of `makeVisible`: `decodeVisible(makeVisible(s)) === s` for every string. */
export function decodeVisible(text: string): string {
  return text.replace(/\\(\\|r|n|t|u[0-9A-Fa-f]{4})/g, (_, e: string) => {
    if (e === '\\') return '\\';
    if (e === 'r') return '\r';
    if (e === 'n') return '\n';
    if (e === 't') return '\t';
    return String.fromCharCode(parseInt(e.slice(1), 16));
  });
}
