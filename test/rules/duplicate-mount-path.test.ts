import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'duplicate-mount-path';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: a, mountPath: /config}
          - {name: b, mountPath: /config}
        volumeDevices:
          - {name: c, devicePath: /dev/x}
          - {name: d, devicePath: /dev/x}
      - name: other
        image: nginx
        volumeMounts:
          - {name: a, mountPath: /config}
    volumes:
      - {name: a, emptyDir: {}}
      - {name: b, emptyDir: {}}
      - {name: c, persistentVolumeClaim: {claimName: c}}
      - {name: d, persistentVolumeClaim: {claimName: d}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports the second use of a path within one container, not across containers, in a ${w.kind}`, () => {
      const found = foundBy(RULE, w.text);
      assert.deepEqual(found.map((d) => d.fieldPath), [
        `${w.path}.containers[0].volumeMounts[1].mountPath`,
        `${w.path}.containers[0].volumeDevices[1].devicePath`,
      ]);
      assert.equal(textAt(w.text, found[0]), '/config');
      assert.match(found[0].message, rejectionPattern(w.kind));
    });
  }
});
