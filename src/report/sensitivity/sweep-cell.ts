/** A sweep coordinate as typed (`60`, `true`, `quarter`); `~` for null (the key removed). */
export function sweepCell(value: string | number | boolean | null): string {
  return value === null ? '~' : String(value);
}
