import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitDocuments } from '../server/src/core/text/split-documents';

describe('splitDocuments', () => {
  it('splits at --- lines and keeps offsets and lines', () => {
    const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3\n';
    const chunks = splitDocuments(text);
    assert.deepEqual(chunks.map((c) => [c.text, c.offset, c.line]), [
      ['a: 1\n', 0, 0],
      ['---\nb: 2\n', 5, 1],
      ['--- # c\nc: 3\n', 14, 3],
    ]);
  });

  it('keeps a leading comment with the first document', () => {
    assert.deepEqual(splitDocuments('# header\n---\na: 1\n').map((c) => c.text), ['# header\n---\na: 1\n']);
  });

  it('does not split at ---- or at an indented ---', () => {
    assert.equal(splitDocuments('a: |\n  ---\nb: ----\n').length, 1);
  });

  it('ends a document at ...', () => {
    assert.deepEqual(splitDocuments('a: 1\n...\nb: 2\n').map((c) => c.text), ['a: 1\n...\n', 'b: 2\n']);
  });

  it('handles CRLF line ends', () => {
    assert.deepEqual(splitDocuments('a: 1\r\n---\r\nb: 2\r\n').map((c) => c.line), [0, 1]);
  });

  it('rebuilds the exact text', () => {
    const text = '# x\n---\na: 1\n---\n---\nb: [1,\n  2]\n...\n';
    assert.equal(splitDocuments(text).map((c) => c.text).join(''), text);
  });
});
