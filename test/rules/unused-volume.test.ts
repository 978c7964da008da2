import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'unused-volume';

describe(RULE, () => {
  const POD = yaml`
    initContainers:
      - {name: init, image: busybox, volumeMounts: [{name: by-init, mountPath: /i}]}
    containers:
      - {name: app, image: nginx, volumeMounts: [{name: used, mountPath: /u}], volumeDevices: [{name: dev, devicePath: /dev/d}]}
    ephemeralContainers:
      - {name: dbg, image: busybox, volumeMounts: [{name: by-debug, mountPath: /d}]}
    volumes:
      - {name: used, emptyDir: {}}
      - {name: by-init, emptyDir: {}}
      - {name: by-debug, emptyDir: {}}
      - {name: dev, persistentVolumeClaim: {claimName: dev}}
      - {name: forgotten, emptyDir: {}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns about a volume no container kind uses, tagged unnecessary, in a ${w.kind}`, () => {
      const found = foundBy(RULE, w.text);
      assert.deepEqual(found.map((d) => d.fieldPath), [`${w.path}.volumes[4].name`]);
      assert.equal(found[0].severity, 'warning');
      assert.equal(found[0].unnecessary, true);
      assert.equal(textAt(w.text, found[0]), 'forgotten');
    });
  }

  it('stays quiet on patches, whose containers live in the base', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      volumes:\n        - {name: extra, emptyDir: {}}\n';
    assert.deepEqual(foundBy(RULE, patch), []);
  });
});

describe(`${RULE}: root cause only`, () => {
  it('stays quiet on a volume whose Secret name an unmatched mount used', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: app, image: nginx, volumeMounts: [{name: catalog-cert, mountPath: /tls}]}]
        volumes:
          - name: tls
            secret: {secretName: catalog-cert}
    `;
    assert.deepEqual(foundBy(RULE, text), []);
    assert.equal(foundBy('mount-without-volume', text).length, 1);
  });
});
