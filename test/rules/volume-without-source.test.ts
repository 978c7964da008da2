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
