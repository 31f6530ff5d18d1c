/**
 * Design keys that name a value no partner or row has: `min_points_by: { region: { emea: … } }`
 * when the partners file says `EMEA`, a multiplier keyed by a product the history never
 * holds, a `redemption.by_segment` entry no partner's segment matches. The engine matches
 * such values by exact text (src/engine/compile.ts, src/engine/where.ts), so these keys
 * silently never apply and the partners are judged on the defaults. This check says so:
 * one finding per distinct cause (a column and a value), at the first key that names it,
 * listing every place, the values the data has and a did-you-mean (a case-insensitive
 * match first).
 *
 * It reads the data as the engine does (src/engine/partner-index.ts): a partner's value
 * of a column is the partners file's, else the history's first non-blank value; an event's
 * value is its row's, else its partner's in the partners file.
 */
import { closest } from '../diagnostics/did-you-mean.js';
import { indexPartners, type PartnerIndex } from '../engine/partner-index.js';
import type { Finding } from '../program/diagnostic-sink.js';
import type { Program } from '../program/program.js';
import type { EventStore, PartnerTable } from './event-store.js';
import { buildStore } from './store-builder.js';

export const DESIGN_VALUE_NOT_IN_DATA = 'design-value-not-in-data';

/** What the data is known to hold. */
export interface DesignValueData {
  /** The history (after the partners file's partners were added); absent when only a partners file was given. */
  readonly store?: EventStore;
  readonly partners?: PartnerTable;
  /** The replay's partner index of this store and partners file, when the caller has prepared it (else built here). */
  readonly index?: PartnerIndex;
  /**
   * The data is only part of what a replay will read (`validate` with `--history` or
   * `--partners` alone): a column it lacks may come from the other file, so it is not
   * reported, and a partner's value is judged only from a partners file.
   */
  readonly partial?: boolean;
}

/**
 * Whose value the engine compares: a partner's (thresholds, redemption, tracks), an
 * event's with the partner's as fallback (multipliers, `where`), or the `stage` column's.
 */
type Scope = 'partner' | 'event' | 'stage';

interface Use {
  readonly scope: Scope;
  readonly column: string;
  readonly value: string;
  /** Data path of the key (or list element) that names the value. */
  readonly path: readonly (string | number)[];
  readonly part: 'key' | 'value';
  /** The place, as a `--set` path (tiers by name). */
  readonly shown: string;
  /** The key that names the column (`min_points_by.region`), and its `--set` path: where a column the data lacks is reported. */
  readonly columnPath: readonly (string | number)[];
  readonly columnShown: string;
}

/** Values listed in a message; the rest are counted. */
const SHOWN_VALUES = 10;
/** Places listed in a message; the rest are counted. */
const SHOWN_PLACES = 3;

export function checkDesignValues(program: Program, data: DesignValueData): Finding[] {
  return [...checkValueUses(program, data), ...checkClawbacks(program, data)];
}

/**
 * A clawback whose reversing activity (`when`) or `match` column the history lacks never
 * takes anything back: said at the key, with the history's names and a did-you-mean.
 */
function checkClawbacks(program: Program, data: DesignValueData): Finding[] {
  const store = data.store;
  if (store === undefined || data.partial === true) return [];
  const findings: Finding[] = [];
  for (const [id, activity] of Object.entries(program.activities)) {
    const claw = activity.clawback;
    if (claw === undefined) continue;
    const at = ['activities', id, 'clawback'];
    if (claw.when !== undefined && !store.activityIds.includes(claw.when)) {
      const match = closestIgnoringCase(claw.when, store.activityIds);
      findings.push({
        severity: 'warning',
        code: DESIGN_VALUE_NOT_IN_DATA,
        message: `no row has activity \`${claw.when}\`, so activities.${id}.clawback never takes anything back`,
        path: [...at, 'when'],
        hint: match !== undefined ? `did you mean \`${match}\`?` : 'name the history activity whose rows reverse a credit (a lapse, a cancellation)',
      });
    }
    if (store.dimensions[claw.match] === undefined) {
      findings.push({
        severity: 'warning',
        code: DESIGN_VALUE_NOT_IN_DATA,
        message: `the history has no \`${claw.match}\` column, so activities.${id}.clawback matches no row and never takes anything back`,
        path: [...at, 'match'],
        hint: `name the history's column that identifies what earned the credit (a deal or subscription id), or map it: --column ${claw.match}=HEADER`,
      });
    }
  }
  return findings;
}

function checkValueUses(program: Program, data: DesignValueData): Finding[] {
  const uses = designValueUses(program);
  if (uses.length === 0) return [];
  const history = data.store !== undefined;
  const store = data.store ?? buildStore([]);
  const index = data.index ?? indexPartners(store, data.partners);
  const fileColumns = new Set(data.partners?.partners[0] !== undefined ? Object.keys(data.partners.partners[0].attributes) : []);
  const partial = data.partial === true;
  const valuesCache = new Map<string, readonly string[] | undefined>();
  const valuesOf = (scope: Scope, column: string): readonly string[] | undefined => {
    const key = `${scope}\u0000${column}`;
    if (valuesCache.has(key)) return valuesCache.get(key);
    let values: readonly string[] | undefined;
    const inHistory = store.dimensions[column] !== undefined;
    // A row's own value comes first: without a history (validate --partners) it is unknown.
    if (scope !== 'partner' && !history) values = undefined;
    else if (scope === 'stage') values = distinct(store.dimensions[column]?.values ?? []);
    else if (partial && !fileColumns.has(column) && (scope === 'partner' || !inHistory)) {
      // Part of the data: the other file may hold the column (and a partners file's value wins).
      values = undefined;
    } else if (scope === 'partner' || !inHistory) {
      // An event column the history lacks falls back to the partner's value.
      values = distinct(index.attribute(column));
    } else values = distinct([...(store.dimensions[column]?.values ?? []), ...index.fileAttribute(column)]);
    valuesCache.set(key, values);
    return values;
  };

  // One cause per column and value against the same values (per column when the data has no value at all).
  const causes = new Map<string, { uses: Use[]; values: readonly string[] }>();
  for (const use of uses) {
    const values = valuesOf(use.scope, use.column);
    if (values === undefined || values.includes(use.value)) continue;
    const key = values.length === 0 ? `${use.column}\u0000` : `${use.column}\u0000${use.value}\u0000${[...values].sort().join('\u0000')}`;
    const cause = causes.get(key);
    if (cause === undefined) causes.set(key, { uses: [use], values });
    else cause.uses.push(use);
  }
  return [...causes.values()].map(({ uses: list, values }) => finding(list, values, history, data.partners !== undefined));
}

function finding(uses: readonly Use[], values: readonly string[], history: boolean, partnersFile: boolean): Finding {
  const first = uses[0] as Use;
  const { column, value } = first;
  const scopes = new Set(uses.map((u) => u.scope));
  const who = scopes.has('event') || (scopes.has('stage') && scopes.has('partner')) ? 'no row or partner has' : scopes.has('stage') ? 'no row has' : 'no partner has';
  if (values.length === 0) {
    const where = [history ? `the history` : undefined, partnersFile ? 'the partners file' : undefined].filter((w) => w !== undefined).join(' or ');
    const places = uses.map((u) => u.columnShown);
    return {
      severity: 'warning',
      code: DESIGN_VALUE_NOT_IN_DATA,
      message: `${who} a \`${column}\` value (no such column in ${where}, or every value blank), so ${placesOf(places)} never ${verb(places)}`,
      path: first.columnPath,
      part: 'key',
      hint:
        !partnersFile && !(scopes.size === 1 && scopes.has('stage'))
          ? `give a partners file with a \`${column}\` column (--partners), or name the history's column that holds it: --column ${column}=HEADER`
          : `add a \`${column}\` column to the data, or name the column that holds it: --column ${column}=HEADER`,
    };
  }
  const sorted = [...values].sort();
  const listed = sorted.slice(0, SHOWN_VALUES).map((v) => `\`${v}\``).join(', ');
  const more = sorted.length > SHOWN_VALUES ? `, … (${sorted.length} in all)` : '';
  const match = closestIgnoringCase(value, sorted);

  return {
    severity: 'warning',
    code: DESIGN_VALUE_NOT_IN_DATA,
    message: `${who} ${column} \`${value}\` (the data has ${listed}${more}), so ${placesOf(uses.map((u) => u.shown))} never ${verb(uses.map((u) => u.shown))}`,
    path: first.path,
    part: first.part,
    hint:
      match !== undefined
        ? `did you mean \`${match}\`? values match exactly, case included: write \`${match}\` in the design, or map the data's value with a data manifest: \`values: { ${column}: { ${match}: ${value} } }\` (docs/data.md)`
        : 'values match exactly, case included: write one of the data\'s values, or map them with a data manifest\'s `values:` (docs/data.md)',
  };
}

/** A case-insensitive equal first, else the closest by edit distance (itself case-blind). */
function closestIgnoringCase(value: string, candidates: readonly string[]): string | undefined {
  const lowered = value.trim().toLowerCase();
  return candidates.find((c) => c.trim().toLowerCase() === lowered) ?? closest(value, candidates);
}

function verb(places: readonly string[]): string {
  return new Set(places).size === 1 ? 'applies' : 'apply';
}

function placesOf(shown: readonly string[]): string {
  const unique = [...new Set(shown)];
  const listed = unique.slice(0, SHOWN_PLACES);
  const rest = unique.length - listed.length;
  if (rest > 0) return `${listed.join(', ')} and ${rest} more`;
  return listed.length <= 1 ? (listed[0] ?? '') : `${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1] as string}`;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].filter((v) => v !== '');
}

/** Every place of the design that names a value of a data column, in the design's order. */
function designValueUses(program: Program): Use[] {
  const uses: Use[] = [];
  for (const [id, activity] of Object.entries(program.activities)) {
    const at = ['activities', id];
    for (const [column, table] of Object.entries(activity.multipliers ?? {})) {
      for (const value of Object.keys(table)) {
        const columnShown = `activities.${id}.multipliers.${column}`;
        uses.push({ scope: 'event', column, value, path: [...at, 'multipliers', column, value], part: 'key', shown: `${columnShown}.${value}`, columnPath: [...at, 'multipliers', column], columnShown });
      }
    }
    whereUses(activity.where, at, `activities.${id}`, uses);
    (activity.staged ?? []).forEach((stage, j) => {
      const path = [...at, 'staged', j, 'on'];
      uses.push({ scope: 'stage', column: 'stage', value: stage.on, path, part: 'value', shown: `activities.${id}.staged.${j}.on`, columnPath: [...at, 'staged'], columnShown: `activities.${id}.staged` });
    });
  }
  program.promotions.forEach((promotion, i) => whereUses(promotion.where, ['promotions', i], `promotions.${promotion.name}`, uses));
  program.tiers.forEach((tier, k) => {
    for (const [column, table] of Object.entries(tier.min_points_by ?? {})) {
      for (const value of Object.keys(table)) {
        const columnShown = `tiers.${tier.name}.min_points_by.${column}`;
        uses.push({ scope: 'partner', column, value, path: ['tiers', k, 'min_points_by', column, value], part: 'key', shown: `${columnShown}.${value}`, columnPath: ['tiers', k, 'min_points_by', column], columnShown });
      }
    }
  });
  const tracks = program.tracks;
  if (tracks !== undefined && tracks.mode === 'assigned') {
    for (const [name, track] of Object.entries(tracks.list)) {
      if (track.match === undefined) {
        uses.push({ scope: 'partner', column: tracks.by, value: name, path: ['tracks', 'list', name], part: 'key', shown: `tracks.list.${name}`, columnPath: ['tracks', 'by'], columnShown: 'tracks.by' });
      } else {
        track.match.forEach((value, j) =>
          uses.push({ scope: 'partner', column: tracks.by, value, path: ['tracks', 'list', name, 'match', j], part: 'value', shown: `tracks.list.${name}.match.${j}`, columnPath: ['tracks', 'by'], columnShown: 'tracks.by' }),
        );
      }
    }
  }
  for (const segment of Object.keys(program.redemption?.by_segment ?? {})) {
    uses.push({ scope: 'partner', column: 'segment', value: segment, path: ['redemption', 'by_segment', segment], part: 'key', shown: `redemption.by_segment.${segment}`, columnPath: ['redemption', 'by_segment'], columnShown: 'redemption.by_segment' });
  }
  return uses;
}

/** The text values of a `where:` (equality, lists, `in`); numbers ranges, `not_in` and the numeric columns are not values to find. */
function whereUses(where: Program['activities'][string]['where'], at: readonly (string | number)[], shown: string, uses: Use[]): void {
  for (const [column, cond] of Object.entries(where ?? {})) {
    if (column === 'amount' || column === 'quantity') continue;
    const path = [...at, 'where', column];
    const add = (value: string | number | boolean, p: readonly (string | number)[], s: string): void => {
      uses.push({ scope: 'event', column, value: String(value), path: p, part: 'value', shown: s, columnPath: path, columnShown: `${shown}.where.${column}` });
    };
    if (typeof cond === 'string' || typeof cond === 'number' || typeof cond === 'boolean') add(cond, path, `${shown}.where.${column}`);
    else if (Array.isArray(cond)) cond.forEach((v: string | number, j: number) => add(v, [...path, j], `${shown}.where.${column}.${j}`));
    else {
      const inList = (cond as { readonly in?: readonly (string | number)[] }).in;
      inList?.forEach((v, j) => add(v, [...path, 'in', j], `${shown}.where.${column}.in.${j}`));
    }
  }
}
