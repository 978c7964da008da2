/**
 * What a keystroke leaves behind. Each keystroke makes a new model of the edited document, new
 * arrays of models and facts, and new diagnostics; all of it is garbage by the next keystroke and
 * should die in the young generation, which costs almost nothing to collect. Anything that keeps
 * it alive through a scavenge (a WeakMap entry, a Set emptied with clear(): core/memo.ts) makes
 * every scavenge copy it, then the old generation hold it until a full collection.
 * Its own file: the measure reads the old generation of a process that has done nothing else.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { PublishedDiagnostics } from '../server/src/lsp/diagnostics';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** A Pod whose mount names no volume in one document out of three, so that keystrokes have diagnostics to publish. */
const pod = (i: number): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  serviceAccountName: sa\n  containers:\n    - name: a\n      image: registry.example.com/a:${i}\n      volumeMounts: [{name: dat${i % 3 ? 'a' : ''}, mountPath: /x}]\n  volumes: [{name: data, emptyDir: {}}]\n`;

/** Bytes in the old generation, read without a collection: what scavenges promoted there (or V8 allocated there directly). */
function oldSpaceUsed(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!.space_used_size;
}

describe('memory a keystroke leaves behind', () => {
  it('typing in a file of 10 documents sends little to the old generation', () => {
    const text = Array.from({ length: 10 }, (_, i) => pod(i)).join('---\n');
    const analyser = new FileAnalyzer();
    const published = new PublishedDiagnostics('file:///pods.yaml', '/docs');
    published.of(analyser.analyse(text, DEFAULT_SETTINGS).diagnostics);
    const at = text.indexOf('name: a\n', text.length / 2) + 'name: a'.length;
    let current = text;
    // Twenty characters typed into a container name, then deleted again: a steady state.
    const keystroke = (i: number): void => {
      const typing = i % 40 < 20;
      const offset = at + (typing ? i % 20 : 19 - (i % 20));
      current = typing ? `${current.slice(0, offset)}x${current.slice(offset)}` : `${current.slice(0, offset)}${current.slice(offset + 1)}`;
      const change = typing ? { start: offset, end: offset, length: 1, text: 'x' } : { start: offset, end: offset + 1, length: 0, text: '' };
      assert.ok(published.of(analyser.analyse(current, DEFAULT_SETTINGS, change).diagnostics).length > 0);
    };
    for (let i = 0; i < 80; i++) keystroke(i); // the code compiled and the young generation sized first
    gc();
    const before = oldSpaceUsed();
    for (let i = 80; i < 680; i++) keystroke(i);
    const perKeystroke = (oldSpaceUsed() - before) / 600;
    // About 0.5 KB here. With the rules' caches in WeakMaps keyed by each keystroke's model and the
    // analyser's Sets emptied with clear(), about 5 KB per keystroke reached the old generation.
    assert.ok(perKeystroke < 2048, `${(perKeystroke / 1024).toFixed(1)} KB per keystroke reached the old generation`);
  });
});
