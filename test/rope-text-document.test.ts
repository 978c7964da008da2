/**
 * The server keeps open files as ropes (server/src/lsp/rope-text-document.ts) and must answer
 * exactly as `vscode-languageserver-textdocument`, which the protocol's clients agree with:
 * the same text, offsets, positions and line count after any sequence of edits, line ends of
 * every kind included (`\r\n` split by an edit, a lone `\r`, a `\r\n` across two pieces).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Position, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ROPE_DOCUMENTS, RopeTextDocument } from '../server/src/lsp/rope-text-document';

const SEED = Number(process.env.KV_FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.KV_FUZZ_RUNS ?? 0) || 400;

const TEXT = fc.stringMatching(/^[a-z :\r\n-]{0,80}$/);
/** Positions past the line's or the text's end, and negative ones, are clamped by both documents. */
const POSITION = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 30 }) });
const CHANGE: fc.Arbitrary<TextDocumentContentChangeEvent> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: POSITION, end: POSITION }), text: fc.stringMatching(/^[xy\r\n]{0,6}$/) }) },
  { weight: 1, arbitrary: fc.record({ text: TEXT }) },
);

/** An editor's change: its lines within the document (characters past a line's end are clamped by both). */
function withinDocument(change: TextDocumentContentChangeEvent, lineCount: number): TextDocumentContentChangeEvent {
  if (!('range' in change)) return change;
  // The line after the last is an end some clients send (Neovim, deleting the last lines).
  const clamp = (p: Position): Position => ({ line: Math.min(Math.max(p.line, 0), lineCount), character: p.character });
  return { range: { start: clamp(change.range.start), end: clamp(change.range.end) }, text: change.text };
}

function assertSame(rope: RopeTextDocument, reference: TextDocument, probes: readonly Position[]): void {
  assert.equal(rope.getText(), reference.getText());
  assert.equal(rope.lineCount, reference.lineCount);
  assert.equal(rope.version, reference.version);
  for (const position of probes) {
    assert.equal(rope.offsetAt(position), reference.offsetAt(position), `offsetAt ${JSON.stringify(position)}`);
    const offset = reference.offsetAt(position);
    for (const probe of [offset - 1, offset, offset + 1]) assert.deepEqual(rope.positionAt(probe), reference.positionAt(probe), `positionAt ${probe}`);
  }
  for (let i = 0; i + 1 < probes.length; i += 2) {
    const range = { start: probes[i], end: probes[i + 1] };
    assert.equal(rope.getText(range), reference.getText(range), `getText ${JSON.stringify(range)}`);
  }
}

describe('the rope text document', () => {
  it('answers as the library after every edit of any sequence, on texts of many small pieces', () => {
    fc.assert(
      fc.property(TEXT, fc.array(fc.array(CHANGE, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), fc.array(POSITION, { minLength: 2, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), (text, batches, probes, pieceLength) => {
        const rope = new RopeTextDocument('file:///a.yaml', 'yaml', 1, text, pieceLength);
        let reference = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
        // Read positions first in some runs: the line table is then updated by edits, not computed afresh.
        if (probes[0].line % 2 === 0) assertSame(rope, reference, probes);
        batches.forEach((batch, index) => {
          const changes: TextDocumentContentChangeEvent[] = [];
          // Each change's lines are within the document its predecessors in the batch left.
          for (const change of batch) changes.push(withinDocument(change, TextDocument.update(TextDocument.create('', '', 0, reference.getText()), changes, 0).lineCount));
          ROPE_DOCUMENTS.update(rope, changes, index + 2);
          reference = TextDocument.update(reference, changes, index + 2);
          assertSame(rope, reference, probes);
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('counts a \\r\\n that two pieces share as one line end', () => {
    const rope = new RopeTextDocument('file:///a.yaml', 'yaml', 1, 'ab\r\ncd\r\nef', 3);
    assert.equal(rope.lineCount, 3);
    assert.equal(rope.offsetAt({ line: 1, character: 0 }), 4);
    assert.equal(rope.offsetAt({ line: 0, character: 9 }), 2);
    assert.deepEqual(rope.positionAt(3), { line: 0, character: 2 });
  });

  it('rebuilds only the pieces an edit touches and never flattens the others', () => {
    const line = 'name: value\n';
    const text = line.repeat(20_000);
    const rope = new RopeTextDocument('file:///a.yaml', 'yaml', 1, text);
    const reference = TextDocument.create('file:///a.yaml', 'yaml', 1, text);
    const at = { line: 10_000, character: 11 };
    const change = [{ range: { start: at, end: at }, text: 'x' }];
    rope.update(change, 2);
    TextDocument.update(reference, change, 2);
    assert.equal(rope.getText(), reference.getText());
    assert.equal(rope.getText({ start: { line: 10_000, character: 6 }, end: { line: 10_000, character: 12 } }), 'valuex');
    assert.equal(rope.offsetAt({ line: 19_999, character: 4 }), reference.offsetAt({ line: 19_999, character: 4 }));
  });

  it('reads a range given end first as the library does, start first', () => {
    const rope = new RopeTextDocument('file:///a.yaml', 'yaml', 1, 'ab', 1);
    assert.equal(rope.getText({ start: { line: 0, character: 2 }, end: { line: 0, character: 0 } }), 'ab');
  });

  it('keeps the library\'s line table for an edit that ends on the line after the last', () => {
    // The library's table keeps a line that starts between a \r and its \n; so must ours.
    const rope = new RopeTextDocument('file:///a.yaml', 'yaml', 1, 'a\rX\nb', 2);
    let reference = TextDocument.create('file:///a.yaml', 'yaml', 1, 'a\rX\nb');
    const steps: TextDocumentContentChangeEvent[][] = [
      [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }],
      [{ range: { start: { line: 2, character: 1 }, end: { line: 3, character: 0 } }, text: 'c' }],
    ];
    steps.forEach((changes, index) => {
      rope.update(changes, index + 2);
      reference = TextDocument.update(reference, changes, index + 2);
      assertSame(rope, reference, [{ line: 1, character: 0 }, { line: 2, character: 0 }, { line: 3, character: 0 }]);
    });
  });

  it('edits lines past the end as an edit at the end, and counts its lines again', () => {
    const rope = new RopeTextDocument('file:///a.yaml', 'yaml', 1, 'a\nb', 1);
    const past = { line: 11, character: 0 };
    rope.update([{ range: { start: past, end: past }, text: '\nc' }], 2);
    assert.equal(rope.getText(), 'a\nb\nc');
    assert.equal(rope.lineCount, 3);
    assert.equal(rope.offsetAt({ line: 2, character: 1 }), 5);
  });

  it('edits an empty document and empties a full one', () => {
    const rope = new RopeTextDocument('file:///a.yaml', 'yaml', 1, '', 2);
    const origin = { line: 0, character: 0 };
    rope.update([{ range: { start: origin, end: origin }, text: 'kind: Pod\n' }], 2);
    assert.equal(rope.getText(), 'kind: Pod\n');
    rope.update([{ range: { start: origin, end: { line: 1, character: 0 } }, text: '' }], 3);
    assert.equal(rope.getText(), '');
    assert.equal(rope.lineCount, 1);
    assert.deepEqual(rope.positionAt(5), origin);
  });
});
