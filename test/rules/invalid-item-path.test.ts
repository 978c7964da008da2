import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-item-path';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}]
    volumes:
      - name: a
        configMap:
          name: conf
          items:
            - {key: app.conf, path: /etc/app.conf}
            - {key: x, path: ../x}
            - {key: y, path: ..y}
            - {path: z}
            - {key: ok, path: dir/..ok..}
      - name: b
        downwardAPI:
          items:
            - {fieldRef: {fieldPath: metadata.name}}
      - name: c
        projected:
          sources:
            - serviceAccountToken: {path: /token}
            - secret: {name: s, items: [{key: k, path: sub/k}]}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports item paths that leave the volume and missing keys in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.volumes[0].configMap.items[0].path`,
        `${w.path}.volumes[0].configMap.items[1].path`,
        `${w.path}.volumes[0].configMap.items[2].path`,
        `${w.path}.volumes[0].configMap.items[3].key`,
        `${w.path}.volumes[1].downwardAPI.items[0].path`,
        `${w.path}.volumes[2].projected.sources[0].serviceAccountToken.path`,
      ]);
      assert.equal(textAt(w.text, d[0]), '/etc/app.conf');
      assert.deepEqual(d[0].data?.suggestions, ['etc/app.conf']);
      assert.match(d[1].message, /must not contain '\.\.'/);
      assert.match(d[2].message, /must not start with '\.\.'/);
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
