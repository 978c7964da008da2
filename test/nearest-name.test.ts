/** The bounded edit distance agrees with the textbook one, and the hints it drives stay the same. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { editDistance, nearestName } from '../server/src/core/nearest-name';

/** The plain dynamic programme, with no bound: what the bounded one must agree with. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length];
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'x'), maxLength: 14 });

test('editDistance is the Levenshtein distance, capped at limit + 1', () => {
  fc.assert(fc.property(word, word, fc.nat(8), (a, b, limit) => {
    assert.equal(editDistance(a, b), levenshtein(a, b));
    assert.equal(editDistance(a, b, limit), Math.min(levenshtein(a, b), limit + 1));
  }), { seed: 20261204, numRuns: 3000 });
});

test('nearestName suggests typos, case slips and extensions, and nothing far away', () => {
  assert.equal(nearestName('dat', ['data', 'config']), 'data');
  assert.equal(nearestName('Config', ['data', 'config']), 'config');
  assert.equal(nearestName('scratch', ['scratch-volume', 'logs']), 'scratch-volume');
  assert.equal(nearestName('certs', ['data', 'config']), undefined);
  // A name typed long past every candidate is far from all of them; one that extends a candidate still finds it.
  assert.equal(nearestName(`data${'x'.repeat(5000)}`, ['config', 'logs']), undefined);
  assert.equal(nearestName(`data${'x'.repeat(5000)}`, ['data']), 'data');
});

test('a name that contains another is its length difference away', () => {
  fc.assert(fc.property(word, word, word, (before, inner, after) => {
    assert.equal(levenshtein(before + inner + after, inner), before.length + after.length);
  }), { seed: 20261204, numRuns: 2000 });
});
