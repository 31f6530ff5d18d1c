/**
 * `validate DESIGN --history H --partners P`: the data checked against one design, as
 * diagnostics beside the design's own. The history's rows (bad dates, negative
 * quantities...) each at its row; activities the design does not score, one warning per
 * name; partners of the history missing from the partners file; and the design's keys
 * that name a value no partner or row has (`min_points_by.region.emea` when the data says
 * `EMEA`), each at its line and column in the YAML.
 */
import { historyActivities } from '../program/history-activities.js';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { byPosition } from '../history/bad-rows.js';
import { checkProgramDates } from '../history/check-dates.js';
import { includePartners, matchPartners } from '../history/match-partners.js';
import { applyDesign, parseHistory } from '../history/read-history.js';
import type { Program } from '../program/program.js';
import type { CommandContext } from './context.js';
import { parseColumnMapping } from './data-sources.js';
import { designValueWarnings } from './design-value-warnings.js';
import { UserError } from './errors.js';
import { unreadable } from './expand-inputs.js';
import { loadPartners } from './load-history.js';

export interface ValidateDataOptions {
  readonly history?: string | undefined;
  readonly partners?: string | undefined;
  readonly column: readonly string[];
}

/** Bad usage, before any file is read: data is checked against exactly one design. */
export function checkValidateDataUsage(options: ValidateDataOptions, designs: number): void {
  if (options.column.length > 0 && options.history === undefined && options.partners === undefined) throw new UserError('--column only applies with --history or --partners');
  if ((options.history !== undefined || options.partners !== undefined) && designs !== 1) {
    const what = options.history !== undefined ? '--history checks a history' : '--partners checks a partners file';
    throw new UserError(`${what} against one design, but ${designs} design files were given`, {
      hint: `name one design file with ${options.history !== undefined ? '--history' : '--partners'}, and validate the others separately`,
    });
  }
}

/** What a design with errors leaves unchecked. */
export function notCheckedNote(options: ValidateDataOptions): string {
  const data = [options.history, options.partners].filter((f) => f !== undefined);
  return `note: ${data.join(' and ')} ${data.length > 1 ? 'were' : 'was'} not checked: the design has errors`;
}

export interface DataDiagnostics {
  readonly diagnostics: Diagnostic[];
  /** The data files checked, in the order given, for the report's file list. */
  readonly files: string[];
}

export async function validateData(
  ctx: CommandContext,
  options: ValidateDataOptions,
  program: Program,
  design: { readonly file: string; readonly source: Uint8Array },
): Promise<DataDiagnostics> {
  const columns = parseColumnMapping(options.column);
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  let store: EventStore | undefined;
  if (options.history !== undefined) {
    const checked = await historyDiagnostics(ctx, options.history, program, columns);
    diagnostics.push(...checked.diagnostics);
    store = checked.store;
    files.push(options.history);
  }
  let partners: PartnerTable | undefined;
  if (options.partners !== undefined) {
    // Unreadable or unusable (no partner_id column, duplicate ids): exit 2, as in every command.
    const settings = Object.keys(columns).length > 0 ? { columns } : {};
    partners = await loadPartners(ctx, { file: options.partners, settings }, true);
    files.push(options.partners);
    if (store !== undefined) {
      diagnostics.push(...matchPartners(store, partners, options.history ?? '', options.partners));
      store = includePartners(store, partners);
    }
  }
  // With one of the two files, a column the other may hold is not judged.
  const data = { ...(store !== undefined ? { store } : {}), ...(partners !== undefined ? { partners } : {}), partial: store === undefined || partners === undefined };
  diagnostics.push(...(await designValueWarnings(ctx, program, data, design)));
  return { diagnostics, files };
}

/** The history's problems (bad dates, negative quantities...), each at its row; unscored activities, one warning per name. */
async function historyDiagnostics(
  ctx: CommandContext,
  file: string,
  program: Program,
  columns: Record<string, string>,
): Promise<{ diagnostics: Diagnostic[]; store: EventStore }> {
  const info = await stat(ctx.path(file)).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  if (info.isDirectory()) throw new UserError(`cannot read ${file}: it is a folder, not a history file`, { hint: 'name the .csv file inside it' });
  const parsed = await parseHistory(createReadStream(ctx.path(file)), { file, columns }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) throw unreadable(file, error as NodeJS.ErrnoException, (p) => ctx.path(p));
    // An unusable file (no header, missing columns) is a DiagnosticError: main prints it, exit 2.
    throw error;
  });
  const result = applyDesign(parsed, { file, activities: historyActivities(program), unknownActivities: 'unscored' });
  // In file order: the bad rows and the first row of each activity the design does not score.
  const diagnostics = [...result.diagnostics, ...result.warnings].sort(byPosition);
  // The reader details the first rows only; say how many more there are rather than stay silent.
  const rest = result.badRows - new Set(result.diagnostics.map((d) => d.line)).size;
  if (rest > 0) {
    diagnostics.push({
      severity: 'error',
      code: 'csv-more-bad-rows',
      message: `${rest} more bad row(s) not shown (${result.badRows} in all)`,
      file,
      line: 0,
      col: 0,
      hint: 'fix the rows shown, then validate again',
      count: rest,
    });
  }
  diagnostics.push(...checkProgramDates(result.store, program.program.starts, program.program.ends, file));
  return { diagnostics, store: result.store };
}
