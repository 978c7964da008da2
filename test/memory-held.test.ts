/**
 * Memory a long task holds: the CLI over a folder, or a property run, analyses thousands of files
 * in one task. Nothing kept for the next keystroke may hold a file's documents once its analyser
 * is gone (a WeakRef did: V8 keeps its target until the task ends, and a run ran out of memory).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';

v8.setFlagsFromString('--expose-gc');
// Sweeping on the main thread: with the concurrent sweeper, heapUsed right after gc() can still
// count garbage not yet swept, and a busy machine (the rest of the suite running) made the
// measure of a closed file read 28 MB instead of 2 one run in three.
v8.setFlagsFromString('--no-concurrent-sweeping');
const gc = vm.runInNewContext('gc') as () => void;

const pod = (file: number, i: number): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p${file}-${i}}\nspec:\n  serviceAccountName: sa\n  containers:\n    - name: a\n      image: registry.example.com/a:${i}\n      volumeMounts: [{name: data, mountPath: /x}]\n  volumes: [{name: data, emptyDir: {}}]\n`;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('memory held across files in one task', () => {
  it('analysing and editing 200 files of 40 documents each keeps none of them', () => {
    const before = heapAfterCollection();
    for (let file = 0; file < 200; file++) {
      const text = Array.from({ length: 40 }, (_, i) => pod(file, i)).join('---\n');
      const analyser = new FileAnalyzer();
      analyser.analyse(text, DEFAULT_SETTINGS);
      // One keystroke inside an image tag: the file rules' values are carried over to the new arrays.
      const at = text.indexOf(':0\n') + 2;
      analyser.analyse(`${text.slice(0, at)}1${text.slice(at)}`, DEFAULT_SETTINGS, { start: at, end: at, length: 1, text: '1' });
    }
    const grown = (heapAfterCollection() - before) / 1e6;
    // About 5 MB here; holding every file's models, as the WeakRef did, grew it by about 110 MB.
    assert.ok(grown < 40, `the heap grew by ${grown.toFixed(0)} MB`);
  });
});

describe('memory held after a file is closed', () => {
  it('keeps none of its documents once its analyser is gone, whatever file comes next', () => {
    const podWith = (i: number, image: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n    - name: a\n      image: ${image}\n`;
    // Each step in a function of its own: a frame of unoptimised code can keep a dead temporary
    // (the closed file's analysis) alive until it returns.
    const openAndClose = (): void => {
      // A file whose pods pull from a cloud registry, analysed, then closed (its analyser dropped).
      new FileAnalyzer().analyse(Array.from({ length: 3000 }, (_, i) => podWith(i, `gcr.io/project/app:${i}`)).join('---\n'), DEFAULT_SETTINGS);
    };
    const typeInAnother = (): FileAnalyzer => {
      // Then typing in a file with no cloud image: nothing of the other file's may stay for it.
      let text = [podWith(1, 'registry.example.com/a:1'), podWith(2, 'busybox')].join('---\n');
      const analyser = new FileAnalyzer();
      analyser.analyse(text, DEFAULT_SETTINGS);
      const at = text.indexOf('name: a') + 'name: a'.length;
      for (let i = 0; i < 10; i++) {
        text = `${text.slice(0, at)}x${text.slice(at)}`;
        analyser.analyse(text, DEFAULT_SETTINGS, { start: at, end: at, length: 1, text: 'x' });
      }
      return analyser;
    };
    const before = heapAfterCollection();
    openAndClose();
    const other = typeInAnother();
    const held = (heapAfterCollection() - before) / 1e6;
    assert.ok(other instanceof FileAnalyzer, 'the other file stays open while the heap is measured');
    // About 2 MB here (code compiled on the way). Caches shared by every file at module level kept
    // the closed file's candidates and trees: about 23 MB (file-derived.ts, FileMemo).
    assert.ok(held < 8, `${held.toFixed(1)} MB held after the file was closed`);
  });
});
