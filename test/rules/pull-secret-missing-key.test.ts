import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asSecondDocument, foundBy, lint, textAt, yaml } from '../helpers';

const RULE = 'pull-secret-missing-key';

describe(RULE, () => {
  const secret = (type: string, key: string, field = 'data'): string => yaml`
    apiVersion: v1
    kind: Secret
    metadata: {name: regcred}
    type: ${type}
    ${field}:
      ${key}: e30=
  `;

  it('reports a dockercfg Secret holding .dockerconfigjson, and offers the matching type', () => {
    const text = secret('kubernetes.io/dockercfg', '.dockerconfigjson');
    const [d] = foundBy(RULE, text);
    assert.equal(d.fieldPath, 'type');
    assert.equal(d.severity, 'error');
    assert.equal(textAt(text, d), 'kubernetes.io/dockercfg');
    assert.deepEqual(d.data?.suggestions, ['kubernetes.io/dockerconfigjson']);
    assert.match(d.message, /data\[\.dockercfg\]: Required value/);
  });

  it('reports a dockerconfigjson Secret without its key', () => {
    assert.equal(foundBy(RULE, secret('kubernetes.io/dockerconfigjson', 'config.json')).length, 1);
  });

  it('accepts the right key in data or stringData, and other Secret types', () => {
    assert.deepEqual(foundBy(RULE, secret('kubernetes.io/dockerconfigjson', '.dockerconfigjson')), []);
    assert.deepEqual(foundBy(RULE, secret('kubernetes.io/dockercfg', '.dockercfg', 'stringData')), []);
    assert.deepEqual(foundBy(RULE, secret('Opaque', 'anything')), []);
  });

  it('reports in the right document, and inside a List', () => {
    const text = asSecondDocument(secret('kubernetes.io/dockercfg', '.dockerconfigjson'));
    assert.deepEqual(foundBy(RULE, text).map((d) => d.document), [1]);
    const list = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Secret
          metadata: {name: r}
          type: kubernetes.io/dockerconfigjson
          data: {other: e30=}
    `;
    assert.deepEqual(foundBy(RULE, list).map((d) => d.fieldPath), ['items[0].type']);
    assert.ok(lint(list).length >= 1);
  });
});
