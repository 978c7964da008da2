import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'file-or-create-parent';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: d, mountPath: /d}, {name: e, mountPath: /e}]
    volumes:
      - {name: a, hostPath: {path: /var/local/app/state.db, type: FileOrCreate}}
      - {name: b, hostPath: {path: /var/log/app.log, type: FileOrCreate}}
      - {name: c, hostPath: {path: /srv/cache/data.bin, type: FileOrCreate}}
      - {name: d, hostPath: {path: /srv, type: DirectoryOrCreate}}
      - {name: e, hostPath: {path: /opt/tool/lock, type: File}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`notes FileOrCreate in a directory no mount creates in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].hostPath.type`, `${w.path}.volumes[2].hostPath.type`]);
      assert.equal(textAt(w.text, d[0]), 'FileOrCreate');
      assert.equal(d[0].data?.parent, '/var/local/app');
      assert.equal(d[0].severity, 'info');
      assert.match(d[1].message, /on a node without \/srv\/cache/);
    });
  }

  it('is quiet when the pod creates the parent with DirectoryOrCreate, as the docs show', () => {
    const text = inEveryWorkload(yaml`
      containers:
        - name: app
          image: nginx
          volumeMounts: [{name: dir, mountPath: /var/local/aaa}, {name: file, mountPath: /var/local/aaa/1.txt}]
      volumes:
        - {name: dir, hostPath: {path: /var/local/aaa, type: DirectoryOrCreate}}
        - {name: file, hostPath: {path: /var/local/aaa/1.txt, type: FileOrCreate}}
    `)[0].text;
    assert.deepEqual(found(text).filter((f) => f.startsWith(RULE)), []);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
