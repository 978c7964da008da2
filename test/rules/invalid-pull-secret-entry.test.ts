import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'invalid-pull-secret-entry';

describe(RULE, () => {
  const POD = yaml`
    imagePullSecrets:
      - name: regcred
        namespace: infra
      - other-cred
      - name: fine
    containers:
      - {name: app, image: nginx}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports keys other than name and bare strings in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.imagePullSecrets[0].namespace`, `${w.path}.imagePullSecrets[1]`]);
      assert.equal(textAt(w.text, d[0]), 'namespace');
      assert.match(d[0].message, /only "name" may be set.*own namespace/);
      assert.match(d[1].message, /write it as "- name: other-cred"/);
      assert.equal(d[0].severity, 'error');
    });
  }

  it('reports a string where the list belongs', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        imagePullSecrets: regcred
        containers: [{name: a, image: nginx}]
    `;
    assert.deepEqual(foundBy(RULE, text).map((d) => d.fieldPath), ['spec.imagePullSecrets']);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
