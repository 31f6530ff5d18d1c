/**
 * JSON reports: `JSON.stringify` escapes the C0 controls but leaves DEL, the C1 controls,
 * the bidi marks and the line / paragraph separators raw, which a terminal or a viewer
 * showing the file would act on. They are written as `\uXXXX` escapes instead: the same
 * JSON value, byte-safe text.
 */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function jsonText(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent);
  return text.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
