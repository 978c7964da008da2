import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'world-readable-secret';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: d, mountPath: /d}]
    volumes:
      - name: a
        secret: {secretName: a, defaultMode: 420}
      - name: b
        projected: {defaultMode: 0644, sources: [{secret: {name: b}}]}
      - name: c
        secret: {secretName: c, defaultMode: 0440, items: [{key: k, path: k, mode: 0644}]}
      - name: d
        configMap: {name: d, defaultMode: 0644}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on explicit modes that let everyone read Secret files in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.volumes[0].secret.defaultMode`,
        `${w.path}.volumes[1].projected.defaultMode`,
        `${w.path}.volumes[2].secret.items[0].mode`,
      ]);
      assert.equal(textAt(w.text, d[0]), '420');
      assert.match(d[0].message, /420 is 0644 \(rw-r--r--\)/);
      assert.deepEqual(d[0].data?.suggestions, ['0400', '0440']);
    });
  }

  it('stays silent when no mode is written (the 0644 default is not a choice the author made)', () => {
    const w = inEveryWorkload('containers: [{name: a, image: nginx, volumeMounts: [{name: s, mountPath: /s}]}]\nvolumes: [{name: s, secret: {secretName: s}}]')[0];
    assert.deepEqual(foundBy(RULE, w.text), []);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
