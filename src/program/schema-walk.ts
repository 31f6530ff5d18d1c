/**
 * Walks the zod schema along a data path, so that diagnostics and `--set` can ask what
 * the format allows at a place in the document (the keys of an object, the kind of a
 * value) without keeping a second, hand-written table that would drift from schema.ts.
 */
import type { z } from 'zod';
import { programSchema } from './schema.js';

type AnySchema = z.core.$ZodType;

interface SchemaDef {
  readonly type: string;
  readonly innerType?: AnySchema;
  readonly element?: AnySchema;
  readonly valueType?: AnySchema;
  readonly shape?: Record<string, AnySchema>;
  readonly options?: readonly AnySchema[];
  readonly in?: AnySchema;
  readonly values?: readonly unknown[];
}

function defOf(schema: AnySchema): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** Strips optional / default / prefault / nullable / readonly wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 16; i++) {
    const def = defOf(current);
    if (def.innerType !== undefined && ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in !== undefined) {
      current = def.in;
    } else {
      return current;
    }
  }
  return current;
}

/** The schemas a value at `path` may be checked against (several where a union allows several shapes). */
export function schemasAt(path: readonly PropertyKey[], root: AnySchema = programSchema): AnySchema[] {
  let current: AnySchema[] = [unwrap(root)];
  for (const segment of path) {
    const next: AnySchema[] = [];
    for (const schema of current) next.push(...childSchemas(schema, segment));
    current = next.map(unwrap);
    if (current.length === 0) return [];
  }
  return current;
}

function childSchemas(schema: AnySchema, segment: PropertyKey): AnySchema[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const child = typeof segment === 'string' && def.shape !== undefined && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
      return child === undefined ? [] : [child];
    }
    case 'record':
      return typeof segment === 'string' && def.valueType !== undefined ? [def.valueType] : [];
    case 'array':
      return def.element !== undefined ? [def.element] : [];
    case 'union':
      return (def.options ?? []).flatMap((option) => childSchemas(unwrap(option), segment));
    default:
      return [];
  }
}

/**
 * The keys an object at `path` accepts, or undefined when the place is free-form
 * (a record: any name) or not an object at all.
 */
export function allowedKeysAt(path: readonly PropertyKey[]): string[] | undefined {
  const keys = new Set<string>();
  let sawObject = false;
  for (const schema of schemasAt(path).flatMap(unionOptions)) {
    const def = defOf(schema);
    if (def.type === 'object' && def.shape !== undefined) {
      sawObject = true;
      for (const key of Object.keys(def.shape)) keys.add(key);
    }
  }
  return sawObject ? [...keys] : undefined;
}

function unionOptions(schema: AnySchema): AnySchema[] {
  const def = defOf(schema);
  return def.type === 'union' ? (def.options ?? []).map(unwrap).flatMap(unionOptions) : [schema];
}

/** True when the value at `path` is a record (names chosen by the user, like activity ids). */
export function isRecordAt(path: readonly PropertyKey[]): boolean {
  return schemasAt(path).some((schema) => defOf(schema).type === 'record');
}

export type ValueKind = 'number' | 'string' | 'boolean' | 'null' | 'list' | 'mapping';

/** The kinds of value the format accepts at `path` (empty when the path is not in the format). */
export function kindsAt(path: readonly PropertyKey[]): Set<ValueKind> {
  const kinds = new Set<ValueKind>();
  for (const schema of schemasAt(path)) addKinds(schema, kinds);
  return kinds;
}

function addKinds(schema: AnySchema, kinds: Set<ValueKind>): void {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'number':
    case 'int':
      kinds.add('number');
      break;
    case 'string':
    case 'enum':
      kinds.add('string');
      break;
    case 'boolean':
      kinds.add('boolean');
      break;
    case 'null':
      kinds.add('null');
      break;
    case 'array':
      kinds.add('list');
      break;
    case 'object':
    case 'record':
      kinds.add('mapping');
      break;
    case 'literal':
      for (const value of def.values ?? []) kinds.add(kindOf(value));
      break;
    case 'union':
      for (const option of def.options ?? []) addKinds(option, kinds);
      break;
    default:
      break;
  }
}

export function kindOf(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return 'mapping';
  }
}

/** True when some object schema at `path` declares `key` (records do not count). */
export function objectHasField(path: readonly PropertyKey[], key: string): boolean {
  return schemasAt(path).flatMap(unionOptions).some((schema) => {
    const def = defOf(schema);
    return def.type === 'object' && def.shape !== undefined && Object.hasOwn(def.shape, key);
  });
}
