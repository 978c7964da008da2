import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseText, FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { found } from './helpers';

const pod = (prefix: string, mountLine = ''): string =>
  `${prefix}apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: registry.example.com/a\n      volumeMounts:\n${mountLine}        - {name: nope, mountPath: /x}\n`;

describe('disable comments', () => {
  it('silences the named rule on the next line only', () => {
    assert.deepEqual(found(pod('', '        # kube-volumes-disable-next-line mount-without-volume\n')), ['private-image-without-pull-secret @ spec.containers[0].image']);
    assert.equal(found(pod('', '        # kube-volumes-disable-next-line unused-volume\n')).length, 2);
  });

  it('carries a next-line comment that ends one document onto the first line of the next', () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
    const onMarkerLine = '--- {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: nginx, volumeMounts: [{name: nope, mountPath: /x}]}]}}\n';
    assert.deepEqual(found(configMap + onMarkerLine), ['mount-without-volume @ spec.containers[0].volumeMounts[0].name']);
    assert.deepEqual(found(`${configMap}# kube-volumes-disable-next-line mount-without-volume\n${onMarkerLine}`), []);
  });

  it('silences every rule on the next line when no rule is named', () => {
    assert.equal(found(pod('', '        # kube-volumes-disable-next-line\n')).length, 1);
  });

  it('silences rules in the whole file', () => {
    assert.deepEqual(found(pod('# kube-volumes-disable private-image-without-pull-secret, mount-without-volume\n')), []);
    assert.deepEqual(found(pod('# kube-volumes-disable\n')), []);
  });

  it('reads no directive in a longer word, such as the ESLint spelling kube-volumes-disable-line', () => {
    // Read as `kube-volumes-disable` with the rule list `-line`, it silenced every rule in the whole file.
    const typed = pod('', '').replace('- {name: nope', '- # kube-volumes-disable-line\n          {name: nope');
    assert.deepEqual(found(typed), ['private-image-without-pull-secret @ spec.containers[0].image', 'mount-without-volume @ spec.containers[0].volumeMounts[0].name']);
    assert.equal(found(pod('# kube-volumes-disabled\n')).length, 2);
    assert.equal(found(pod('', '        # kube-volumes-disable-next-lines mount-without-volume\n')).length, 2);
  });

  it('silences only the rules a directive names, even when no name is a rule of ours', () => {
    assert.equal(found(pod('# kube-volumes-disable mount-without-volum\n')).length, 2, 'a misspelt id silences nothing');
    assert.deepEqual(found(pod('# kube-volumes-disable Mount-Without-Volume\n')), ['private-image-without-pull-secret @ spec.containers[0].image']);
    assert.deepEqual(found(pod('', '        # kube-volumes-disable-next-line mount-without-volume -- the base defines it\n')), ['private-image-without-pull-secret @ spec.containers[0].image']);
    assert.deepEqual(found(pod('# kube-volumes-disable -- generated file\n')), []);
  });

  it('applies a file comment in any document to the whole file, and a next-line comment to its line in a later document', () => {
    const second = pod('---\n').replace('apiVersion', '# kube-volumes-disable private-image-without-pull-secret\napiVersion');
    assert.deepEqual(found(pod('') + second), ['mount-without-volume @ spec.containers[0].volumeMounts[0].name', 'mount-without-volume @ spec.containers[0].volumeMounts[0].name']);
    const nextLine = pod('') + pod('---\n', '        # kube-volumes-disable-next-line mount-without-volume\n');
    assert.deepEqual(found(nextLine).filter((f) => f.startsWith('mount-without-volume')).length, 1);
  });

  it('follows comments typed and removed in a file being edited', () => {
    const analyser = new FileAnalyzer();
    let text = pod('') + pod('---\n');
    analyser.analyse(text, DEFAULT_SETTINGS);
    const comment = '        # kube-volumes-disable-next-line\n';
    const at = text.lastIndexOf('        - {name: nope');
    text = text.slice(0, at) + comment + text.slice(at);
    const edited = analyser.analyse(text, DEFAULT_SETTINGS, { start: at, end: at, length: comment.length });
    assert.deepEqual(edited.diagnostics, analyseText(text, DEFAULT_SETTINGS).diagnostics);
    assert.equal(edited.diagnostics.filter((d) => d.rule === 'mount-without-volume').length, 1);
    text = text.slice(0, at) + text.slice(at + comment.length);
    assert.equal(analyser.analyse(text, DEFAULT_SETTINGS, { start: at, end: at + comment.length, length: 0 }).diagnostics.filter((d) => d.rule === 'mount-without-volume').length, 2);
  });
});
