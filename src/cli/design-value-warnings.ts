/**
 * The design keys that name a value no partner or row has (src/history/check-design-values.ts),
 * as warnings positioned on the key in the design's YAML (`file:line:col`), the way the
 * loader's own diagnostics are. The design's text is read again only when there is something
 * to position; a design that cannot be read again (or none named) leaves the positions unknown.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkDesignValues, type DesignValueData } from '../history/check-design-values.js';
import { DiagnosticSink } from '../program/diagnostic-sink.js';
import { noPositions, type Locator } from '../program/positions.js';
import type { Program } from '../program/program.js';
import { decodeSource } from '../program/source-text.js';
import { parseYamlSource } from '../program/yaml-source.js';
import type { CommandContext } from './context.js';
import { readDesignSource } from './load-program.js';

/**
 * `design`: the design file as the user named it (its text is read to position the keys),
 * or its name and text when the caller has them already; absent, the diagnostics name no
 * file (`file: ''`) and their message says which key through its path.
 */
export async function designValueWarnings(
  ctx: CommandContext,
  program: Program,
  data: DesignValueData,
  design?: string | { readonly file: string; readonly source: Uint8Array },
): Promise<Diagnostic[]> {
  const findings = checkDesignValues(program, data);
  if (findings.length === 0) return [];
  const file = design === undefined ? '' : typeof design === 'string' ? design : design.file;
  let locator: Locator = noPositions;
  if (design !== undefined) {
    const source = typeof design === 'string' ? await readDesignSource(ctx, design).catch(() => undefined) : design.source;
    if (source !== undefined) locator = locatorOf(source, file);
  }
  const sink = new DiagnosticSink(file, locator);
  for (const f of findings) sink.report(f);
  return sink.sorted();
}

function locatorOf(source: Uint8Array, file: string): Locator {
  const decoded = decodeSource(source, file);
  if (!('text' in decoded)) return noPositions;
  const parsed = parseYamlSource(decoded.text, file);
  return parsed.ok ? parsed.locator : noPositions;
}
