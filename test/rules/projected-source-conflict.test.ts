import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'projected-source-conflict';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: all, mountPath: /all}, {name: ok, mountPath: /ok}]
    volumes:
      - name: all
        projected:
          sources:
            - secret: {name: a, items: [{key: tls.crt, path: tls.crt}]}
              configMap: {name: b}
            - configMap: {name: c, items: [{key: ca, path: tls.crt}]}
      - name: ok
        projected:
          sources:
            - secret: {name: a, items: [{key: tls.crt, path: a/tls.crt}]}
            - configMap: {name: c, items: [{key: ca, path: b/tls.crt}]}
            - serviceAccountToken: {path: token}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports sources with two kinds and duplicate file paths in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      const v = `${w.path}.volumes[0].projected`;
      assert.deepEqual(d.map((x) => x.fieldPath), [`${v}.sources[0]`, `${v}.sources[1].configMap.items[0].path`]);
      assert.equal(textAt(w.text, d[0]), 'configMap');
      assert.equal(textAt(w.text, d[1]), 'tls.crt');
      assert.match(d[1].message, /conflicting duplicate paths/);
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
