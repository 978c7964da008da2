import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy, inEveryWorkload, yaml } from '../helpers';

const RULE = 'memory-emptydir-without-size-limit';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - {name: app, image: nginx, volumeMounts: [{name: shm, mountPath: /dev/shm}, {name: ok, mountPath: /ok}, {name: disk, mountPath: /disk}]}
    volumes:
      - name: shm
        emptyDir:
          medium: Memory
      - name: ok
        emptyDir: {medium: Memory, sizeLimit: 1Gi}
      - name: disk
        emptyDir: {}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on a Memory emptyDir without sizeLimit in a ${w.kind}`, () => {
      const found = foundBy(RULE, w.text);
      assert.deepEqual(found.map((d) => d.fieldPath), [`${w.path}.volumes[0].emptyDir`]);
      assert.equal(found[0].severity, 'warning');
      assert.match(found[0].message, /sizeLimit/);
    });
  }
});
