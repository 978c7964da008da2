import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asSecondDocument, foundBy, lint, textAt, yaml } from '../helpers';

const RULE = 'credentials-in-configmap';

describe(RULE, () => {
  const CONFIG_MAP = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: app}
    data:
      tls.key: |
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIB
        -----END EC PRIVATE KEY-----
      kubeconfig: |
        apiVersion: v1
        kind: Config
        users:
        - name: admin
          user:
            client-key-data: TFMwdExT
      db_password: hunter2
      api_token: "\${API_TOKEN}"
      app.properties: |
        password.min-length=12
      log_level: debug
  `;

  it('warns on private keys, kubeconfig client keys and literal passwords, on the key', () => {
    const d = foundBy(RULE, CONFIG_MAP);
    assert.deepEqual(d.map((x) => x.fieldPath), ['data[tls.key]', 'data[kubeconfig]', 'data[db_password]']);
    assert.equal(textAt(CONFIG_MAP, d[0]), 'tls.key');
    assert.match(d[1].message, /client key/);
    assert.equal(d[0].severity, 'warning');
  });

  it('leaves Secrets and placeholders alone', () => {
    assert.deepEqual(foundBy(RULE, CONFIG_MAP.replace('kind: ConfigMap', 'kind: Secret').replace('data:', 'stringData:')), []);
  });

  it('reports in the right document', () => {
    assert.deepEqual(lint(asSecondDocument(CONFIG_MAP)).filter((d) => d.rule === RULE).map((d) => d.document), [1, 1, 1]);
  });
});
