/**
 * Commander's parser for a repeatable option (`--vary a --vary b` → ['a', 'b']): each
 * occurrence appends to what the earlier ones (or the option's default) collected.
 */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
