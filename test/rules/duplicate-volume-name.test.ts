import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'duplicate-volume-name';
const POD = yaml`
  containers:
    - name: app
      image: nginx
      volumeMounts: [{name: data, mountPath: /data}]
  volumes:
    - name: data
      emptyDir: {}
    - name: data
      configMap: {name: c}
`;

describe(RULE, () => {
  for (const w of inEveryWorkload(POD)) {
    it(`reports the second declaration in a ${w.kind}`, () => {
      const found = foundBy(RULE, w.text);
      assert.deepEqual(found.map((d) => d.fieldPath), [`${w.path}.volumes[1].name`]);
      assert.equal(textAt(w.text, found[0]), 'data');
      assert.equal(found[0].severity, 'error');
      assert.match(found[0].message, rejectionPattern(w.kind));
    });
  }

  it('accepts distinct names', () => {
    assert.deepEqual(foundBy(RULE, inEveryWorkload(POD.replace(/- name: data\n(\s+)configMap/, '- name: other\n$1configMap'))[0].text), []);
  });

  it('does not also report the mount of a duplicated volume', () => {
    assert.deepEqual(foundBy('mount-without-volume', inEveryWorkload(POD)[0].text), []);
  });
});
