/** Finds the name a user most likely meant, for "did you mean" hints and rename fixes. */

/**
 * The Levenshtein distance between `a` and `b` when it is at most `limit`, otherwise `limit + 1`.
 * Bounded because the rules call it on every keystroke with whatever the user is typing: a name
 * that grew long is far from every candidate, and the length difference alone says so at once.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later row is at least this row's minimum: past the limit, nothing can come back under it.
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit + 1);
}

/**
 * The candidate closest to `name`, if one is close enough to be a plausible slip: a few edits
 * away, a different case, or one name extending the other (`scratch` for `scratch-volume`).
 */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const other = candidate.toLowerCase();
    const extends_ = lower.length >= 3 && other.length >= 3 && (other.includes(lower) || lower.includes(other));
    const limit = Math.max(2, Math.floor(Math.max(lower.length, other.length) / 4));
    // When one name contains the other, the distance is their length difference: deleting the rest is the shortest way.
    const distance = extends_ ? Math.abs(lower.length - other.length) : editDistance(lower, other, limit);
    const close = distance <= limit;
    if (!close && !extends_) continue;
    // Prefer real typos over containment, and fewer edits over more.
    const score = close ? distance : 100 + distance;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
