/** The arrays file rules relate, kept across keystrokes (server/src/core/analysis/fact-columns.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FactColumns } from '../server/src/core/analysis/fact-columns';
import type { DocumentSummary } from '../server/src/core/rules/file-derived';

/** The summary's only own field here is a name to tell them apart by. */
const document = (name: string, facts: unknown[]) => ({ summary: { templated: false, accounts: [], objects: [], name } as DocumentSummary, facts });
const names = (summaries: readonly DocumentSummary[]) => summaries.map((s) => (s as DocumentSummary & { name: string }).name);

describe('fact columns', () => {
  it('are the same arrays while no document changes, and copies with the changed document when one does', () => {
    const columns = new FactColumns(2);
    const documents = [document('a', [1, undefined]), document('b', [undefined, 2]), document('c', [3, 4])];
    const first = columns.of(documents);
    assert.deepEqual(names(first.summaries), ['a', 'b', 'c']);
    assert.deepEqual(first.facts, [[1, undefined, 3], [undefined, 2, 4]]);
    assert.equal(columns.of([...documents]), first, 'the same documents give the same arrays');
    const edited = [documents[0], document('b2', [5, undefined]), documents[2]];
    const second = columns.of(edited);
    assert.notEqual(second.summaries, first.summaries, 'a file index is kept per summaries array: a changed summary needs a new one');
    assert.deepEqual(names(second.summaries), ['a', 'b2', 'c']);
    assert.deepEqual(second.facts, [[1, 5, 3], [undefined, undefined, 4]]);
    assert.deepEqual(first.facts, [[1, undefined, 3], [undefined, 2, 4]], 'the previous arrays are left as they were');
  });

  it('have a column per rule for a file with no documents', () => {
    // Found by the CLI robustness property: an empty file gave the file rules no facts array at all.
    assert.deepEqual(new FactColumns(3).of([]), { summaries: [], facts: [[], [], []] });
  });

  it('are built again when documents come or go', () => {
    const columns = new FactColumns(1);
    columns.of([document('a', [1]), document('b', [2])]);
    assert.deepEqual(columns.of([document('c', [3])]).facts, [[3]]);
  });
});
