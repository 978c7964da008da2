import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'duplicate-claim-volume';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}]
    volumes:
      - {name: a, persistentVolumeClaim: {claimName: shared}}
      - {name: b, persistentVolumeClaim: {claimName: shared, readOnly: true}}
      - {name: c, persistentVolumeClaim: {claimName: other}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on the second volume of the same claim in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[1].persistentVolumeClaim.claimName`]);
      assert.equal(textAt(w.text, d[0]), 'shared');
      assert.match(d[0].message, /ContainerCreating/);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
