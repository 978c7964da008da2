/** Every snippet, expanded with its default values, is a manifest kube-volumes finds nothing wrong with. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { completionsAt } from '../server/src/core/features/completion';
import { parseDocumentModel } from '../server/src/core/model/parse-document';
import { lint } from './helpers';
import { summaryOf } from '../server/src/core/rules/file-derived';

const ROOT = path.resolve(__dirname, '..');
const snippets = JSON.parse(readFileSync(path.join(ROOT, 'snippets', 'kubernetes-volumes.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;

/** Expands tab stops as VS Code does when the user accepts every default. */
function expand(body: string[]): string {
  return body.join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\d+/g, '');
}

describe('snippets', () => {
  it('are offered by completion where a manifest can start, and nowhere else', () => {
    const empty = parseDocumentModel('kv-');
    const top = completionsAt(empty, [empty].map(summaryOf), 3);
    assert.deepEqual(top.map((c) => c.label).sort(), Object.values(snippets).map((s) => s.prefix).sort());
    assert.ok(top.every((c) => c.snippet && c.kind === 'snippet' && c.replace.start === 0 && c.replace.end === 3));
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: \n';
    const model = parseDocumentModel(text);
    assert.deepEqual(completionsAt(model, [model].map(summaryOf), text.indexOf('image: ') + 7).filter((c) => c.kind === 'snippet'), []);
    const inObject = parseDocumentModel('apiVersion: v1\nkv-\n');
    assert.deepEqual(completionsAt(inObject, [inObject].map(summaryOf), 18).filter((c) => c.kind === 'snippet'), []);
    const nextDocument = parseDocumentModel('---\n# a new one\nkv-');
    assert.equal(completionsAt(nextDocument, [nextDocument].map(summaryOf), nextDocument.text.length).length, top.length);
    // Not contributed through package.json, where VS Code would offer them inside values too.
    assert.equal(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.snippets, undefined);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} (${name}) parses and lints clean`, () => {
      const text = expand(snippet.body);
      assert.ok(snippet.prefix.startsWith('kv-'));
      for (const doc of parseAllDocuments(text, { version: '1.1' }) as { errors: unknown[] }[]) assert.deepEqual(doc.errors, []);
      assert.deepEqual(lint(text).map((d) => `${d.rule} @ ${d.fieldPath}`), []);
    });
  }

  it('cover the common volume types', () => {
    const all = Object.values(snippets).map((s) => s.body.join('\n')).join('\n');
    for (const type of ['emptyDir', 'configMap', 'secret', 'projected', 'downwardAPI', 'persistentVolumeClaim', 'volumeClaimTemplates', 'hostPath', 'ephemeral', 'imagePullSecrets', 'medium: Memory']) {
      assert.ok(all.includes(type), type);
    }
  });
});
