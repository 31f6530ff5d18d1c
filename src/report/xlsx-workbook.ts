/**
 * The one place a report becomes an Excel workbook (`--format xlsx`): each command's
 * xlsx module (src/report/<family>/xlsx.ts) lays its JSON out as sheets of typed cells,
 * one sheet per table, and this module writes them with exceljs:
 *
 * - numbers stay numbers, with a number format by kind: money in the design's currency
 *   with cents, shares as percentages, points and counts as whole numbers with thousands
 *   separators (the stored value keeps the JSON's decimals), units with two decimals;
 * - text is stored as a string cell, never a formula, whatever it starts with (`=`, `+`,
 *   `-`, `@`), through `terminalText` like every other report (no control characters,
 *   which XML cannot hold);
 * - dates (`YYYY-MM-DD` in the JSON) are date cells;
 * - the header row is bold and frozen, every column as wide as its longest entry;
 * - the workbook's created/modified dates and every zip entry's date are `at`, so the
 *   same inputs give the same bytes.
 */
import ExcelJS from 'exceljs';
import { terminalText } from './sanitize/index.js';
import type { MetricKind } from '../analysis/metrics.js';
import type { WarmUp } from '../analysis/warm-up.js';
import type { BinaryFormatter, FormatOptions } from './formatter.js';
import { fixZipDates } from './xlsx-zip-dates.js';

/** How a cell reads: the metric kinds, plus plain text, a decimal without unit, a day, yes/no. */
export type CellKind = MetricKind | 'text' | 'number' | 'date' | 'boolean';

export type CellValue = string | number | boolean | null;

export interface Cell {
  readonly value: CellValue;
  readonly kind: CellKind;
}

export interface Column {
  readonly header: string;
  /** The kind of every cell of the column, unless a row gives its own (`Cell`). */
  readonly kind: CellKind;
}

export interface Sheet {
  /** At most 31 characters, none of `[]:*?/\` (Excel's rules). */
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly (CellValue | Cell)[])[];
}

/** The whole workbook: its sheets in order, and the currency of its money cells. */
export interface WorkbookModel {
  readonly currency: string;
  readonly sheets: readonly Sheet[];
}

/** The earliest date a zip entry can hold: the default `at`, never the wall clock. */
const ZIP_EPOCH = new Date('1980-01-01T00:00:00Z');
const SHEET_NAME = /^[^[\]:*?/\\]{1,31}$/;
const MAX_WIDTH = 60;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The number format of a kind; `null` for the kinds whose cells are not numbers. */
export function numberFormat(kind: CellKind, currency: string): string | null {
  switch (kind) {
    case 'money':
      // The code as a quoted literal: Excel shows `USD 1,234.50` in every locale; a code that
      // is not plain letters is left out rather than let a quote end the literal.
      return /^[A-Za-z]{1,8}$/.test(currency) ? `"${currency} "#,##0.00` : '#,##0.00';
    case 'share':
      return '0.0%';
    case 'points':
    case 'count':
      return '#,##0';
    case 'units':
    case 'number':
      return '#,##0.00';
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
    case 'boolean':
      return null;
  }
}

function isCell(value: CellValue | Cell): value is Cell {
  return value !== null && typeof value === 'object';
}

/** What exceljs stores for a value of a kind: a string is never a formula (exceljs only writes one for `{ formula }`). */
function stored(value: CellValue, kind: CellKind): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (kind === 'date' && DAY.test(value)) return new Date(`${value}T00:00:00Z`);
    return terminalText(value);
  }
  return value;
}

/** The width a cell's text needs, roughly as Excel shows it with its number format. */
function shownLength(value: CellValue, kind: CellKind, currency: string): number {
  if (value === null) return 0;
  if (typeof value !== 'number') return String(value).length;
  const grouped = Math.round(Math.abs(value) * (kind === 'share' ? 100 : 1)).toLocaleString('en-US').length + (value < 0 ? 1 : 0);
  if (kind === 'money') return grouped + 3 + currency.length + 1;
  if (kind === 'share') return grouped + 3;
  if (kind === 'units' || kind === 'number') return grouped + 3;
  return grouped;
}

/** The workbook as exceljs builds it, before it is zipped. */
function buildWorkbook(model: WorkbookModel, at: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pointsmith';
  workbook.lastModifiedBy = 'pointsmith';
  workbook.created = at;
  workbook.modified = at;
  for (const sheet of model.sheets) {
    if (!SHEET_NAME.test(sheet.name)) throw new Error(`internal: sheet name ${JSON.stringify(sheet.name)} breaks Excel's rules`);
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    const widths = sheet.columns.map((c) => c.header.length);
    const header = ws.addRow(sheet.columns.map((c) => terminalText(c.header)));
    header.font = { bold: true };
    for (const values of sheet.rows) {
      const row = ws.addRow([]);
      values.forEach((given, i) => {
        const column = sheet.columns[i];
        if (column === undefined) throw new Error(`internal: sheet ${sheet.name} has a row longer than its header`);
        const { value, kind } = isCell(given) ? given : { value: given, kind: column.kind };
        const cell = row.getCell(i + 1);
        const content = stored(value, kind);
        cell.value = content;
        const format = numberFormat(kind, model.currency);
        // A text or yes/no cell in a number column (a sweep over names) keeps the General format.
        if (format !== null && (typeof content === 'number' || content instanceof Date)) cell.numFmt = format;
        widths[i] = Math.max(widths[i] ?? 0, shownLength(value, kind, model.currency));
      });
    }
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, w + 2);
    });
  }
  return workbook;
}

/** The .xlsx file's bytes: the same model and `at` give the same bytes. */
export async function renderWorkbook(model: WorkbookModel, at: Date = ZIP_EPOCH): Promise<Uint8Array> {
  if (Number.isNaN(at.getTime())) throw new Error('internal: the workbook date is not a valid date');
  const buffer = await buildWorkbook(model, at).xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buffer), at);
}

/** A family's xlsx entry in its format registry, from the function that lays its model out as sheets. */
export function xlsxFormat<Model, Options extends FormatOptions = FormatOptions>(description: string, layout: (model: Model) => WorkbookModel): BinaryFormatter<Model, Options> {
  return {
    description,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    terminal: false,
    binary: true,
    render: (model, options) => renderWorkbook(layout(model), options.at),
  };
}

/** The warm-up periods (no `launch:`), one per row, with the reason: an empty list when there are none. */
export function warmUpSheets(warmUp: WarmUp | null | undefined): Sheet[] {
  if (warmUp === null || warmUp === undefined || warmUp.periods.length === 0) return [];
  return [
    {
      name: 'Warm-up',
      columns: [
        { header: 'period', kind: 'text' },
        { header: 'reason', kind: 'text' },
      ],
      rows: warmUp.periods.map((p) => [p, warmUp.reason]),
    },
  ];
}
