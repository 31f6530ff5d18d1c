/**
 * `__proto__`, `constructor` and `prototype` are never program keys. They are reported
 * and dropped before anything else sees the data, so no later step (zod, paths, the
 * engine) can be tricked into touching an object prototype.
 */
import type { DiagnosticSink } from './diagnostic-sink.js';
import { formatPath } from './message-words.js';

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A copy of `value` without reserved keys (plain objects and arrays only), reporting each one. */
export function dropReservedKeys(value: unknown, sink: DiagnosticSink, path: PropertyKey[] = []): unknown {
  if (Array.isArray(value)) return value.map((item, i) => dropReservedKeys(item, sink, [...path, i]));
  // Only plain mappings are rebuilt; YAML can also yield dates and binary data, which the schema judges as they are.
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (RESERVED_KEYS.has(key)) {
      sink.report({
        code: 'reserved-key',
        message: `\`${key}\` cannot be used as a key${path.length > 0 ? ` (in ${formatPath(path)})` : ''}: it is reserved`,
        path: [...path, key],
        part: 'key',
        hint: 'rename it; names such as __proto__, constructor and prototype are refused everywhere in a design',
      });
      continue;
    }
    out[key] = dropReservedKeys(child, sink, [...path, key]);
  }
  return out;
}
