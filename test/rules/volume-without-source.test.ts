import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy, inEveryWorkload, yaml } from '../helpers';

const RULE = 'volume-without-source';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - {name: app, image: nginx, volumeMounts: [{name: data, mountPath: /data}]}
    volumes:
      - name: data
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns (not errors: the API server defaults it to emptyDir) in a ${w.kind}`, () => {
      const [d] = foundBy(RULE, w.text);
      assert.equal(d.fieldPath, `${w.path}.volumes[0]`);
      assert.equal(d.severity, 'warning');
      assert.match(d.message, /empty emptyDir/);
    });
  }

  it('accepts an explicit emptyDir', () => {
    assert.deepEqual(foundBy(RULE, inEveryWorkload(POD.replace('- name: data', '- name: data\n    emptyDir: {}'))[0].text), []);
  });
});

describe(`${RULE}: null sources`, () => {
  const pod = (volume: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: nginx, volumeMounts: [{name: v, mountPath: /v}]}]\n  volumes:\n${volume}`;

  it('accepts `emptyDir:` with no value, which is a plain emptyDir', () => {
    assert.deepEqual(foundBy(RULE, pod('    - name: v\n      emptyDir:\n')), []);
  });

  it('warns when a source is written but empty, e.g. its fields lost their indentation', () => {
    const [d] = foundBy(RULE, pod('    - name: v\n      configMap:\n'));
    assert.match(d.message, /"configMap" is empty \(null\)/);
  });

  it('does not count a null source as a second source (kustomize removes one that way)', () => {
    assert.deepEqual(foundBy('multiple-volume-sources', pod('    - name: v\n      emptyDir: null\n      persistentVolumeClaim: {claimName: c}\n')), []);
  });
});
