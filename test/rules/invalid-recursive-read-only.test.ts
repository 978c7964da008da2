import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-recursive-read-only';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: v, mountPath: /a, recursiveReadOnly: enabled, readOnly: true}
          - {name: v, mountPath: /b, recursiveReadOnly: Enabled}
          - {name: v, mountPath: /c, recursiveReadOnly: IfPossible, readOnly: true, mountPropagation: HostToContainer}
          - {name: v, mountPath: /d, recursiveReadOnly: Disabled}
          - {name: v, mountPath: /e, recursiveReadOnly: IfPossible, readOnly: true, mountPropagation: None}
    volumes:
      - {name: v, hostPath: {path: /mnt}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports unknown values and unmet preconditions in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [0, 1, 2].map((i) => `${w.path}.containers[0].volumeMounts[${i}].recursiveReadOnly`));
      assert.equal(textAt(w.text, d[0]), 'enabled');
      assert.deepEqual(d[0].data?.suggestions, ['Enabled']);
      assert.match(d[1].message, /needs readOnly: true/);
      assert.match(d[2].message, /mountPropagation: HostToContainer/);
      assert.match(d[1].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
