import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asSecondDocument, foundBy, inEveryWorkload, lint, statefulSet, textAt } from '../helpers';

const RULE = 'claim-template-shadows-volume';

describe(RULE, () => {
  const TEXT = statefulSet('[{name: data, emptyDir: {}}, {name: tmp, emptyDir: {}}]', '[{name: data, mountPath: /var/lib/postgresql/data}, {name: tmp, mountPath: /tmp}]', ['data']);

  it('warns on the template volume a claim template replaces', () => {
    const d = foundBy(RULE, TEXT);
    assert.deepEqual(d.map((x) => x.fieldPath), ['spec.template.spec.volumes[0].name']);
    assert.equal(textAt(TEXT, d[0]), 'data');
    assert.match(d[0].message, /replaces it with the claim/);
  });

  it('is about StatefulSets only', () => {
    for (const w of inEveryWorkload('containers: [{name: a, image: nginx, volumeMounts: [{name: data, mountPath: /d}]}]\nvolumes: [{name: data, emptyDir: {}}]')) {
      assert.deepEqual(foundBy(RULE, w.text), [], w.kind);
    }
  });

  it('reports in the right document', () => {
    assert.deepEqual(lint(asSecondDocument(TEXT)).filter((d) => d.rule === RULE).map((d) => d.document), [1]);
  });
});
