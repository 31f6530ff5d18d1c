/** The check report's formats (`check --format`), for the CLI and the library. */
import type { CheckFormatter } from './check-formatter.js';
import { checkCsvFormat } from './csv.js';
import { checkGithubFormat } from './github.js';
import { checkJsonFormat } from './json.js';
import { checkMarkdownFormat } from './markdown.js';
import { checkTextFormat } from './text.js';

const registry = {
  text: checkTextFormat,
  github: checkGithubFormat,
  json: checkJsonFormat,
  markdown: checkMarkdownFormat,
  csv: checkCsvFormat,
};

export type CheckFormat = keyof typeof registry;
export const formats: Readonly<Record<CheckFormat, CheckFormatter>> = registry;
export type { CheckFormatter, InvalidDesign } from './check-formatter.js';
