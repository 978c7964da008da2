import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-sub-path';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: data, mountPath: /a, subPath: /logs}
          - {name: data, mountPath: /b, subPathExpr: "$(POD)/../x"}
          - {name: data, mountPath: /c, subPath: a, subPathExpr: "$(POD)"}
          - {name: data, mountPath: /d, subPath: "a/..b"}
    ephemeralContainers:
      - name: debug
        image: busybox
        volumeMounts:
          - {name: data, mountPath: /data, subPath: logs}
    volumes:
      - {name: data, emptyDir: {}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports absolute and '..' sub-paths, both set, and ephemeral containers in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.containers[0].volumeMounts[0].subPath`,
        `${w.path}.containers[0].volumeMounts[1].subPathExpr`,
        `${w.path}.containers[0].volumeMounts[2].subPathExpr`,
        `${w.path}.ephemeralContainers[0].volumeMounts[0].subPath`,
      ]);
      assert.equal(textAt(w.text, d[0]), '/logs');
      // The API server's path without the mount's index, as it prints it, from the object's root.
      assert.ok(d[0].message.includes(`${w.path}.containers[0].volumeMounts.subPath: Invalid value: must be a relative path`), d[0].message);
      assert.match(d[2].message, /mutually exclusive/);
      assert.match(d[3].message, /Ephemeral containers cannot use subPath/);
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
