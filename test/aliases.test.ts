/**
 * Anchors, aliases and merge keys are resolved as go-yaml v2 resolves them before the API server
 * sees the object (server/src/core/model/aliases.ts): no false error on a manifest that shares
 * its names, mounts or volumes through them, and real mistakes inside aliased content are still
 * reported, at the field path of the place that uses them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileAnalyzer } from '../server/src/core/analysis/analyzer';
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

  it('leaves an alias bomb unexpanded, quickly and without throwing', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const start = Date.now();
    lint(text);
    assert.ok(Date.now() - start < 2_000);
  });

  it('parses an aliased document again on each edit instead of patching shared nodes', () => {
    const text = pod('  containers:\n  - name: c\n    image: busybox\n    volumeMounts:\n    - {name: &vol logs, mountPath: /logs}\n  volumes:\n  - name: *vol\n    emptyDir: {}\n');
    const analyser = new FileAnalyzer();
    analyser.analyse(text, DEFAULT_SETTINGS);
    const at = text.indexOf('logs,') + 4;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    // The alias follows the anchor: the volume is now named logsx, so nothing is unmatched.
    assert.deepEqual(analyser.analyse(edited, DEFAULT_SETTINGS, { start: at, end: at, length: 1 }).diagnostics.filter((d) => d.severity === 'error'), []);
  });
});
