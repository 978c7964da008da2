/** File-wide values carried from one models array to the next (server/src/core/rules/file-derived.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { carriesOver, fileDerived, succeeds } from '../server/src/core/rules/file-derived';
import type { DocumentModel } from '../server/src/core/model/types';

/** Stand-ins: the derivation below reads only `templated`. */
const model = (templated: boolean): DocumentModel => ({ templated }) as unknown as DocumentModel;

/** "Is any document templated", counting how often it is derived afresh. */
function countedDerivation(): { anyTemplated: (documents: readonly DocumentModel[]) => boolean; derivations: () => number } {
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
    const first = [model(false), model(false), model(false)];
    assert.equal(anyTemplated(first), false);
    assert.equal(anyTemplated(first), false);
    assert.equal(derivations(), 1);
    const edited = [first[0], model(false), first[2]];
    succeeds(edited, first);
    assert.equal(anyTemplated(edited), false);
    assert.equal(derivations(), 1, 'a changed document that agrees carries the value over');
    const templated = [edited[0], edited[1], model(true)];
    succeeds(templated, edited);
    assert.equal(anyTemplated(templated), true);
    assert.equal(derivations(), 2);
    const longer = [...templated, model(false)];
    succeeds(longer, templated);
    assert.equal(anyTemplated(longer), true);
    assert.equal(derivations(), 3, 'a list of another length is derived afresh');
    assert.equal(anyTemplated([edited[0], edited[1], edited[2]]), false);
    assert.equal(derivations(), 4, 'a list made from none is derived afresh');
  });

  it('holds the value of the latest list only: a list asked about after another is derived afresh', () => {
    const { anyTemplated, derivations } = countedDerivation();
    const fileA = [model(false)];
    const fileB = [model(true)];
    assert.equal(anyTemplated(fileA), false);
    assert.equal(anyTemplated(fileB), true);
    assert.equal(anyTemplated(fileA), false);
    assert.equal(derivations(), 3);
    const editedA = [model(false)];
    succeeds(editedA, fileA);
    assert.equal(anyTemplated(editedA), false);
    assert.equal(derivations(), 3, 'carried over from the value of the list it was made from');
    succeeds([model(true)], fileB);
    assert.equal(anyTemplated(editedA), false);
    assert.equal(derivations(), 3, 'the latest link is about another list: the value asked about is still held');
  });

  it('compares lists by their documents, and by the rule only where they differ', () => {
    const a = model(false);
    const calls: string[] = [];
    const agrees = (x: DocumentModel, y: DocumentModel): boolean => {
      calls.push(`${x.templated}->${y.templated}`);
      return x.templated === y.templated;
    };
    assert.equal(carriesOver([a, a], [a, a], agrees), true);
    assert.deepEqual(calls, []);
    assert.equal(carriesOver([a, a], [a, model(true)], agrees), false);
    assert.deepEqual(calls, ['false->true']);
    assert.equal(carriesOver([a], [a, a], agrees), false);
  });
});
