import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'missing-source-field';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: d, mountPath: /d}, {name: e, mountPath: /e}, {name: f, mountPath: /f}, {name: g, mountPath: /g}, {name: ok, mountPath: /ok}]
    volumes:
      - name: a
        secret:
          name: tls-certs
      - name: b
        configMap: {optional: true}
      - name: c
        persistentVolumeClaim: {readOnly: true}
      - name: d
        nfs: {server: nfs.example.com}
      - name: e
        csi: {readOnly: true}
      - name: f
        ephemeral: {}
      - name: g
        projected:
          sources:
            - secret: {secretName: s}
      - name: ok
        projected:
          sources:
            - secret: {name: s}
            - configMap: {name: c}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports each source without its required field in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.volumes[0].secret.secretName`,
        `${w.path}.volumes[1].configMap.name`,
        `${w.path}.volumes[2].persistentVolumeClaim.claimName`,
        `${w.path}.volumes[3].nfs.path`,
        `${w.path}.volumes[4].csi.driver`,
        `${w.path}.volumes[5].ephemeral.volumeClaimTemplate`,
        `${w.path}.volumes[6].projected.sources[0].secret.name`,
      ]);
      assert.match(d[0].message, /It has "name", which is not a field here: a secret names it with "secretName"/);
      assert.equal(textAt(w.text, d[0]), 'name');
      assert.equal(d[0].data?.rename, 'name');
      assert.match(d[6].message, /It has "secretName"/);
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
