/**
 * Suggests the valid word a person most likely meant ("maxDeliveryCont" → "maxDeliveryCount",
 * "premium" → "Premium"). Distance is the optimal string alignment variant of Damerau-Levenshtein,
 * so one transposition ("teir" → "tier") costs one edit, like one slip of the fingers does.
 */

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows instead of a full matrix: keys are short, but enum lists and entity names can be long.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, twoBack[j - 2] + 1);
      }
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a plausible slip.
 * A difference in letter case only always matches; otherwise up to a third of the word's length
 * may differ (at least one edit, at most three), so short words do not match everything. Failing
 * that, a word that was cut short suggests the shortest candidate it begins.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lowered = word.toLowerCase();
  const allowed = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= allowed) return best;
  return shortestExtension(word, candidates);
}

/** A cut-off word ("NumberGreater") most likely meant the shortest valid word it begins. */
function shortestExtension(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 4) return undefined;
  const lowered = word.toLowerCase();
  let best: string | undefined;
  for (const candidate of candidates) {
    if (candidate === word || !candidate.toLowerCase().startsWith(lowered)) continue;
    if (best === undefined || candidate.length < best.length) {
      best = candidate;
    }
  }
  return best;
}
