import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'decimal-file-mode';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}]
    volumes:
      - name: a
        configMap: {name: a, defaultMode: 400}
      - name: b
        configMap: {name: b, defaultMode: 420, items: [{key: k, path: k, mode: 444}, {key: l, path: l, mode: 256}]}
      - name: c
        downwardAPI: {defaultMode: 0644, items: [{path: p, fieldRef: {fieldPath: metadata.name}, mode: 511}]}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on decimal modes whose digits look octal, not on the usual decimal spellings, in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].configMap.defaultMode`, `${w.path}.volumes[1].configMap.items[0].mode`]);
      assert.equal(textAt(w.text, d[0]), '400');
      assert.match(d[0].message, /^400 is decimal: octal 0620 \(rw--w----\), not 0400 \(r--------\)/);
      assert.deepEqual(d[0].data?.suggestions, ['0400']);
      assert.equal(d[0].data?.decimal, 256);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
