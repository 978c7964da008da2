import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'unknown-field';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: a, mountPath: /a, readonly: true}
          - {name: b, mountPath: /b}
          - {name: c, mountPath: /c, $patch: replace}
    volumes:
      - name: a
        configMap: {name: a, items: [{key: k, path: p, mod: 0400}]}
      - name: b
        projected: {sources: [{configMap: {name: y, itmes: []}}]}
      - name: c
        emptyDir: {medium: Memory, sizeLimit: 1Gi, mode: 01777}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports unknown keys in sources and mounts with the nearest real key in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.containers[0].volumeMounts[0].readonly`,
        `${w.path}.volumes[0].configMap.items[0].mod`,
        `${w.path}.volumes[1].projected.sources[0].configMap.itmes`,
      ]);
      assert.equal(textAt(w.text, d[1]), 'mod');
      assert.deepEqual(d[1].data?.suggestions, ['mode']);
      assert.match(d[0].message, /Did you mean "readOnly"\?/);
    });
  }

  it('leaves a key written instead of a missing required field to the required-field rules', () => {
    const w = inEveryWorkload(yaml`
      containers: [{name: a, image: nginx, volumeMounts: [{name: s, mountpath: /s}]}]
      volumes: [{name: s, secret: {name: tls}}, {name: t, secret: {secretname: tls}}]
    `)[0];
    assert.deepEqual(foundBy(RULE, w.text), []);
    assert.deepEqual(found(w.text).filter((f) => f.startsWith('missing-')), [
      'missing-mount-field @ spec.containers[0].volumeMounts[0].mountPath',
      'missing-source-field @ spec.volumes[0].secret.secretName',
      'missing-source-field @ spec.volumes[1].secret.secretName',
    ]);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
