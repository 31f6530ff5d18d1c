/**
 * A design file with some values changed, written as the user wrote it: comments, key
 * order and flow style kept (the yaml library's Document API edits the parsed document in
 * place), so `calibrate --write` gives a file that diffs against the original by the
 * changed numbers only.
 */
import { parseDocument } from 'yaml';

export interface DesignChange {
  /** Keys from the root to the value, as `resolveSetPath` gives them. */
  readonly dataPath: readonly (string | number)[];
  readonly value: number;
}

export function designWithChanges(text: string, changes: readonly DesignChange[]): string {
  const doc = parseDocument(text);
  for (const change of changes) doc.setIn(change.dataPath, change.value);
  return doc.toString({ lineWidth: 0 });
}
