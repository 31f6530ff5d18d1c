/**
 * Amounts as exports write them: a decimal mark (`.` or `,`), an optional thousands
 * separator (`,` `.` space or `'`), a currency symbol or ISO code before or after
 * (`$12,500.00`, `EUR 1.200,50`, `12.500,00 €`). Each is normalised to the plain form and
 * read by `parseDecimal`, so the range rules stay in one place. Thousands groups must be
 * groups of three: `1.5` with `.` as the thousands separator is refused, never read as 15.
 */
import { parseDecimal, type DecimalResult } from './decimal.js';

export interface NumberFormat {
  /** The decimal mark: `.` (default) or `,`. */
  readonly decimal: '.' | ',';
  /** The thousands separator, or undefined for none. */
  readonly thousands?: ',' | '.' | ' ' | "'" | undefined;
  /** Strip currency symbols and three-letter codes around the number. */
  readonly currency: boolean;
}

export const PLAIN_NUMBERS: NumberFormat = { decimal: '.', currency: false };

export function isPlainNumberFormat(format: NumberFormat): boolean {
  return format.decimal === '.' && format.thousands === undefined && !format.currency;
}

/** Symbols and codes only at either end, with optional spaces: `$`, `US$`, `€`, `£`, `¥`, `₹`, `CHF`, `EUR`... */
const CURRENCY = /^(?:[A-Z]{3}|[A-Z]{0,2}[$€£¥₹])\s*|\s*(?:[A-Z]{3}|[$€£¥₹])$/g;

export type NumberParser = (text: string) => DecimalResult;

export function numberParser(format: NumberFormat): NumberParser {
  if (isPlainNumberFormat(format)) return parseDecimal;
  const sep = format.thousands === undefined ? '' : escape(format.thousands === ' ' ? ' \u00a0\u202f' : format.thousands);
  const mark = escape(format.decimal);
  const grouped = sep === '' ? undefined : new RegExp(`^[-+]?\\d{1,3}(?:[${sep}]\\d{3})+(?:${mark}\\d*)?$`);
  const ungrouped = new RegExp(`^[-+]?(?:\\d+(?:${mark}\\d*)?|${mark}\\d+)$`);
  return (raw) => {
    let text = format.currency ? raw.replace(CURRENCY, '') : raw;
    // A sign before the symbol (-$1,200.00) or after it ($-1,200.00) both read as negative.
    if (format.currency && text.startsWith('-') && raw.indexOf('-') < raw.search(/\d/)) text = `-${text.slice(1).replace(CURRENCY, '')}`;
    if (grouped?.test(text) === true) text = text.replace(new RegExp(`[${sep}]`, 'g'), '');
    // Anything else: with a `.` mark, exponents still read (parseDecimal refuses the rest);
    // with a `,` mark, `12.500` unstated as grouped must not slip through as 12.5.
    else if (!ungrouped.test(text)) return format.decimal === '.' ? parseDecimal(text) : 'not-decimal';
    return parseDecimal(format.decimal === ',' ? text.replace(',', '.') : text);
  };
}

function escape(chars: string): string {
  return chars.replace(/[.\\^$*+?()[\]{}|-]/g, '\\$&');
}
