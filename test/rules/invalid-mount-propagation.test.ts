import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-mount-propagation';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: host, mountPath: /a, mountPropagation: hostToContainer}
          - {name: host, mountPath: /b, mountPropagation: Bidirectional}
          - {name: host, mountPath: /c, mountPropagation: HostToContainer}
      - name: csi
        image: csi
        securityContext: {privileged: true}
        volumeMounts:
          - {name: host, mountPath: /b, mountPropagation: Bidirectional}
    volumes:
      - {name: host, hostPath: {path: /mnt}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports unknown modes and Bidirectional in an unprivileged container in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.containers[0].volumeMounts[0].mountPropagation`,
        `${w.path}.containers[0].volumeMounts[1].mountPropagation`,
      ]);
      assert.equal(textAt(w.text, d[0]), 'hostToContainer');
      assert.deepEqual(d[0].data?.suggestions, ['HostToContainer']);
      assert.match(d[1].message, /only for privileged containers/);
      assert.match(d[1].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
