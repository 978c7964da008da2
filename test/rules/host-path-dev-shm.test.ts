import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'host-path-dev-shm';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: chrome
        image: selenium/node-chrome:4.21.0
        volumeMounts: [{name: dshm, mountPath: /dev/shm}, {name: data, mountPath: /data}]
    volumes:
      - name: dshm
        hostPath:
          path: /dev/shm
      - name: data
        hostPath: {path: /srv/data}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`suggests a Memory emptyDir instead of the node's /dev/shm in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].hostPath`]);
      assert.equal(textAt(w.text, d[0]), 'hostPath');
      assert.deepEqual(d[0].data?.replaceWith, { emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } });
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
