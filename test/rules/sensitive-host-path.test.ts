import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'sensitive-host-path';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: agent
        image: agent
        volumeMounts:
          - {name: docker, mountPath: /var/run/docker.sock}
          - {name: etc, mountPath: /host/etc}
          - {name: proc, mountPath: /host/proc, readOnly: true}
          - {name: logs, mountPath: /var/log}
    volumes:
      - {name: docker, hostPath: {path: /var/run/docker.sock, type: Socket}}
      - {name: etc, hostPath: {path: /etc/}}
      - {name: proc, hostPath: {path: /proc}}
      - {name: logs, hostPath: {path: /var/log}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on runtime sockets and writable system directories in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].hostPath.path`, `${w.path}.volumes[1].hostPath.path`]);
      assert.equal(textAt(w.text, d[0]), '/var/run/docker.sock');
      assert.match(d[0].message, /root on the node/);
      assert.match(d[1].message, /mounted writable/);
      assert.deepEqual(d[1].data?.addReadOnly, [`${w.path}.containers[0].volumeMounts[1]`]);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
