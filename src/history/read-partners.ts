/**
 * The partners CSV → a PartnerTable. `partner_id` is required; name, segment, region and
 * legacy_level are read when present; every column is kept in `attributes` by its
 * (mapped) name. Every problem is collected and thrown together.
 */
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readCsvBatches, CsvEncodingError, CsvTooLongFieldError, type CsvDialect, type CsvInput } from './csv-records.js';
import type { Partner, PartnerTable } from './event-store.js';
import { resolveHeader } from './header.js';
import { valueMapper } from './map-values.js';
import { encodingDiagnostic } from './read-history.js';
import type { ValueMapping } from './source-settings.js';

export interface ReadPartnersOptions {
  readonly file: string;
  /** Canonical column name → header in the file. */
  readonly columns?: Readonly<Record<string, string>>;
  /**
   * Use only the mappings whose header is in this file and ignore the others: the CLI
   * passes the history's `--column` mappings, which often name history-only headers.
   */
  readonly lenientColumns?: boolean;
  /** Delimiter and encoding (resolveFormat); absent: commas, UTF-8. */
  readonly dialect?: CsvDialect;
  /** Column (canonical name or header) → renaming of its values (`region: { EMEA: emea }`). */
  readonly values?: Readonly<Record<string, ValueMapping>>;
}

const KNOWN = ['name', 'segment', 'region', 'legacy_level'] as const;
/** Enough messages to fix a file; the rest are counted. */
const MAX_PROBLEMS = 100;

export async function readPartners(input: CsvInput, options: ReadPartnersOptions): Promise<PartnerTable> {
  const { file } = options;
  const problems: Diagnostic[] = [];
  let extra = 0;
  const problem = (line: number, col: number, code: string, message: string, hint?: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ severity: 'error', code, message, file, line, col, ...(hint ? { hint } : {}) });
    else extra++;
  };
  const partners: Partner[] = [];
  const byId = new Map<string, Partner>();
  const firstLine = new Map<string, number>();
  let names: string[] | undefined;
  let index = new Map<string, number>();
  let width = 0;
  let row = 0;
  try {
    const mappers = new Map(Object.entries(options.values ?? {}).map(([column, mapping]) => [column, valueMapper(mapping)]));
    for await (const batch of readCsvBatches(input, undefined, false, options.dialect)) {
      let start = 0;
      if (names === undefined) {
        const header = batch.records[0] as string[];
        const columns = options.lenientColumns === true ? presentOnly(options.columns ?? {}, header) : options.columns;
        const resolved = resolveHeader(header, {
          file,
          line: batch.lines[0] as number,
          required: ['partner_id'],
          optional: KNOWN,
          what: 'partners file',
          ...(columns ? { columns } : {}),
        });
        if (Array.isArray(resolved)) throw new DiagnosticError(resolved);
        index = new Map(resolved.index);
        names = header.map((h) => h.trim());
        for (const [canonical, i] of resolved.index) names[i] = canonical;
        for (const o of resolved.others) names[o.index] = o.name;
        width = header.length;
        start = 1;
      }
      for (let r = start; r < batch.records.length; r++) {
        const record = batch.records[r] as string[];
        const line = batch.lines[r] as number;
        row++;
        const malformed = batch.malformed.get(r);
        if (malformed !== undefined) {
          problem(line, 0, 'csv-malformed', `row ${row}: cannot read this row: ${malformed.toLowerCase()}`);
          continue;
        }
        if (record.length !== width) {
          problem(line, 0, 'csv-field-count', `row ${row}: has ${record.length} fields, the header has ${width}`, 'quote fields that contain commas');
          continue;
        }
        const ip = index.get('partner_id') as number;
        const id = (record[ip] as string).trim();
        if (id === '') {
          problem(line, ip + 1, 'csv-empty-partner', `row ${row}: partner_id is empty`);
          continue;
        }
        const seenOn = firstLine.get(id);
        if (seenOn !== undefined) {
          problem(line, ip + 1, 'partners-duplicate-id', `row ${row}: partner \`${id}\` is already on line ${seenOn}`, 'each partner appears once in the partners file');
          continue;
        }
        firstLine.set(id, line);
        const attributes: Record<string, string> = {};
        record.forEach((value, i) => {
          const name = names?.[i] ?? String(i);
          const map = mappers.get(name);
          attributes[name] = map === undefined ? value : map(value.trim());
        });
        const get = (key: string): string => {
          const i = index.get(key);
          return i === undefined ? '' : (attributes[names?.[i] ?? String(i)] as string).trim();
        };
        const partner: Partner = { id, name: get('name'), segment: get('segment'), region: get('region'), legacyLevel: get('legacy_level'), attributes };
        partners.push(partner);
        byId.set(id, partner);
      }
    }
  } catch (error) {
    if (error instanceof CsvTooLongFieldError) {
      throw new DiagnosticError([{ severity: 'error', code: 'csv-malformed', message: error.message, file, line: error.line, col: 0 }]);
    }
    if (error instanceof CsvEncodingError) throw new DiagnosticError([encodingDiagnostic(error, file)]);
    throw error;
  }
  if (names === undefined) {
    throw new DiagnosticError([{ severity: 'error', code: 'csv-empty', message: 'the partners file is empty', file, line: 0, col: 0, hint: 'the first line is the header: partner_id,name,segment,region,legacy_level' }]);
  }
  if (extra > 0) problems.push({ severity: 'error', code: 'csv-more-problems', message: `${extra} more problem(s) not shown`, file, line: 0, col: 0 });
  if (problems.length > 0) throw new DiagnosticError(problems);
  return { partners, byId };
}

function presentOnly(columns: Readonly<Record<string, string>>, header: readonly string[]): Record<string, string> {
  const names = new Set(header.map((h) => h.trim()));
  return Object.fromEntries(Object.entries(columns).filter(([, h]) => names.has(h.trim())));
}
