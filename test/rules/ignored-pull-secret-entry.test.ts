import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'ignored-pull-secret-entry';

describe(RULE, () => {
  const POD = yaml`
    imagePullSecrets:
      - name: regcred
      - name: ""
      - name: regcred
      - name: other
    containers:
      - {name: app, image: nginx}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on empty and repeated pull secret names in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.imagePullSecrets[1].name`, `${w.path}.imagePullSecrets[2].name`]);
      assert.equal(textAt(w.text, d[1]), 'regcred');
      assert.match(d[0].message, /invalid empty name/);
      assert.equal(d[1].data?.firstIndex, 0);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
