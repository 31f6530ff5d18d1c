/** What `generate` prints once the files are written (`generate --format`), for the CLI and the library. */
import type { Formats } from '../formatter.js';
import { generateJsonFormat, type GenerateReport } from './json.js';
import { generateTextFormat } from './text.js';

const registry = {
  text: generateTextFormat,
  json: generateJsonFormat,
};

export type GenerateFormat = keyof typeof registry;
export const formats: Formats<GenerateFormat, GenerateReport> = registry;
export type { GenerateReport, GeneratedFile } from './json.js';
