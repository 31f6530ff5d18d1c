/** The simulation's formats (`simulate --format`), for the CLI and the library. */
import type { SimulationReport } from '../../analysis/monte-carlo.js';
import type { ReportFormats } from '../formatter.js';
import { simulationCsvFormat } from './csv.js';
import { simulationHtmlFormat } from './html.js';
import { simulationJsonFormat } from './json.js';
import { simulationMarkdownFormat } from './markdown.js';
import { simulationTableFormat } from './table.js';
import { simulationXlsxFormat } from './xlsx.js';

const registry = {
  table: simulationTableFormat,
  json: simulationJsonFormat,
  markdown: simulationMarkdownFormat,
  csv: simulationCsvFormat,
  html: simulationHtmlFormat,
  xlsx: simulationXlsxFormat,
};

export type SimulateFormat = keyof typeof registry;
export const formats: ReportFormats<SimulateFormat, SimulationReport> = registry;
