import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to a mistyped name, or undefined when none is close enough to be
 * a plausible typo (more than a third of the longer name would have to change).
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  return closestWhole(input, list) ?? closestFamily(input, list);
}

/** Up to n candidates close enough to be a plausible typo of the input, the closest first (ties in list order). */
export function closestN(input: string, candidates: readonly string[], n: number): string[] {
  const lowered = input.toLowerCase();
  return candidates
    .map((candidate, i) => ({ candidate, i, d: distance(lowered, candidate.toLowerCase()) }))
    .filter((x) => withinLimit(input, x.candidate, x.d))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, n)
    .map((x) => x.candidate);
}

function withinLimit(input: string, candidate: string, d: number): boolean {
  return d <= Math.max(2, Math.ceil(Math.max(input.length, candidate.length) / 3));
}

function closestWhole(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lowered = input.toLowerCase();
  for (const candidate of candidates) {
    const d = distance(lowered, candidate.toLowerCase());
    // On a tie, two swapped letters (`p09` → `p90`, not `p50`) beat two changed ones.
    if (d < bestDistance || (d === bestDistance && best !== undefined && sameLetters(lowered, candidate) && !sameLetters(lowered, best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && withinLimit(input, best, bestDistance) ? best : undefined;
}

function sameLetters(lowered: string, candidate: string): boolean {
  const sorted = (s: string) => [...s].sort().join('');
  return sorted(lowered) === sorted(candidate.toLowerCase());
}

/**
 * For dotted names (`cost.total`, `points.earned`): a user who types only the family,
 * misspelt (`cots`), means its first member, the headline figure the list puts first.
 * Only for an input without a dot, and only when no whole name is close.
 */
function closestFamily(input: string, candidates: readonly string[]): string | undefined {
  if (input.includes('.')) return undefined;
  const heads = new Map<string, string>();
  for (const candidate of candidates) {
    const dot = candidate.indexOf('.');
    if (dot > 0 && !heads.has(candidate.slice(0, dot))) heads.set(candidate.slice(0, dot), candidate);
  }
  const head = closestWhole(input, [...heads.keys()]);
  return head === undefined ? undefined : heads.get(head);
}

/** "did you mean `x`?" or, failing a close match, the list of what is allowed (shortened). */
export function suggestion(input: string, candidates: readonly string[]): string | undefined {
  const match = closest(input, candidates);
  if (match !== undefined) return `did you mean \`${match}\`?`;
  if (candidates.length === 0) return undefined;
  const shown = candidates.slice(0, 8).map((c) => `\`${c}\``).join(', ');
  return `expected one of ${shown}${candidates.length > 8 ? `, … (${candidates.length} in all)` : ''}`;
}
