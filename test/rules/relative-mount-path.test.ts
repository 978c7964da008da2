import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'relative-mount-path';

describe(RULE, () => {
  const POD = yaml`
    initContainers:
      - name: init
        image: busybox
        volumeMounts: [{name: data, mountPath: ./seed/../data}]
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: data, mountPath: config}
          - {name: data, mountPath: /var/data}
          - {name: data, mountPath: 'C:\\data'}
          - {name: data, mountPath: "$(DATA_DIR)"}
    ephemeralContainers:
      - name: debug
        image: busybox
        volumeMounts: [{name: data, mountPath: tmp/}]
    volumes:
      - {name: data, emptyDir: {}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on relative mount paths of every container kind in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.initContainers[0].volumeMounts[0].mountPath`,
        `${w.path}.containers[0].volumeMounts[0].mountPath`,
        `${w.path}.ephemeralContainers[0].volumeMounts[0].mountPath`,
      ]);
      assert.equal(textAt(w.text, d[1]), 'config');
      assert.deepEqual(d.map((x) => x.data?.suggestions), [['/data'], ['/config'], ['/tmp']]);
      assert.match(d[1].message, /mounts it at \/config, from the root of the container's filesystem/);
      assert.equal(d[1].severity, 'warning');
    });
  }

  it('stays silent on absolute, Windows and placeholder paths', () => {
    const text = inEveryWorkload(yaml`
      containers:
        - name: app
          image: nginx
          volumeMounts: [{name: d, mountPath: /d}, {name: d, mountPath: 'c:/d'}, {name: d, mountPath: '\\\\.\\pipe\\x'}, {name: d, mountPath: '\${DIR}'}]
      volumes: [{name: d, emptyDir: {}}]
    `)[0].text;
    assert.deepEqual(found(text).filter((f) => f.startsWith(RULE)), []);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
