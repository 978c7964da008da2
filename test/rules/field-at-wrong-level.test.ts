import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found, foundBy, textAt, yaml } from '../helpers';

const RULE = 'field-at-wrong-level';

describe(RULE, () => {
  it('reports volumes and imagePullSecrets inside a container, and says where they belong', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts: [{name: keys, mountPath: /keys}]
            volumes:
              - name: keys
                secret: {secretName: keys}
            imagePullSecrets:
              - name: regcred
    `;
    const findings = foundBy(RULE, text);
    assert.deepEqual(findings.map((d) => [d.fieldPath, textAt(text, d)]), [
      ['spec.containers[0].volumes', 'volumes'],
      ['spec.containers[0].imagePullSecrets', 'imagePullSecrets'],
    ]);
    assert.match(findings[0].message, /It belongs at spec\.volumes\./);
    // The mount of a volume declared only in the misplaced block is the same mistake: one finding.
    assert.deepEqual(foundBy('mount-without-volume', text), []);
    assert.equal(findings[0].related.length, 1);
  });

  it('reports pod fields at a Deployment spec instead of spec.template.spec', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d}
      spec:
        selector: {matchLabels: {a: b}}
        imagePullSecrets: [{name: regcred}]
        volumes: [{name: data, emptyDir: {}}]
        template:
          spec:
            containers: [{name: app, image: nginx, volumeMounts: [{name: data, mountPath: /d}]}]
    `;
    assert.deepEqual(found(text), [
      `${RULE} @ spec.imagePullSecrets`,
      `${RULE} @ spec.volumes`,
    ]);
    assert.match(foundBy(RULE, text)[1].message, /belongs at spec\.template\.spec\.volumes/);
  });

  it('reports claim templates in a StatefulSet pod template, and in a Deployment', () => {
    const sts = yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: s}
      spec:
        selector: {matchLabels: {a: b}}
        template:
          spec:
            containers: [{name: app, image: nginx, volumeMounts: [{name: cache, mountPath: /c}]}]
            volumeClaimTemplates:
              - metadata: {name: cache}
    `;
    const [d] = foundBy(RULE, sts);
    assert.equal(d.fieldPath, 'spec.template.spec.volumeClaimTemplates');
    assert.match(d.message, /belongs at spec\.volumeClaimTemplates/);
    assert.deepEqual(foundBy('mount-without-volume', sts), []);
    const deployment = sts.replace('StatefulSet', 'Deployment').replace('            volumeClaimTemplates:\n              - metadata: {name: cache}\n', '').replace('template:\n', 'volumeClaimTemplates: []\n  template:\n');
    assert.match(foundBy(RULE, deployment)[0].message, /Only a StatefulSet has volumeClaimTemplates/);
  });

  it('reports volumeMounts written at the pod spec', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumeMounts: [{name: a, mountPath: /a}]\n  containers: [{name: app, image: nginx}]\n';
    assert.deepEqual(found(text), [`${RULE} @ spec.volumeMounts`]);
  });

  it('accepts the right levels', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: s}
      spec:
        selector: {matchLabels: {a: b}}
        template:
          spec:
            imagePullSecrets: [{name: regcred}]
            containers: [{name: app, image: nginx, volumeMounts: [{name: data, mountPath: /d}]}]
        volumeClaimTemplates:
          - metadata: {name: data}
    `;
    assert.deepEqual(found(text), []);
  });
});
