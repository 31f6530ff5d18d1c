/** The diagnostics formats (`validate --format`), for the CLI and the library. */
import type { Formats } from '../formatter.js';
import { diagnosticsGithubFormat } from './github.js';
import { diagnosticsJsonFormat } from './json.js';
import { diagnosticsJunitFormat } from './junit.js';
import type { DiagnosticsModel, RenderDiagnosticsOptions } from './model.js';
import { diagnosticsSarifFormat } from './sarif.js';
import { diagnosticsTextFormat } from './text.js';

const registry = {
  text: diagnosticsTextFormat,
  json: diagnosticsJsonFormat,
  github: diagnosticsGithubFormat,
  junit: diagnosticsJunitFormat,
  sarif: diagnosticsSarifFormat,
};

export type DiagnosticsFormat = keyof typeof registry;
export const formats: Formats<DiagnosticsFormat, DiagnosticsModel, RenderDiagnosticsOptions> = registry;
export type { DiagnosticsModel, RenderDiagnosticsOptions } from './model.js';
