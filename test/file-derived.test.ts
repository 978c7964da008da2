/** File-wide values carried from one summaries array to the next (server/src/core/rules/file-derived.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { carriesOver, DocumentSummary, fileDerived, FileMemo } from '../server/src/core/rules/file-derived';

/** A new summary object each time, as a changed document has. */
const model = (templated: boolean): DocumentSummary => ({ templated, accounts: [], objects: [] });

/** "Is any document templated", counting how often it is derived afresh. */
function countedDerivation(): { anyTemplated: (documents: readonly DocumentSummary[], file: FileMemo) => boolean; derivations: () => number } {
  let count = 0;
  const anyTemplated = fileDerived((documents) => {
    count++;
    return documents.some((d) => d.templated);
  }, (before, after) => before.templated === after.templated);
  return { anyTemplated, derivations: () => count };
}

describe('fileDerived', () => {
  it('derives once per array, carries the value over edits that agree, and derives again for one that does not', () => {
    const { anyTemplated, derivations } = countedDerivation();
    const file = new FileMemo();
    const first = [model(false), model(false), model(false)];
    assert.equal(anyTemplated(first, file), false);
    assert.equal(anyTemplated(first, file), false);
    assert.equal(derivations(), 1);
    const edited = [first[0], model(false), first[2]];
    file.succeeds(edited, first);
    assert.equal(anyTemplated(edited, file), false);
    assert.equal(derivations(), 1, 'a changed document that agrees carries the value over');
    const templated = [edited[0], edited[1], model(true)];
    file.succeeds(templated, edited);
    assert.equal(anyTemplated(templated, file), true);
    assert.equal(derivations(), 2);
    const longer = [...templated, model(false)];
    file.succeeds(longer, templated);
    assert.equal(anyTemplated(longer, file), true);
    assert.equal(derivations(), 3, 'a list of another length is derived afresh');
    assert.equal(anyTemplated([edited[0], edited[1], edited[2]], file), false);
    assert.equal(derivations(), 4, 'a list made from none is derived afresh');
  });

  it('carries the value over from the indices the file was told changed', () => {
    const { anyTemplated, derivations } = countedDerivation();
    const file = new FileMemo();
    const first = [model(false), model(false)];
    anyTemplated(first, file);
    const edited = [first[0], model(true)];
    file.succeeds(edited, first, [1]);
    assert.equal(anyTemplated(edited, file), true);
    assert.equal(derivations(), 2, 'the changed document does not agree: derived afresh');
    const again = [edited[0], model(true)];
    file.succeeds(again, edited, [1]);
    assert.equal(anyTemplated(again, file), true);
    assert.equal(derivations(), 2);
  });

  it('keeps each file its own value: files edited in turn each carry theirs over', () => {
    const { anyTemplated, derivations } = countedDerivation();
    const [fileA, fileB] = [new FileMemo(), new FileMemo()];
    const a = [model(false)];
    const b = [model(true)];
    assert.equal(anyTemplated(a, fileA), false);
    assert.equal(anyTemplated(b, fileB), true);
    assert.equal(derivations(), 2);
    const editedA = [model(false)];
    fileA.succeeds(editedA, a);
    const editedB = [model(true)];
    fileB.succeeds(editedB, b);
    assert.equal(anyTemplated(editedA, fileA), false);
    assert.equal(anyTemplated(editedB, fileB), true);
    assert.equal(derivations(), 2, 'both carried over, though the other file was asked about in between');
    assert.equal(anyTemplated(editedA, new FileMemo()), false);
    assert.equal(derivations(), 3, 'a file knows nothing of the arrays of another');
  });

  it('compares lists by their documents, and by the rule only where they differ', () => {
    const a = model(false);
    const calls: string[] = [];
    const agrees = (x: DocumentSummary, y: DocumentSummary): boolean => {
      calls.push(`${x.templated}->${y.templated}`);
      return x.templated === y.templated;
    };
    assert.equal(carriesOver([a, a], [a, a], agrees), true);
    assert.deepEqual(calls, []);
    assert.equal(carriesOver([a, a], [a, model(true)], agrees), false);
    assert.deepEqual(calls, ['false->true']);
    assert.equal(carriesOver([a], [a, a], agrees), false);
    calls.length = 0;
    const templated = model(true);
    assert.equal(carriesOver([a, a, a], [a, model(false), templated], agrees, [1]), true, 'told where they differ, it reads only there');
    assert.deepEqual(calls, ['false->false']);
    assert.equal(carriesOver([a, a, a], [a, model(false), templated], agrees, [1, 2]), false);
  });
});
