import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'multiple-volume-sources';
const POD = yaml`
  containers:
    - name: app
      image: nginx
      volumeMounts: [{name: cert, mountPath: /cert}]
  volumes:
    - name: cert
      secret:
        secretName: cert
      configMap:
        name: plugins
`;

describe(RULE, () => {
  for (const w of inEveryWorkload(POD)) {
    it(`reports a volume with two sources in a ${w.kind}, at the second source`, () => {
      const [d] = foundBy(RULE, w.text);
      assert.equal(d.fieldPath, `${w.path}.volumes[0]`);
      assert.equal(textAt(w.text, d), 'configMap');
      assert.match(d.message, /2 sources \(secret, configMap\)/);
      assert.match(d.message, rejectionPattern(w.kind));
      // The mount of the broken volume is not reported again.
      assert.deepEqual(found(w.text), [`${RULE} @ ${w.path}.volumes[0]`]);
    });
  }

  it('accepts one source', () => {
    assert.deepEqual(foundBy(RULE, inEveryWorkload(POD.replace(/ {4}configMap:\n {6}name: plugins\n/, ''))[0].text), []);
  });
});
