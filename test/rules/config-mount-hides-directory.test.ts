import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'config-mount-hides-directory';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: node:22
        volumeMounts:
          - {name: conf, mountPath: /root}
          - {name: keys, mountPath: /home/node/}
          - {name: conf, mountPath: /etc/app}
          - {name: conf, mountPath: /etc, subPath: app.conf}
          - {name: data, mountPath: /var}
    volumes:
      - name: conf
        configMap: {name: app, items: [{key: config.json, path: config.json}]}
      - {name: keys, secret: {secretName: keys}}
      - {name: data, emptyDir: {}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on config volumes mounted over home and system directories in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.containers[0].volumeMounts[0].mountPath`, `${w.path}.containers[0].volumeMounts[1].mountPath`]);
      assert.equal(textAt(w.text, d[0]), '/root');
      assert.deepEqual(d[0].data?.suggestion, { mountPath: '/root/config.json', subPath: 'config.json' });
      assert.equal(d[1].data?.suggestion, null);
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
