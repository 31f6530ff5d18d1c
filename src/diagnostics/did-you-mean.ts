import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a mistyped name, or undefined when none is close enough to be
 * a plausible typo (more than a third of the longer name would have to change).
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lowered = input.toLowerCase();
  for (const candidate of candidates) {
    const d = distance(lowered, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(input.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** "did you mean `x`?" or, failing a close match, the list of what is allowed (shortened). */
export function suggestion(input: string, candidates: readonly string[]): string | undefined {
  const match = closest(input, candidates);
  if (match !== undefined) return `did you mean \`${match}\`?`;
  if (candidates.length === 0) return undefined;
  const shown = candidates.slice(0, 8).map((c) => `\`${c}\``).join(', ');
  return `expected one of ${shown}${candidates.length > 8 ? `, … (${candidates.length} in all)` : ''}`;
}
