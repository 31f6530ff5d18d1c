/**
 * `calibrate --format csv`: one row per value the search moved, with the target it served,
 * for a spreadsheet:
 *
 *   metric,op,target,achieved,met,path,from,to,scale
 *
 * `op` is a word (`equals`, `at_most`, `at_least`): a cell starting with `=` or `<` would be
 * neutralised as a formula by the CSV writer. A target that scales several values (`--scale`) has one row per value, each with the
 * same target columns and the multiplier in `scale` (empty when the value itself was searched).
 */
import { writeCsv, type CsvCell } from '../sanitize/index.js';
import type { Formatter } from '../formatter.js';
import type { CalibrationModel } from './model.js';
import type { TargetOp } from '../../analysis/calibrate.js';

const OP_WORD: Record<TargetOp, string> = { '=': 'equals', '<=': 'at_most', '>=': 'at_least' };

export const CALIBRATE_CSV_HEADER = ['metric', 'op', 'target', 'achieved', 'met', 'path', 'from', 'to', 'scale'] as const;

export function renderCalibrationCsv(m: CalibrationModel): string {
  const rows: CsvCell[][] = [];
  for (const r of m.calibration.pairs) {
    const target: CsvCell[] = [r.target.metric.name, OP_WORD[r.target.op], r.target.value, r.achieved, r.met ? 'true' : 'false'];
    const scale = r.parameter.scale ? r.found : null;
    for (const v of r.values) rows.push([...target, v.path, v.from, v.to, scale]);
  }
  return writeCsv([...CALIBRATE_CSV_HEADER], rows);
}

export const calibrationCsvFormat: Formatter<CalibrationModel> = {
  description: 'for a spreadsheet: a row per value moved, with its target and what was achieved',
  mediaType: 'text/csv',
  terminal: false,
  render: (m) => renderCalibrationCsv(m),
};
