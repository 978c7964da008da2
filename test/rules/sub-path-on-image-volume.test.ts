import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy, inEveryWorkload, lint, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'sub-path-on-image-volume';

describe(RULE, () => {
  const POD = yaml`
    initContainers:
      - name: init
        image: busybox
        volumeMounts: [{name: models, mountPath: /seed, subPathExpr: "$(MODEL)"}]
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: models, mountPath: /models/a, subPath: a}
          - {name: models, mountPath: /models/all}
          - {name: scratch, mountPath: /scratch, subPath: s}
    volumes:
      - name: models
        image: {reference: "quay.io/example/models:1", pullPolicy: IfNotPresent}
      - {name: scratch, emptyDir: {}}
  `;
  const at = (version: string, text: string): string[] => foundBy(RULE, text, { kubernetesVersion: version }).map((d) => d.fieldPath);

  for (const w of inEveryWorkload(POD)) {
    it(`rejects subPath on image volumes before 1.33 in a ${w.kind}`, () => {
      const expected = [`${w.path}.initContainers[0].volumeMounts[0].subPathExpr`, `${w.path}.containers[0].volumeMounts[0].subPath`];
      assert.deepEqual(at('1.32', w.text), expected);
      assert.deepEqual(at('1.31', w.text), expected);
      assert.deepEqual(at('1.30', w.text), [], 'before 1.31 the image field itself is reported');
      assert.deepEqual(at('1.33', w.text), []);
      assert.deepEqual(at('1.37', w.text), []);
      const [d] = foundBy(RULE, w.text, { kubernetesVersion: '1.32' }).slice(1);
      assert.equal(textAt(w.text, d), 'a');
      assert.equal(d.severity, 'error');
      assert.match(d.message, rejectionPattern(w.kind));
      assert.match(d.message, /not allowed in image volume sources/);
    });
  }

  it('is quiet at the default target release', () => {
    assert.deepEqual(lint(inEveryWorkload(POD)[0].text).filter((d) => d.severity === 'error'), []);
  });

  it('reports in the right document', () => {
    const text = inEveryWorkload(POD)[0].text;
    const documents = foundBy(RULE, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: u}\n---\n${text}`, { kubernetesVersion: '1.32' }).map((d) => d.document);
    assert.deepEqual(documents, [1, 1]);
  });
});
