import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, lint, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-volume-name';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: My_Cache, mountPath: /cache}
          - {name: ok-1, mountPath: /ok}
    volumes:
      - name: My_Cache
        emptyDir: {}
      - name: ok-1
        emptyDir: {}
      - emptyDir: {}
      - name: ""
        emptyDir: {}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports a name that is not a DNS-1123 label, and missing names, in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].name`, `${w.path}.volumes[2].name`, `${w.path}.volumes[3].name`]);
      assert.equal(textAt(w.text, d[0]), 'My_Cache');
      assert.deepEqual(d[0].data?.suggestions, ['my-cache']);
      assert.equal(d[0].severity, 'error');
      assert.match(d[0].message, rejectionPattern(w.kind));
      // Root cause only: the mount of the invalid volume is not "not found".
      assert.deepEqual(found(w.text).filter((f) => f.startsWith('mount-without-volume')), []);
    });
  }

  it('accepts valid labels up to 63 characters and rejects 64', () => {
    const pod = (name: string): string => yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: a, image: nginx, volumeMounts: [{name: ${name}, mountPath: /x}]}]
        volumes: [{name: ${name}, emptyDir: {}}]
    `;
    assert.deepEqual(foundBy(RULE, pod('a'.repeat(63))), []);
    assert.deepEqual(foundBy(RULE, pod('0-config')), []);
    assert.equal(foundBy(RULE, pod('a'.repeat(64))).length, 1);
    assert.equal(foundBy(RULE, pod('config.d')).length, 1);
    assert.equal(foundBy(RULE, pod('-x')).length, 1);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));

  it('says a name YAML reads as a number or a boolean must be quoted, as written', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx, volumeMounts: [{name: "123", mountPath: /a}, {name: "false", mountPath: /b}]}]\n  volumes:\n  - {name: 123, emptyDir: {}}\n  - {name: no, emptyDir: {}}\n';
    const messages = lint(text).filter((d) => d.rule === 'invalid-volume-name').map((d) => d.message.split(';')[0]);
    assert.deepEqual(messages, ['The volume name 123 is read as a number, not a string', 'The volume name no is read as a boolean, not a string']);
  });
});
