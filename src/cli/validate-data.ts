/**
 * `validate DESIGN --history H --partners P` (or `--data MANIFEST`): the data checked against one design, as
 * diagnostics beside the design's own. The history's rows (bad dates, negative
 * quantities...) each at its row; activities the design does not score, one warning per
 * name; partners of the history missing from the partners file; and the design's keys
 * that name a value no partner or row has (`min_points_by.region.emea` when the data says
 * `EMEA`), each at its line and column in the YAML.
 */
import { missingDesignColumns } from '../history/check-person-column.js';
import { historyActivities } from '../program/history-activities.js';
import type { Command } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { byPosition } from '../history/bad-rows.js';
import { checkProgramDates } from '../history/check-dates.js';
import { includePartners, matchPartners } from '../history/match-partners.js';
import { concatStores } from '../history/concat-stores.js';
import { applyDesign } from '../history/read-history.js';
import type { Program } from '../program/program.js';
import type { CommandContext } from './context.js';
import { dataSources, parseColumnMapping, type DataSource, type DataSources } from './data-sources.js';
import { designValueWarnings } from './design-value-warnings.js';
import { UserError } from './errors.js';
import { loadPartners, readOne } from './load-history.js';
import { joinPartnerNames } from './partner-names.js';

export interface ValidateDataOptions {
  readonly history?: string | undefined;
  readonly partners?: string | undefined;
  /** A data manifest (docs/data.md): its files, each read as it says. */
  readonly data?: string | undefined;
  readonly column: readonly string[];
}

/** Whether any data is to be checked. */
export function checksData(options: ValidateDataOptions): boolean {
  return options.history !== undefined || options.partners !== undefined || options.data !== undefined;
}

/** Bad usage, before any file is read: data is checked against exactly one design. */
export function checkValidateDataUsage(options: ValidateDataOptions, designs: number): void {
  if (options.data !== undefined && (options.history !== undefined || options.partners !== undefined || options.column.length > 0)) {
    throw new UserError('--data names the history and partners files and their columns: give it without --history, --partners and --column', { hint: 'see docs/data.md' });
  }
  if (options.column.length > 0 && options.history === undefined && options.partners === undefined) throw new UserError('--column only applies with --history or --partners');
  if (checksData(options) && designs !== 1) {
    const flag = options.data !== undefined ? '--data' : options.history !== undefined ? '--history' : '--partners';
    const what = options.data !== undefined ? '--data checks the data' : options.history !== undefined ? '--history checks a history' : '--partners checks a partners file';
    throw new UserError(`${what} against one design, but ${designs} design files were given`, {
      hint: `name one design file with ${flag}, and validate the others separately`,
    });
  }
}

/** What a design with errors leaves unchecked. */
export function notCheckedNote(options: ValidateDataOptions): string {
  const data = [options.data, options.history, options.partners].filter((f) => f !== undefined);
  return `note: ${data.join(' and ')} ${data.length > 1 ? 'were' : 'was'} not checked: the design has errors`;
}

export interface DataDiagnostics {
  readonly diagnostics: Diagnostic[];
  /** The data files checked, in the order given, for the report's file list. */
  readonly files: string[];
}

export async function validateData(
  ctx: CommandContext,
  command: Command,
  options: ValidateDataOptions,
  program: Program,
  design: { readonly file: string; readonly source: Uint8Array },
): Promise<DataDiagnostics> {
  const sources = await sourcesOf(ctx, options);
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  let store: EventStore | undefined;
  // A history keyed by partner name joins to the partners file: read it first then.
  const byName = sources.history.some((source) => source.settings.partnerNames !== undefined);
  const partnersFirst = byName && sources.partners !== undefined ? await loadPartners(ctx, sources.partners, sources.lenientPartnerColumns) : undefined;
  if (sources.history.length > 0) {
    const stores: EventStore[] = [];
    const rows: number[] = [];
    for (const source of sources.history) {
      const checked = await historyDiagnostics(ctx, command, source, program);
      diagnostics.push(...checked.diagnostics);
      const joined = await joinPartnerNames(ctx, source, checked.store, partnersFirst, sources.partners?.file);
      diagnostics.push(...joined.diagnostics);
      stores.push(joined.store);
      rows.push(checked.rows);
      files.push(source.file);
    }
    store = concatStores(stores, rows);
  }
  let partners: PartnerTable | undefined;
  if (sources.partners !== undefined) {
    // Unreadable or unusable (no partner_id column, duplicate ids): exit 2, as in every command.
    partners = partnersFirst ?? (await loadPartners(ctx, sources.partners, sources.lenientPartnerColumns));
    files.push(sources.partners.file);
    // A name join that failed leaves names where ids belong: its errors say so, the id check would only repeat them.
    if (store !== undefined && !diagnostics.some((d) => d.code.startsWith('csv-partner-name-'))) {
      diagnostics.push(...matchPartners(store, partners, sources.history.map((h) => h.file).join(', '), sources.partners.file));
      store = includePartners(store, partners);
    }
  }
  // With one of the two files, a column the other may hold is not judged.
  const data = { ...(store !== undefined ? { store } : {}), ...(partners !== undefined ? { partners } : {}), partial: store === undefined || partners === undefined };
  diagnostics.push(...(await designValueWarnings(ctx, program, data, design)));
  return { diagnostics, files };
}

/** The files to check: a manifest's, or those of --history / --partners with the --column mappings. */
async function sourcesOf(ctx: CommandContext, options: ValidateDataOptions): Promise<DataSources> {
  if (options.data !== undefined) return dataSources(ctx, { data: options.data, column: [] });
  const columns = parseColumnMapping(options.column);
  const settings = Object.keys(columns).length > 0 ? { columns } : {};
  return {
    history: options.history !== undefined ? [{ file: options.history, settings }] : [],
    partners: options.partners !== undefined ? { file: options.partners, settings } : undefined,
    lenientPartnerColumns: true,
  };
}

/** The history's problems (bad dates, negative quantities...), each at its row; unscored activities, one warning per name. */
async function historyDiagnostics(
  ctx: CommandContext,
  command: Command,
  source: DataSource,
  program: Program,
): Promise<{ diagnostics: Diagnostic[]; store: EventStore; rows: number }> {
  const file = source.file;
  // Read as every command reads it (the format sniffed or as the manifest says), never from the cache.
  // An unusable file (no header, missing columns) is a DiagnosticError: main prints it, exit 2.
  const { parsed } = await readOne(ctx, command, source, false);
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
  // A column the design reads that the file lacks: every amount, every seller, would read as nothing.
  diagnostics.push(...missingDesignColumns(parsed.store, program, file));
  diagnostics.push(...checkProgramDates(result.store, program.program.starts, program.program.ends, file));
  return { diagnostics, store: result.store, rows: result.store.size + result.unscoredRows };
}
