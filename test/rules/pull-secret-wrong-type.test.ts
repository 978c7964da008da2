import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy, textAt, yaml } from '../helpers';

const RULE = 'pull-secret-wrong-type';

describe(RULE, () => {
  const file = (type: string, other: string): string =>
    `apiVersion: v1\nkind: Secret\nmetadata: {name: regcred, namespace: team-a}\n${type}\ndata:\n  .dockerconfigjson: e30=\n---\n${other}`;
  const deployment = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: d, namespace: team-a}
    spec:
      selector: {matchLabels: {app: d}}
      template:
        spec:
          imagePullSecrets: [{name: regcred}]
          containers: [{name: a, image: registry.example.com/a:1}]
  `;

  it('warns at the type of an Opaque Secret used as a pull secret, pointing at the use', () => {
    const text = file('type: Opaque', deployment);
    const [d] = foundBy(RULE, text);
    assert.equal(d.document, 0);
    assert.equal(d.fieldPath, 'type');
    assert.equal(textAt(text, d), 'Opaque');
    assert.equal(d.severity, 'warning');
    assert.equal(d.related.length, 1);
    assert.deepEqual(d.data?.suggestions, ['kubernetes.io/dockerconfigjson']);
  });

  it('warns when the type is missing (Opaque by default), on the Secret name', () => {
    const text = file('', deployment);
    const [d] = foundBy(RULE, text);
    assert.equal(textAt(text, d), 'regcred');
    assert.match(d.message, /no type given/);
  });

  it('counts a ServiceAccount that lists the Secret', () => {
    const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder, namespace: team-a}\nimagePullSecrets: [{name: regcred}]';
    assert.equal(foundBy(RULE, file('type: Opaque', sa)).length, 1);
  });

  it('stays silent for the right type, unused Secrets and other namespaces', () => {
    assert.deepEqual(foundBy(RULE, file('type: kubernetes.io/dockerconfigjson', deployment)), []);
    assert.deepEqual(foundBy(RULE, file('type: Opaque', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}')), []);
    assert.deepEqual(foundBy(RULE, file('type: Opaque', deployment.replace(/team-a/g, 'team-b'))), []);
  });
});
