/**
 * Numbers as reports show them to people (tables, Markdown). Always en-US grouping and
 * decimal marks, whatever the machine's locale, so the same run prints the same bytes
 * everywhere. JSON and CSV keep plain numbers and never use these.
 */

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', options);
    formats.set(key, format);
  }
  return format;
}

// Intl separates an unknown currency code from the digits with a no-break space; plain
// text tables and Markdown read better with an ordinary one.
const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

/** A count of things: `1,234`. */
export function formatCount(value: number): string {
  return numberFormat('count', { maximumFractionDigits: 0 }).format(value);
}

/** `1 partner`, `2,000 partners` (English plural by -s: the nouns of the reports take it). */
export function formatCounted(value: number, noun: string): string {
  return `${formatCount(value)} ${noun}${value === 1 ? '' : 's'}`;
}

/**
 * Points (or fractional reward units): `4,733.33`, `13,832.10`, `1,200`. A fraction always
 * shows two decimals, so the numbers of a column line up (`13,832.1` beside `2,403.55` reads
 * as a typo); whole numbers show none.
 */
export function formatPoints(value: number): string {
  const cents = Math.round(value * 100);
  if (cents % 100 === 0) return numberFormat('points', { maximumFractionDigits: 0 }).format(cents / 100);
  return numberFormat('points2', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** Money to cents in the program's currency: `$2,333.27`, `€12.00`, `CHF 5.00`. */
export function formatMoney(value: number, currency: string): string {
  return plainSpaces(
    numberFormat(`money:${currency}`, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value),
  );
}

/** A share (0..1) as a percentage with one decimal: `46.7%`. */
export function formatPercent(share: number): string {
  return numberFormat('percent', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}
