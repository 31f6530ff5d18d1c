/** What `init` prints once the design is written (`init --format`), for the CLI and the library. */
import type { Formats } from '../formatter.js';
import { initJsonFormat, type InitReport } from './json.js';
import { initTextFormat } from './text.js';

const registry = {
  text: initTextFormat,
  json: initJsonFormat,
};

export type InitFormat = keyof typeof registry;
export const formats: Formats<InitFormat, InitReport> = registry;
export type { InitReport } from './json.js';
