/** Finds the name a user most likely meant, for "did you mean" hints and rename fixes. */

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
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
    const distance = editDistance(lower, other);
    const extends_ = lower.length >= 3 && other.length >= 3 && (other.includes(lower) || lower.includes(other));
    const close = distance <= Math.max(2, Math.floor(Math.max(lower.length, other.length) / 4));
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
