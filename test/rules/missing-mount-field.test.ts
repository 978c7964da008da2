import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'missing-mount-field';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - name: data
            mountpath: /data
          - mountPath: /other
          - {name: data, mountPath: /ok}
        volumeDevices:
          - name: raw
    volumes:
      - {name: data, emptyDir: {}}
      - {name: raw, persistentVolumeClaim: {claimName: raw}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports mounts and devices without name or path in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.containers[0].volumeMounts[0].mountPath`,
        `${w.path}.containers[0].volumeMounts[1].name`,
        `${w.path}.containers[0].volumeDevices[0].devicePath`,
      ]);
      assert.match(d[0].message, /It has "mountpath"; did you mean "mountPath"\?/);
      assert.equal(d[0].data?.rename, 'mountpath');
      assert.equal(textAt(w.text, d[1]), 'mountPath');
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('stays quiet on a kustomize patch, whose base may have the field', () => {
    const patch = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d}
      spec:
        template:
          spec:
            containers:
              - name: app
                volumeMounts: [{name: data, readOnly: true}]
    `;
    assert.deepEqual(foundBy(RULE, patch), []);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
