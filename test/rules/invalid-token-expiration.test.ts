import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-token-expiration';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: token, mountPath: /var/run/token}]
    volumes:
      - name: token
        projected:
          sources:
            - serviceAccountToken: {path: short, expirationSeconds: 300}
            - serviceAccountToken: {path: ok, expirationSeconds: 600}
            - serviceAccountToken: {path: long, expirationSeconds: 4294967297}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports expiry below ten minutes or above 2^32 seconds in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      const s = `${w.path}.volumes[0].projected.sources`;
      assert.deepEqual(d.map((x) => x.fieldPath), [`${s}[0].serviceAccountToken.expirationSeconds`, `${s}[2].serviceAccountToken.expirationSeconds`]);
      assert.equal(textAt(w.text, d[0]), '300');
      assert.deepEqual(d[0].data?.suggestions, [3600]);
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
