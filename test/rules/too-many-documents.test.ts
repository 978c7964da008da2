/**
 * A file of more documents than the engine reads: the first ones are analysed, the rest left out
 * with one warning where it stopped (too-many-documents), and edits on either side of the cut keep
 * the analysis equal to a fresh one. A hostile review ran the server out of memory with 2,000,000
 * tiny documents (about 4 KB kept per document).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileAnalyzer } from '../../server/src/core/analysis/analyzer';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { documentLimit } from '../../server/src/core/text/split-documents';
import * as features from '../../server/src/lsp/features';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver';

const pod = (name: string, mount: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers: [{name: a, image: nginx, volumeMounts: [{name: ${mount}, mountPath: /d}]}]\n  volumes: [{name: data, emptyDir: {}}]\n`;
const file = (count: number): string => Array.from({ length: count }, (_, i) => pod(`p${i}`, i % 2 === 0 ? 'data' : 'dta')).join('---\n');

/** Rule and line of each diagnostic: what the editor shows. */
const shown = (analysis: { diagnostics: readonly { rule: string; range: { start: { line: number } } }[] }): string[] => analysis.diagnostics.map((d) => `${d.rule}@${d.range.start.line}`);

describe('document limit', () => {
  it('finds the line of the marker that starts the first document past the limit, and counts those left out', () => {
    assert.equal(documentLimit(file(3), 3), undefined);
    const text = `---\n${file(5)}`;
    const limit = documentLimit(text, 3)!;
    assert.equal(text.slice(limit.offset, limit.offset + 4), '---\n');
    assert.equal(text.slice(0, limit.offset).split(/^---$/m).filter((d) => d.trim()).length, 3);
    assert.equal(limit.after, 2);
  });

  it('reads the first documents only, and says where it stopped', () => {
    const text = file(7);
    const analysis = new FileAnalyzer(undefined, 4).analyse(text, DEFAULT_SETTINGS);
    assert.equal(analysis.documents.length, 4);
    const lines = text.split('\n');
    const stop = analysis.diagnostics.find((d) => d.rule === 'too-many-documents')!;
    assert.equal(lines[stop.range.start.line], '---', 'on the marker of the first document left out');
    assert.equal(stop.severity, 'warning');
    assert.match(stop.message, /checked the first 4 YAML documents of this file and none of the 3 from here on/);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.rule === 'mount-without-volume').map((d) => d.document), [1, 3]);
  });

  it('answers nothing past the last document read, and as usual before it', () => {
    const text = file(6);
    const analysis = new FileAnalyzer(undefined, 4).analyse(text, DEFAULT_SETTINGS);
    const document = TextDocument.create('file:///limit.yaml', 'yaml', 1, text);
    const mountIn = (nth: number): Position => document.positionAt(text.split('---\n').slice(0, nth).join('---\n').length + (nth > 0 ? 4 : 0) + text.split('---\n')[nth].indexOf('mountPath'));
    assert.equal(features.at(analysis, document, mountIn(5)), undefined);
    const before = features.at(analysis, document, mountIn(1))!;
    assert.ok(features.hover(document, before), 'a hover before the cut');
  });

  it('keeps the analysis equal to a fresh one through edits before and after the cut, and over the limit and back', () => {
    const analyser = new FileAnalyzer(undefined, 4);
    let text = file(6);
    analyser.analyse(text, DEFAULT_SETTINGS);
    const type = (at: number, typed: string, remove = 0): void => {
      const change = { start: at, end: at + remove, length: typed.length, text: typed };
      text = text.slice(0, at) + typed + text.slice(at + remove);
      assert.deepEqual(shown(analyser.analyse(text, DEFAULT_SETTINGS, change)), shown(new FileAnalyzer(undefined, 4).analyse(text, DEFAULT_SETTINGS)), JSON.stringify(typed));
    };
    type(text.indexOf('dta') + 3, 'x'); // inside a value before the cut
    type(text.lastIndexOf('dta') + 3, 'x'); // past the cut: nothing read changes
    type(text.indexOf('---\n'), 'apiVersion: v1\nkind: ConfigMap\n---\n'); // one more document before the cut: the cut moves
    type(0, '', text.indexOf('---\n') + 4); // a document fewer
    type(text.indexOf('---\n'), '', text.lastIndexOf('---\n') - text.indexOf('---\n')); // under the limit
    assert.equal(analyser.analyse(text, DEFAULT_SETTINGS).diagnostics.some((d) => d.rule === 'too-many-documents'), false);
    type(text.length, `---\n${file(5)}`); // over it again
  });

  it('scans a text for the limit once however many slices its first analysis takes, and not on keystrokes under it', () => {
    // Every slice of the first analysis of a 50 MB file scanned all of it again: 2.2 s of 12.8.
    const scanned: number[] = [];
    const counting = (text: string, max: number): ReturnType<typeof documentLimit> => (scanned.push(text.length), documentLimit(text, max));
    for (const [count, max] of [[30, 100], [30, 20]]) {
      scanned.length = 0;
      const analyser = new FileAnalyzer(undefined, max, undefined, counting);
      let text = file(count);
      let slices = 1;
      // A deadline already past: one document per slice.
      while (!analyser.prepare(text, DEFAULT_SETTINGS, undefined, -Infinity)) slices++;
      analyser.analyse(text, DEFAULT_SETTINGS);
      assert.ok(slices >= Math.min(count, max) - 1, `${slices} slices`);
      assert.equal(scanned.length, 1, `${count} documents, limit ${max}: one scan`);
      const at = text.indexOf('dta') + 3;
      text = text.slice(0, at) + 'x' + text.slice(at);
      analyser.analyse(text, DEFAULT_SETTINGS, { start: at, end: at, length: 1, text: 'x' });
      // Over the limit, a keystroke must find the cut again; under it, it cannot reach it.
      assert.equal(scanned.length, count > max ? 2 : 1, `${count} documents, limit ${max}: after a keystroke`);
    }
  });
});
