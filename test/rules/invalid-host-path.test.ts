import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-host-path';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: ok, mountPath: /ok}]
    volumes:
      - name: a
        hostPath: {path: /var/log/../lib, type: directory}
      - name: b
        hostPath: {type: Directory}
      - name: c
        hostPath: {path: /run/x.sock, type: UnixSocket}
      - name: ok
        hostPath: {path: /var/lib/..data, type: ""}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports '..' elements, missing paths and unknown types in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.volumes[0].hostPath.path`,
        `${w.path}.volumes[0].hostPath.type`,
        `${w.path}.volumes[1].hostPath.path`,
        `${w.path}.volumes[2].hostPath.type`,
      ]);
      assert.equal(textAt(w.text, d[1]), 'directory');
      assert.deepEqual(d[1].data?.suggestions, ['Directory']);
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
