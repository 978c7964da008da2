import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'read-only-false-no-effect';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: conf, mountPath: /conf, readOnly: false}
          - {name: conf, mountPath: /conf2, readOnly: true}
          - {name: data, mountPath: /data, readOnly: false}
    volumes:
      - {name: conf, configMap: {name: c}}
      - {name: data, emptyDir: {}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`notes readOnly: false on always read-only volumes in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.containers[0].volumeMounts[0].readOnly`]);
      assert.equal(textAt(w.text, d[0]), 'readOnly');
      assert.equal(d[0].severity, 'info');
      assert.equal(d[0].unnecessary, true);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
