/** The calibration's formats (`calibrate --format`), for the CLI and the library. */
import type { Formats } from '../formatter.js';
import { calibrationCsvFormat } from './csv.js';
import { calibrationJsonFormat } from './json.js';
import type { CalibrationModel } from './model.js';
import { calibrationTableFormat } from './table.js';

const registry = {
  table: calibrationTableFormat,
  json: calibrationJsonFormat,
  csv: calibrationCsvFormat,
};

export type CalibrateFormat = keyof typeof registry;
export const formats: Formats<CalibrateFormat, CalibrationModel> = registry;
export type { CalibrationModel } from './model.js';
