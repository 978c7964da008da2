/** Every snippet, expanded with its default values, is a manifest kube-volumes finds nothing wrong with. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { lint } from './helpers';

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
  it('are contributed for YAML in package.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'yaml', path: './snippets/kubernetes-volumes.json' }]);
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
