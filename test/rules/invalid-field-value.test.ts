import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-field-value';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: a, mountPath: /a, readOnly: "true"}
          - {name: b, mountPath: /b}
          - {name: c, mountPath: /c}
          - {name: d, mountPath: /d}
    volumes:
      - name: a
        secret: {secretName: s, defaultMode: "0644", optional: yes}
      - name: b
        persistentVolumeClaim: my-claim
      - name: c
        emptyDir: {sizeLimit: true}
      - name: d
        image: {reference: "example.com/data:1", pullPolicy: always}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports wrong types and values on the exact node in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.containers[0].volumeMounts[0].readOnly`,
        `${w.path}.volumes[0].secret.defaultMode`,
        `${w.path}.volumes[1].persistentVolumeClaim`,
        `${w.path}.volumes[2].emptyDir.sizeLimit`,
        `${w.path}.volumes[3].image.pullPolicy`,
      ]);
      assert.equal(textAt(w.text, d[1]), '"0644"');
      assert.match(d[1].message, /must be an integer.*Remove the quotes: unquoted, 0644 is read as octal \(420\)/);
      assert.match(d[2].message, /must be a map, not the string "my-claim"/);
      assert.deepEqual(d[4].data?.allowed, ['Always', 'Never', 'IfNotPresent']);
      // A value outside its set is a validation error: a StatefulSet is accepted and its pods fail.
      assert.match(d[4].message, rejectionPattern(w.kind));
      // Root cause only: the other rules stay quiet on these nodes.
      assert.deepEqual(found(w.text).filter((f) => /missing-source-field|invalid-size-limit|invalid-file-mode/.test(f)), []);
    });
  }

  it('reads YAML 1.1 as Kubernetes does: yes is a boolean, so a name "y" is not a string', () => {
    const w = inEveryWorkload('containers: [{name: a, image: nginx, volumeMounts: [{name: v, mountPath: /v}]}]\nvolumes: [{name: v, configMap: {name: y}}]')[0];
    assert.deepEqual(foundBy(RULE, w.text).map((d) => d.fieldPath), ['spec.volumes[0].configMap.name']);
  });

  it('checks the types of a trust bundle\'s labelSelector: a label value YAML reads as a boolean cannot be decoded', () => {
    const w = inEveryWorkload('containers: [{name: a, image: nginx, volumeMounts: [{name: v, mountPath: /v}]}]\nvolumes: [{name: v, projected: {sources: [{clusterTrustBundle: {signerName: example.com/s, path: ca.pem, labelSelector: {matchLabels: {trust: yes, team: "a"}, matchExpressions: [{key: tier, operator: In, values: [gold]}]}}}]}}]')[0];
    assert.deepEqual(foundBy(RULE, w.text).map((d) => d.fieldPath), ['spec.volumes[0].projected.sources[0].clusterTrustBundle.labelSelector.matchLabels.trust']);
  });

  it('says what YAML 1.1 made of an unquoted name, and quotes it', () => {
    const text = inEveryWorkload('containers: [{name: a, image: nginx, volumeMounts: [{name: no, mountPath: /n}, {name: s, mountPath: /s}]}]\nvolumes: [{name: no, emptyDir: {}}, {name: s, secret: {secretName: 0123}}]')[0].text;
    const found = foundBy(RULE, text);
    // The volume's own name is invalid-volume-name's, which says the same.
    assert.deepEqual(found.map((d) => d.fieldPath), ['spec.containers[0].volumeMounts[0].name', 'spec.volumes[1].secret.secretName']);
    assert.match(found[0].message, /must be a string, not boolean false\. Unquoted, no is read that way \(YAML 1\.1, as Kubernetes reads it\): write "no"\./);
    assert.match(found[1].message, /not number 83\. Unquoted, 0123 is read that way/);
    assert.deepEqual(found.map((d) => d.data?.quote), ['no', '0123']);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
