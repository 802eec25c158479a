/**
 * Edit distance with adjacent transpositions (optimal string alignment, the restricted
 * Damerau–Levenshtein distance): insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1.
 * @example editDistance('lessThen', 'lessThan') // 1
 * @example editDistance('monthsToEdn', 'monthsToEnd') // 1
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the transposition looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

export interface SuggestOptions {
  /** At most this many names; default 3. */
  readonly limit?: number;
}

/**
 * The known names closest to an unknown one, best first; empty when none is close enough to be a
 * plausible typo. Case differences count for little, so `monthstoend` finds `monthsToEnd`.
 * @example suggest('lessThen', ['equal', 'lessThan', 'greaterThan']) // ['lessThan']
 */
export function suggest(name: string, candidates: Iterable<string>, options: SuggestOptions = {}): string[] {
  const limit = options.limit ?? 3;
  const lower = name.toLowerCase();
  const allowed = Math.max(1, Math.floor((name.length + 1) / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const folded = editDistance(lower, candidate.toLowerCase());
    if (folded > allowed) continue;
    // Ties between case-folded distances go to the candidate closer as written.
    scored.push({ candidate, score: folded * 1000 + editDistance(name, candidate) });
  }
  scored.sort((x, y) => x.score - y.score || (x.candidate < y.candidate ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.candidate);
}

/**
 * A `did you mean …?` hint for an unknown name, or undefined when no known name is close.
 * @example didYouMean('chanel', ['channel', 'offer']) // 'did you mean "channel"?'
 */
export function didYouMean(
  name: string,
  candidates: Iterable<string>,
  options: SuggestOptions = {},
): string | undefined {
  const names = suggest(name, candidates, options).map((n) => JSON.stringify(n));
  if (names.length === 0) return undefined;
  const last = names.pop()!;
  return `did you mean ${names.length ? `${names.join(', ')} or ${last}` : last}?`;
}
