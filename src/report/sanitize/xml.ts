/**
 * Text in XML reports (JUnit): controls and bidi marks made visible (XML 1.0 does not
 * allow most C0 controls at all, even escaped), lone surrogates and U+FFFE/U+FFFF
 * replaced (no XML parser accepts them), then markup characters as entities.
 */
import { makeVisible } from './visible.js';

const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return makeVisible(text)
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * An attribute value that keeps the renderer's own line breaks (a parser would fold a raw
 * newline into a space): `lines` are joined with a newline character reference.
 */
export function xmlAttribute(...lines: string[]): string {
  return lines.map(xmlText).join('&#10;');
}

/** Element content of several lines, each sanitised; the newlines between them are the renderer's. */
export function xmlLines(lines: readonly string[]): string {
  return lines.map(xmlText).join('\n');
}
