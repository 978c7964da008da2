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

  it('warns on every template volume of that name', () => {
    const twice = statefulSet('[{name: data, emptyDir: {}}, {name: data, configMap: {name: c}}]', '[{name: data, mountPath: /d}]', ['data']);
    assert.deepEqual(foundBy(RULE, twice).map((x) => x.fieldPath), ['spec.template.spec.volumes[0].name', 'spec.template.spec.volumes[1].name']);
  });

  it('is the only finding on a replaced volume: the pods never have it, and the API server does not validate the template', () => {
    // A placeholder volume of a real chart's kind: no claimName, two sources, a bad mode, the same name twice.
    const placeholder = statefulSet('[{name: data, persistentVolumeClaim: {claimName: ""}}, {name: data, emptyDir: {medium: Memory}, secret: {secretName: s, defaultMode: 777}}]', '[{name: data, mountPath: /var/lib/postgresql/data}]', ['data']);
    assert.deepEqual([...new Set(lint(placeholder).map((d) => d.rule))], [RULE]);
    // The same volumes without the claim template are reported as the pods would meet them.
    const unclaimed = statefulSet('[{name: data, persistentVolumeClaim: {claimName: ""}}]', '[{name: data, mountPath: /d}]', []);
    assert.deepEqual(lint(unclaimed).map((d) => d.rule), ['missing-source-field']);
  });

  it('leaves a replaced volume to the checks of decoding: a wrong type or an unknown field refuses the whole object', () => {
    // From a review: the API server decodes the StatefulSet, replaced volumes and all, before any controller drops one.
    const typed = statefulSet('[{name: data, secret: {secretName: s, defaultMode: "0400", defaultMod: 256}, emptyDir: {medium: Disk}}]', '[{name: data, mountPath: /d}]', ['data']);
    assert.deepEqual(lint(typed).map((d) => `${d.rule} @ ${d.fieldPath}`).sort(), [
      `${RULE} @ spec.template.spec.volumes[0].name`,
      'invalid-field-value @ spec.template.spec.volumes[0].secret.defaultMode',
      'unknown-field @ spec.template.spec.volumes[0].secret.defaultMod',
    ]);
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
