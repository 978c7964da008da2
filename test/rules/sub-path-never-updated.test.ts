import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'sub-path-never-updated';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: conf, mountPath: /etc/app/app.conf, subPath: app.conf}
          - {name: tls, mountPath: /etc/tls/tls.crt, subPathExpr: "$(POD)/tls.crt"}
          - {name: conf, mountPath: /etc/app-dir}
          - {name: data, mountPath: /data, subPath: app}
    volumes:
      - {name: conf, configMap: {name: app}}
      - {name: tls, projected: {sources: [{secret: {name: tls}}]}}
      - {name: data, emptyDir: {}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on subPath mounts of configMap, secret, projected and downwardAPI volumes in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.containers[0].volumeMounts[0].subPath`,
        `${w.path}.containers[0].volumeMounts[1].subPathExpr`,
      ]);
      assert.equal(textAt(w.text, d[0]), 'app.conf');
      assert.equal(d[0].severity, 'warning');
      assert.match(d[0].message, /never reach it/);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
