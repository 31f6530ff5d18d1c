import { describe, expect, it } from 'vitest';
import { dayParser, sniffDateFormat } from '../../src/history/date-format.js';
import { formatDay } from '../../src/history/day.js';
import { numberParser } from '../../src/history/number-format.js';

const day = (format: Parameters<typeof dayParser>[0], text: string): string | number => {
  const d = dayParser(format)(text);
  return typeof d === 'number' ? formatDay(d) : d;
};

describe('date formats', () => {
  it('reads each stated format, 1- or 2-digit day and month', () => {
    expect(day(['MM/DD/YYYY'], '03/05/2024')).toBe('2024-03-05');
    expect(day(['MM/DD/YYYY'], '3/5/2024')).toBe('2024-03-05');
    expect(day(['DD/MM/YYYY'], '03/05/2024')).toBe('2024-05-03');
    expect(day(['DD.MM.YYYY'], '28.06.2024')).toBe('2024-06-28');
    // Excel: 45292 is 2024-01-01 (25569 is 1970-01-01); +64 days is 2024-03-05 (2024 is a leap year).
    expect(day(['excel'], '45292')).toBe('2024-01-01');
    expect(day(['excel'], '45356.75')).toBe('2024-03-05');
  });

  it('refuses impossible and malformed dates, and tries a list in order', () => {
    expect(day(['MM/DD/YYYY'], '02/30/2024')).toBe('impossible');
    expect(day(['MM/DD/YYYY'], '13/01/2024')).toBe('impossible');
    expect(day(['MM/DD/YYYY'], '2024-03-05')).toBe('format');
    expect(day(['DD.MM.YYYY'], '1.2.24')).toBe('format');
    expect(day(['YYYY-MM-DD', 'MM/DD/YYYY'], '03/05/2024')).toBe('2024-03-05');
    expect(day(['YYYY-MM-DD', 'MM/DD/YYYY'], '2024-03-06')).toBe('2024-03-06');
  });

  it('sniffs slash dates only when a day above 12 tells the order', () => {
    expect(sniffDateFormat(['2024-03-05'])).toBeUndefined();
    expect(sniffDateFormat(['03/05/2024', '04/06/2024'])).toEqual({ ambiguous: '03/05/2024' });
    expect(sniffDateFormat(['03/05/2024', '03/15/2024'])).toEqual({ format: 'MM/DD/YYYY' });
    expect(sniffDateFormat(['15/03/2024', '03/05/2024'])).toEqual({ format: 'DD/MM/YYYY' });
    expect(sniffDateFormat(['28.06.2024'])).toEqual({ format: 'DD.MM.YYYY' });
  });
});

describe('number formats', () => {
  const us = numberParser({ decimal: '.', thousands: ',', currency: true });
  const eu = numberParser({ decimal: ',', thousands: '.', currency: true });
  it('reads currency, grouping and the decimal mark', () => {
    expect(us('$12,500.00')).toBe(12500);
    expect(us('-$1,200.50')).toBe(-1200.5);
    expect(us('USD 950')).toBe(950);
    expect(eu('EUR 1.200,50')).toBe(1200.5);
    expect(eu('12.500,00 €')).toBe(12500);
    expect(eu('999,99')).toBe(999.99);
  });
  it('refuses what the stated format does not allow, never misreading it', () => {
    // A dot that is not a group of three is not a thousands separator, and with a comma mark it is no decimal point either.
    expect(eu('1.5')).toBe('not-decimal');
    expect(numberParser({ decimal: ',', currency: false })('12.500')).toBe('not-decimal');
    expect(us('12,50')).toBe('not-decimal');
    expect(us('$ 0x10')).toBe('not-decimal');
  });
});
