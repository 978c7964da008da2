import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'relative-host-path';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a, readOnly: true}, {name: b, mountPath: /b, readOnly: true}, {name: c, mountPath: /c, readOnly: true}, {name: d, mountPath: /d, readOnly: true}, {name: e, mountPath: /e, readOnly: true}]
    volumes:
      - {name: a, hostPath: {path: var/log/app, type: DirectoryOrCreate}}
      - {name: b, hostPath: {path: /var/log}}
      - {name: c, hostPath: {path: 'C:\\logs'}}
      - {name: d, hostPath: {path: ../up}}
      - {name: e, hostPath: {path: ./data/}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on relative host paths in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].hostPath.path`, `${w.path}.volumes[4].hostPath.path`]);
      assert.equal(textAt(w.text, d[0]), 'var/log/app');
      assert.deepEqual(d.map((x) => x.data?.suggestions), [['/var/log/app'], ['/data']]);
      assert.match(d[0].message, /working directory of the kubelet and the container runtime/);
      assert.deepEqual(found(w.text).filter((f) => f.includes('volumes[3]')), [`invalid-host-path @ ${w.path}.volumes[3].hostPath.path`]);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
