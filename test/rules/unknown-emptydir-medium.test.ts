import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'unknown-emptydir-medium';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: d, mountPath: /d}, {name: e, mountPath: /e}]
    volumes:
      - {name: a, emptyDir: {medium: memory}}
      - {name: b, emptyDir: {medium: tmpfs}}
      - {name: c, emptyDir: {medium: Memory, sizeLimit: 1Gi}}
      - {name: d, emptyDir: {medium: HugePages-2Mi}}
      - {name: e, emptyDir: {medium: ""}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on media the kubelet does not know in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].emptyDir.medium`, `${w.path}.volumes[1].emptyDir.medium`]);
      assert.equal(textAt(w.text, d[0]), 'memory');
      assert.deepEqual(d[1].data?.suggestions, ['Memory']);
      assert.match(d[0].message, /never starts/);
      assert.deepEqual(found(w.text).filter((f) => f.startsWith('memory-emptydir')), []);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
