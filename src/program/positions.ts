/**
 * Maps a data path (as zod and the semantic rules report it) back to the YAML node it
 * came from, so every diagnostic points at the offending key or value.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface Position {
  readonly line: number;
  readonly col: number;
}

export type PathSegment = string | number;

/** `key`: the key of the entry at the path (for unknown or misplaced keys); `value`: its value. */
export type PositionPart = 'key' | 'value';

export interface Locator {
  locate(path: readonly PropertyKey[], part: PositionPart): Position;
}

export const UNKNOWN_POSITION: Position = Object.freeze({ line: 0, col: 0 });

/** For data that has no source text (after --set or a scenario): every position is unknown. */
export const noPositions: Locator = { locate: () => UNKNOWN_POSITION };

export class DocumentLocator implements Locator {
  readonly #doc: Document;
  readonly #lines: LineCounter;

  constructor(doc: Document, lines: LineCounter) {
    this.#doc = doc;
    this.#lines = lines;
  }

  /** The offset's 1-based line and column. */
  at(offset: number): Position {
    const { line, col } = this.#lines.linePos(offset);
    return { line, col };
  }

  /**
   * The deepest node on the path that exists: a missing key points at its parent's key
   * (where the user would add it), never at the document start unless the path is empty.
   */
  locate(path: readonly PropertyKey[], part: PositionPart): Position {
    let node: unknown = this.#doc.contents;
    let keyNode: Node | undefined;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const current = resolveAlias(node, this.#doc);
      let found = false;
      if (isMap(current)) {
        for (const pair of current.items) {
          if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(segment)) {
            keyNode = pair.key;
            node = pair.value;
            found = true;
            break;
          }
        }
      } else if (isSeq(current) && typeof segment === 'number') {
        const item = current.items[segment];
        if (item !== undefined) {
          keyNode = item as Node;
          node = item;
          found = true;
        }
      }
      if (!found) return this.#positionOf(keyNode ?? (current as Node | undefined));
      if (i === path.length - 1 && part === 'key') return this.#positionOf(keyNode);
    }
    // An empty value (`points:` with nothing after it) has no text of its own: point at its key.
    if (isScalar(node) && node.value === null && node.range && node.range[0] === node.range[1] && keyNode !== undefined) return this.#positionOf(keyNode);
    return this.#positionOf((node as Node | null | undefined) ?? keyNode);
  }

  #positionOf(node: Node | undefined | null): Position {
    const range = node?.range;
    if (range === undefined || range === null) {
      const top = (this.#doc.contents as Node | null)?.range;
      return top ? this.at(top[0]) : { line: 1, col: 1 };
    }
    return this.at(range[0]);
  }
}

function resolveAlias(node: unknown, doc: Document): unknown {
  let current = node;
  for (let i = 0; i < 8 && isAlias(current); i++) current = current.resolve(doc);
  return current;
}
