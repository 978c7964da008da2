import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asSecondDocument, found, foundBy, lint, statefulSet, textAt } from '../helpers';

const RULE = 'unmounted-claim-template';

describe(RULE, () => {
  const TEXT = statefulSet('[]', '[{name: data, mountPath: /data}]', ['data', 'logs']);

  it('notes a claim template no container mounts', () => {
    const d = foundBy(RULE, TEXT);
    assert.deepEqual(d.map((x) => x.fieldPath), ['spec.volumeClaimTemplates[1].metadata.name']);
    assert.equal(textAt(TEXT, d[0]), 'logs');
    assert.equal(d[0].severity, 'info');
  });

  it('stays quiet when a misspelt mount meant the template (root cause only)', () => {
    const text = statefulSet('[]', '[{name: data, mountPath: /data}, {name: log, mountPath: /logs}]', ['data', 'logs']);
    assert.deepEqual(foundBy(RULE, text), []);
    assert.ok(found(text).includes('mount-without-volume @ spec.template.spec.containers[0].volumeMounts[1].name'));
  });

  it('reports in the right document', () => {
    assert.deepEqual(lint(asSecondDocument(TEXT)).filter((d) => d.rule === RULE).map((d) => d.document), [1]);
  });
});
