import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-size-limit';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: d, mountPath: /d}, {name: e, mountPath: /e}]
    volumes:
      - {name: a, emptyDir: {sizeLimit: -1Gi}}
      - {name: b, emptyDir: {sizeLimit: 1GB}}
      - {name: c, emptyDir: {sizeLimit: 512Mi}}
      - {name: d, emptyDir: {sizeLimit: 1e9}}
      - {name: e, emptyDir: {sizeLimit: "0.5Gi"}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports negative and malformed quantities in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].emptyDir.sizeLimit`, `${w.path}.volumes[1].emptyDir.sizeLimit`]);
      assert.equal(textAt(w.text, d[1]), '1GB');
      assert.deepEqual(d[1].data?.suggestions, ['1Gi']);
      assert.match(d[0].message, rejectionPattern(w.kind));
      assert.match(d[1].message, /cannot decode/);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
