/**
 * `where:` filters compiled to lookup tables, so testing an event is a few array reads:
 *  - `amount` and `quantity` are numeric: a range and optional value sets;
 *  - a column of the history: a 0/1 mask over the column's interned values (each value is
 *    tested once at compile time, not once per event); an event with a blank value falls
 *    back to the partners file's column of that name (as multipliers do);
 *  - any other column: the partner's attribute (partners file), one 0/1 per partner.
 *
 * A value matches a scalar condition by text equality (`true`, `12` compare as written),
 * a list when it equals one element, `{ min, max }` when it reads as a number in range,
 * `{ in }` / `{ not_in }` by membership.
 */
import type { EventStore } from '../history/event-store.js';
import type { DeepReadonly } from '../program/program.js';
import type { Condition, Where } from '../program/schema.js';
import type { AttributeCodes, PartnerIndex } from './partner-index.js';

export const CLAUSE_AMOUNT = 0;
export const CLAUSE_QUANTITY = 1;
export const CLAUSE_DIMENSION = 2;
export const CLAUSE_PARTNER = 3;

export interface Clause {
  readonly kind: number;
  /** Numeric clauses: inclusive bounds and value sets (empty = no constraint). */
  readonly lo: number;
  readonly hi: number;
  readonly inSet: Float64Array;
  readonly notInSet: Float64Array;
  /** Dimension clauses: the event's codes and the mask over values. */
  readonly codes: Uint32Array;
  readonly mask: Uint8Array;
  /** Partner mask (ledger index → 0/1): dimension fallback or partner clause. */
  readonly partnerMask: Uint8Array;
}

export type CompiledWhere = readonly Clause[];

const EMPTY_F = new Float64Array(0);
const EMPTY_U32 = new Uint32Array(0);
const EMPTY_U8 = new Uint8Array(0);

type Cond = DeepReadonly<Condition>;

/** Whether a text value satisfies a condition. */
export function matchesText(cond: Cond, value: string): boolean {
  if (typeof cond === 'string' || typeof cond === 'number' || typeof cond === 'boolean') return String(cond) === value;
  if (Array.isArray(cond)) return cond.some((c) => String(c) === value);
  const range = cond as Exclude<Cond, string | number | boolean | readonly unknown[]>;
  if (range.min !== undefined || range.max !== undefined) {
    const n = value.trim() === '' ? Number.NaN : Number(value);
    if (Number.isNaN(n)) return false;
    if (range.min !== undefined && n < range.min) return false;
    if (range.max !== undefined && n > range.max) return false;
  }
  if (range.in !== undefined && !range.in.some((c) => String(c) === value)) return false;
  if (range.not_in !== undefined && range.not_in.some((c) => String(c) === value)) return false;
  return true;
}

function numericClause(kind: number, cond: Cond): Clause {
  let lo = -Infinity;
  let hi = Infinity;
  let inSet = EMPTY_F;
  let notInSet = EMPTY_F;
  if (typeof cond === 'number' || typeof cond === 'string' || typeof cond === 'boolean') {
    const n = Number(cond);
    inSet = Float64Array.of(Number.isNaN(n) ? Number.NaN : n);
  } else if (Array.isArray(cond)) {
    inSet = Float64Array.from(cond.map(Number));
  } else {
    const range = cond as Exclude<Cond, string | number | boolean | readonly unknown[]>;
    if (range.min !== undefined) lo = range.min;
    if (range.max !== undefined) hi = range.max;
    if (range.in !== undefined) inSet = Float64Array.from(range.in.map(Number));
    if (range.not_in !== undefined) notInSet = Float64Array.from(range.not_in.map(Number));
  }
  return { kind, lo, hi, inSet, notInSet, codes: EMPTY_U32, mask: EMPTY_U8, partnerMask: EMPTY_U8 };
}

function partnerMaskOf({ values, codes }: AttributeCodes, cond: Cond): Uint8Array {
  const byValue = Uint8Array.from(values, (v) => (matchesText(cond, v) ? 1 : 0));
  const mask = new Uint8Array(codes.length);
  for (let p = 0; p < codes.length; p++) mask[p] = byValue[codes[p] as number] as number;
  return mask;
}

export function compileWhere(
  where: DeepReadonly<Where> | undefined,
  store: EventStore,
  partners: PartnerIndex,
): CompiledWhere | null {
  if (where === undefined) return null;
  const clauses: Clause[] = [];
  for (const column of Object.keys(where).sort()) {
    const cond = where[column] as Cond;
    if (column === 'amount') clauses.push(numericClause(CLAUSE_AMOUNT, cond));
    else if (column === 'quantity') clauses.push(numericClause(CLAUSE_QUANTITY, cond));
    else {
      const dim = store.dimensions[column];
      const partnerMask = partnerMaskOf(dim !== undefined ? partners.fileAttributeCodes(column) : partners.attributeCodes(column), cond);
      if (dim === undefined) {
        clauses.push({ kind: CLAUSE_PARTNER, lo: 0, hi: 0, inSet: EMPTY_F, notInSet: EMPTY_F, codes: EMPTY_U32, mask: EMPTY_U8, partnerMask });
      } else {
        const mask = new Uint8Array(dim.values.length);
        dim.values.forEach((v, code) => (mask[code] = matchesText(cond, v) ? 1 : 0));
        clauses.push({ kind: CLAUSE_DIMENSION, lo: 0, hi: 0, inSet: EMPTY_F, notInSet: EMPTY_F, codes: dim.codes, mask, partnerMask });
      }
    }
  }
  return clauses;
}

function inNumbers(set: Float64Array, x: number): boolean {
  for (let k = 0; k < set.length; k++) if (set[k] === x) return true;
  return false;
}

/** Whether event `i` of ledger partner `p` passes every clause. */
export function passes(where: CompiledWhere, i: number, p: number, amount: Float64Array, quantity: Float64Array): boolean {
  for (let k = 0; k < where.length; k++) {
    const c = where[k] as Clause;
    const kind = c.kind;
    if (kind === CLAUSE_DIMENSION) {
      const code = c.codes[i] as number;
      if ((code !== 0 ? c.mask[code] : c.partnerMask[p]) !== 1) return false;
    } else if (kind === CLAUSE_PARTNER) {
      if (c.partnerMask[p] !== 1) return false;
    } else {
      const x = (kind === CLAUSE_AMOUNT ? amount[i] : quantity[i]) as number;
      if (x < c.lo || x > c.hi) return false;
      if (c.inSet.length > 0 && !inNumbers(c.inSet, x)) return false;
      if (c.notInSet.length > 0 && inNumbers(c.notInSet, x)) return false;
    }
  }
  return true;
}
