import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'ignored-service-account-pull-secrets';

const ACCOUNT = yaml`
  apiVersion: v1
  kind: ServiceAccount
  metadata: {name: builder}
  imagePullSecrets: [{name: ecr}, {name: ghcr}]
`;

describe(RULE, () => {
  const POD = yaml`
    serviceAccountName: builder
    imagePullSecrets: [{name: ghcr}]
    containers:
      - {name: app, image: nginx}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`notes the ServiceAccount's pull secrets the pod does not get in a ${w.kind}`, () => {
      const text = `${ACCOUNT}---\n${w.text}`;
      const d = foundBy(RULE, text);
      assert.deepEqual(d.map((x) => `${x.document} ${x.fieldPath}`), [`1 ${w.path}.imagePullSecrets`]);
      assert.equal(textAt(text, d[0]), 'imagePullSecrets');
      assert.deepEqual(d[0].data?.missing, ['ecr']);
      assert.match(d[0].message, /does not get "ecr" from its ServiceAccount "builder"/);
      assert.equal(d[0].severity, 'info');
    });
  }

  it('points at the ServiceAccount, in its own document', () => {
    const text = `${inEveryWorkload(POD)[0].text}\n---\n${ACCOUNT}`;
    const [d] = foundBy(RULE, text);
    assert.equal(d.document, 0);
    assert.equal(d.related?.length, 1);
  });

  it('is quiet when the pod lists them all, lists none, or runs as another account', () => {
    const cases = [
      POD.replace('[{name: ghcr}]', '[{name: ghcr}, {name: ecr}]'),
      POD.replace('imagePullSecrets: [{name: ghcr}]\n', ''),
      POD.replace('builder', 'deployer'),
    ];
    for (const podSpec of cases) {
      assert.deepEqual(found(`${ACCOUNT}---\n${inEveryWorkload(podSpec)[0].text}`).filter((f) => f.startsWith(RULE)), [], podSpec);
    }
  });

  it('is quiet when the ServiceAccount is in another namespace', () => {
    const text = `${ACCOUNT.replace('{name: builder}', '{name: builder, namespace: ci}')}---\n${inEveryWorkload(POD)[0].text.replace('name: x', 'name: x\n  namespace: prod')}`;
    assert.deepEqual(found(text).filter((f) => f.startsWith(RULE)), []);
  });
});
