/**
 * Anchors, aliases and merge keys are resolved as go-yaml v2 resolves them before the API server
 * sees the object (server/src/core/model/aliases.ts): no false error on a manifest that shares
 * its names, mounts or volumes through them, and real mistakes inside aliased content are still
 * reported, at the field path of the place that uses them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { YAMLMap } from 'yaml';
import { analyseText, FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { parseDocumentModel } from '../server/src/core/model/parse-document';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { found, lint } from './helpers';

const errors = (text: string): string[] => lint(text).filter((d) => d.severity === 'error').map((d) => `${d.rule} @ ${d.fieldPath}`);

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

describe('anchors, aliases and merge keys', () => {
  it('resolves scalar aliases: a volume named *vol with path *dir', () => {
    const text = pod('  containers:\n  - name: c\n    image: busybox\n    volumeMounts:\n    - {name: &vol logs, mountPath: &dir /var/log/app}\n  volumes:\n  - name: *vol\n    hostPath: {path: *dir, type: DirectoryOrCreate}\n');
    assert.deepEqual(errors(text), []);
  });

  it('merges a volume, a mount and a securityContext with <<, the map\'s own keys winning', () => {
    const text = pod([
      '  containers:',
      '  - name: a',
      '    image: busybox',
      '    securityContext: &priv {privileged: true}',
      '    volumeMounts:',
      '    - &data {name: data, mountPath: /data, mountPropagation: Bidirectional}',
      '  - name: b',
      '    image: busybox',
      '    securityContext: {<<: *priv}',
      '    volumeMounts:',
      '    - <<: *data',
      '      readOnly: true',
      '      mountPropagation: HostToContainer',
      '  volumes:',
      '  - &base {name: data, emptyDir: {}}',
      '  - <<: *base',
      '    name: more',
      '  - <<: [{name: third}, *base]',
      '',
    ].join('\n'));
    assert.deepEqual(errors(text), []);
    // `more` and `third` are real volumes that nothing mounts: the merge made them whole volumes.
    assert.deepEqual(found(text).filter((f) => f.startsWith('unused-volume')), ['unused-volume @ spec.volumes[1].name', 'unused-volume @ spec.volumes[2].name']);
  });

  it('resolves aliased lists: imagePullSecrets, volumes and claim templates', () => {
    const text = [
      'apiVersion: v1', 'kind: List', 'items:',
      '- apiVersion: v1', '  kind: Pod', '  metadata: {name: a}', '  spec:',
      '    imagePullSecrets: &ps [{name: reg}]',
      '    containers: [{name: c, image: registry.example.com/a:1, volumeMounts: [{name: data, mountPath: /d}]}]',
      '    volumes: &vols [{name: data, emptyDir: {}}]',
      '- apiVersion: v1', '  kind: Pod', '  metadata: {name: b}', '  spec:',
      '    imagePullSecrets: *ps',
      '    containers: [{name: c, image: registry.example.com/b:1, volumeMounts: [{name: data, mountPath: /d}]}]',
      '    volumes: *vols',
      '',
    ].join('\n');
    assert.deepEqual(found(text), []);
  });

  it('still reports a mistake inside aliased content, at the path that uses it', () => {
    const text = pod('  containers:\n  - name: c\n    image: busybox\n    volumeMounts: &mounts\n    - {name: data, mountPath: /data}\n    - {name: data, mountPath: /data}\n  initContainers:\n  - name: i\n    image: busybox\n    volumeMounts: *mounts\n  volumes: [{name: data, emptyDir: {}}]\n');
    assert.deepEqual(errors(text), ['duplicate-mount-path @ spec.containers[0].volumeMounts[1].mountPath', 'duplicate-mount-path @ spec.initContainers[0].volumeMounts[1].mountPath']);
  });

  it('leaves an alias bomb unexpanded: a billion nodes would come out of a few lines', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    assert.equal(parseDocumentModel(text).aliased, false);
    // A small expansion is resolved.
    assert.equal(parseDocumentModel(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${levels.slice(0, 2).map((l) => `  ${l}`).join('\n')}\n`).aliased, true);
  });

  it('merges as go-yaml v2 decodes: pairs in order, a merge replacing what came before it, the later of two merges winning', () => {
    const volumes = (text: string): (string | undefined)[] => parseDocumentModel(pod(`  containers: [{name: c, image: busybox}]\n  volumes:\n${text}`)).podSpecs[0].volumes.map((v) => v.name?.value);
    const anchors = '  - &a {name: a, emptyDir: {}}\n  - &b {name: b, emptyDir: {}}\n';
    assert.deepEqual(volumes(`${anchors}  - name: own\n    <<: *a\n`), ['a', 'b', 'a']);
    assert.deepEqual(volumes(`${anchors}  - <<: *a\n    name: own\n`), ['a', 'b', 'own']);
    assert.deepEqual(volumes(`${anchors}  - <<: *a\n    <<: *b\n`), ['a', 'b', 'b']);
    assert.deepEqual(volumes(`${anchors}  - <<: [*a, *b]\n`), ['a', 'b', 'a']);
  });

  it('parses an aliased document again on each edit instead of patching shared nodes', () => {
    const text = pod('  containers:\n  - name: c\n    image: busybox\n    volumeMounts:\n    - {name: &vol logs, mountPath: /logs}\n    - {name: data, mountPath: /data}\n  volumes:\n  - name: *vol\n    emptyDir: {}\n  - name: data\n    emptyDir: {}\n');
    const analyser = new FileAnalyzer();
    const before = analyser.analyse(text, DEFAULT_SETTINGS);
    // An edit in a scalar that is not anchored, in a document that has aliases: parsed again, never patched.
    const at = text.lastIndexOf('name: data') + 'name: data'.length;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const after = analyser.analyse(edited, DEFAULT_SETTINGS, { start: at, end: at, length: 1 });
    // A patch shares the nodes before the edit with the previous tree; a parse shares none.
    const firstPair = (analysis: typeof before): unknown => (analysis.documents[0].model.parsed!.contents as YAMLMap).items[0];
    assert.notEqual(firstPair(after), firstPair(before));
    assert.deepEqual(after.diagnostics, analyseText(edited, DEFAULT_SETTINGS).diagnostics);
    assert.deepEqual(after.diagnostics.filter((d) => d.severity === 'error').map((d) => d.data?.name), ['data']);
  });
});
