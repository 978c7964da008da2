/**
 * After a keystroke that keeps every line break, the edited document's line index and
 * suppressions are moved from the previous analysis instead of found again: each must equal what
 * a scan of the new text finds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findSuppressions, suppressionsAfterLineEdit } from '../server/src/core/analysis/suppressions';
import { LineIndex } from '../server/src/core/text/line-index';

const SEED = Number(process.env.KV_FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.KV_FUZZ_RUNS ?? 0) || 500;

const LINE = fc.oneof(
  fc.stringMatching(/^[a-z: -]{0,12}$/),
  fc.constantFrom('# kube-volumes-disable-next-line', '# kube-volumes-disable unused-volume', 'x: 1 # kube-volumes-disabl', '#', ' kube-volumes-disable'),
);
const TEXT = fc.array(LINE, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));
/** Characters that, typed into a line, can make or break a directive, but never a line break. */
const TYPED = fc.stringMatching(/^[#e a-z-]{0,4}$/);

/** A keystroke on one line: `[start, end)` replaced by `typed`, neither holding a line break. */
function lineEdit(text: string, at: number, remove: number, typed: string): { start: number; end: number; after: string } | undefined {
  const start = at % (text.length + 1);
  const end = Math.min(text.length, start + remove);
  if (text.slice(start, end).includes('\n')) return undefined;
  return { start, end, after: text.slice(0, start) + typed + text.slice(end) };
}

describe('moved text indexes', () => {
  it('a shifted line index gives every offset the position a new index gives', () => {
    fc.assert(fc.property(TEXT, fc.nat(), fc.nat(3), TYPED, (text, at, remove, typed) => {
      const edit = lineEdit(text, at, remove, typed);
      if (!edit) return;
      const shifted = LineIndex.of(text).shifted(edit.start, typed.length - (edit.end - edit.start));
      const fresh = LineIndex.of(edit.after);
      for (let offset = 0; offset <= edit.after.length; offset++) assert.deepEqual(shifted.positionAt(offset), fresh.positionAt(offset));
    }), { seed: SEED, numRuns: RUNS });
  });

  it('after any number of such edits (folded in every 32), the index still gives what a new one gives', () => {
    const EDIT = fc.record({ at: fc.nat(), remove: fc.nat(2), typed: TYPED });
    fc.assert(fc.property(TEXT, fc.array(EDIT, { maxLength: 70 }), (start, edits) => {
      let text = start;
      let index = LineIndex.of(text);
      for (const { at, remove, typed } of edits) {
        const edit = lineEdit(text, at, remove, typed);
        if (!edit) continue;
        index = index.shifted(edit.start, typed.length - (edit.end - edit.start));
        text = edit.after;
      }
      const fresh = LineIndex.of(text);
      for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(index.positionAt(offset), fresh.positionAt(offset));
    }), { seed: SEED, numRuns: Math.ceil(RUNS / 5) });
  });

  it('suppressions after a one-line edit equal those found in the new text', () => {
    fc.assert(fc.property(TEXT, fc.nat(), fc.nat(3), TYPED, (text, at, remove, typed) => {
      const edit = lineEdit(text, at, remove, typed);
      if (!edit) return;
      const moved = suppressionsAfterLineEdit(findSuppressions(text), edit.after, edit.start, edit.start + typed.length);
      assert.deepEqual(moved, findSuppressions(edit.after));
    }), { seed: SEED, numRuns: RUNS });
  });

  it('finds a directive typed into a line of a text that had none', () => {
    const before = 'a: 1\n# kube-volumes-disabl\nb: 2';
    const at = before.indexOf('disabl') + 'disabl'.length;
    const after = `${before.slice(0, at)}e${before.slice(at)}`;
    const moved = suppressionsAfterLineEdit(findSuppressions(before), after, at, at + 1);
    assert.deepEqual([...moved.file], ['*']);
  });
});

describe('lines as the editor counts them', () => {
  it('a lone \r ends a line, as \n and \r\n do, and no position falls inside a \r\n', () => {
    const text = 'a: 1 # x\ry: 2\r\nz: 3\r\r\nw';
    const lines = LineIndex.of(text);
    assert.deepEqual(lines.positionAt(text.indexOf('y')), { line: 1, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('z')), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('w')), { line: 4, character: 0 });
    // Between the \r and the \n of "y: 2\r\n": the end of that line, not a fifth character.
    assert.deepEqual(lines.positionAt(text.indexOf('\r\n') + 1), { line: 1, character: 4 });
    assert.deepEqual(lines.positionAt(text.indexOf('\r\n')), { line: 1, character: 4 });
  });

  it('a directive after a lone \r silences the line the editor shows it on', () => {
    const { lines } = findSuppressions('# note\r# kube-volumes-disable-next-line mount-without-volume\nx: 1\n');
    assert.deepEqual([...lines.keys()], [2]);
  });
});
