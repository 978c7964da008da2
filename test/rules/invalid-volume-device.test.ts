import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-volume-device';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: both, mountPath: /data}
        volumeDevices:
          - {name: scratch, devicePath: /dev/a}
          - {name: both, devicePath: /dev/b}
          - {name: raw, devicePath: /data}
          - {name: raw, devicePath: /dev/../c}
          - {name: eph, devicePath: /dev/d}
    volumes:
      - {name: scratch, emptyDir: {}}
      - {name: both, persistentVolumeClaim: {claimName: both}}
      - {name: raw, persistentVolumeClaim: {claimName: raw}}
      - name: eph
        ephemeral:
          volumeClaimTemplate:
            spec: {accessModes: [ReadWriteOnce], volumeMode: Block, resources: {requests: {storage: 1Gi}}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports non-claim devices, repeats and clashes with mounts in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      const c = `${w.path}.containers[0].volumeDevices`;
      assert.deepEqual(d.map((x) => x.fieldPath), [`${c}[0].name`, `${c}[1].name`, `${c}[2].devicePath`, `${c}[3].name`, `${c}[3].devicePath`]);
      assert.equal(textAt(w.text, d[0]), 'scratch');
      assert.match(d[0].message, /"scratch" is of type emptyDir/);
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('accepts claim template names in a StatefulSet', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: s}
      spec:
        selector: {matchLabels: {app: s}}
        serviceName: s
        template:
          spec:
            containers: [{name: a, image: nginx, volumeDevices: [{name: block, devicePath: /dev/xvda}]}]
        volumeClaimTemplates:
          - metadata: {name: block}
            spec: {accessModes: [ReadWriteOnce], volumeMode: Block, resources: {requests: {storage: 1Gi}}}
    `;
    assert.deepEqual(foundBy(RULE, text), []);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
