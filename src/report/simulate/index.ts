/** The simulation's formats (`simulate --format`), for the CLI and the library. */
import type { SimulationReport } from '../../analysis/monte-carlo.js';
import type { Formats } from '../formatter.js';
import { simulationCsvFormat } from './csv.js';
import { simulationHtmlFormat } from './html.js';
import { simulationJsonFormat } from './json.js';
import { simulationMarkdownFormat } from './markdown.js';
import { simulationTableFormat } from './table.js';

const registry = {
  table: simulationTableFormat,
  json: simulationJsonFormat,
  markdown: simulationMarkdownFormat,
  csv: simulationCsvFormat,
  html: simulationHtmlFormat,
};

export type SimulateFormat = keyof typeof registry;
export const formats: Formats<SimulateFormat, SimulationReport> = registry;
