import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asSecondDocument, foundBy, inEveryWorkload, lint, textAt, yaml } from '../helpers';

const RULE = 'database-on-emptydir';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: db
        image: postgres:16
        volumeMounts:
          - {name: data, mountPath: /var/lib/postgresql/data}
          - {name: tmp, mountPath: /tmp}
    volumes:
      - {name: data, emptyDir: {}}
      - {name: tmp, emptyDir: {}}
  `;
  const replacing = new Set(['ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet']);
  for (const w of inEveryWorkload(POD)) {
    it(`${replacing.has(w.kind) ? 'warns' : 'stays silent'} on a database directory on emptyDir in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      if (!replacing.has(w.kind)) return assert.deepEqual(d, []);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].emptyDir`]);
      assert.equal(textAt(w.text, d[0]), 'emptyDir');
      assert.match(d[0].message, w.kind === 'StatefulSet' ? /volumeClaimTemplate named "data"/ : /persistentVolumeClaim/);
    });
  }

  it('reports in the right document', () => {
    const w = inEveryWorkload(POD).find((x) => x.kind === 'Deployment')!;
    const found = lint(asSecondDocument(w.text)).filter((d) => d.rule === RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0].document, 1);
  });
});
