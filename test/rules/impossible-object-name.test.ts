import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'impossible-object-name';

describe(RULE, () => {
  const POD = yaml`
    imagePullSecrets: [{name: Reg_Cred}, {name: regcred}]
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: d, mountPath: /d}, {name: e, mountPath: /e}]
    volumes:
      - {name: a, persistentVolumeClaim: {claimName: Data}}
      - {name: b, secret: {secretName: tls_cert}}
      - {name: c, configMap: {name: app.config}}
      - {name: d, projected: {sources: [{secret: {name: Token}}, {configMap: {name: "\${CONFIG}"}}]}}
      - {name: e, configMap: {name: "-config"}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on names no object can have in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      const p = w.path;
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${p}.imagePullSecrets[0].name`,
        `${p}.volumes[0].persistentVolumeClaim.claimName`,
        `${p}.volumes[1].secret.secretName`,
        `${p}.volumes[3].projected.sources[0].secret.name`,
        `${p}.volumes[4].configMap.name`,
      ]);
      assert.equal(textAt(w.text, d[2]), 'tls_cert');
      assert.deepEqual(d.map((x) => x.data?.suggestions), [['reg-cred'], ['data'], ['tls-cert'], ['token'], ['config']]);
      assert.match(d[1].message, /cannot be the name of a PersistentVolumeClaim.*stays Pending/);
      assert.match(d[0].message, /FailedToRetrieveImagePullSecret/);
      assert.ok(d.every((x) => x.severity === 'warning'));
    });
  }

  it('leaves empty names to the required-field rules', () => {
    const text = inEveryWorkload(yaml`
      containers: [{name: app, image: nginx, volumeMounts: [{name: a, mountPath: /a}]}]
      volumes: [{name: a, secret: {secretName: ""}}]
    `)[0].text;
    assert.deepEqual(found(text), ['missing-source-field @ spec.volumes[0].secret.secretName']);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
