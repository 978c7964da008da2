import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'projected-token-path-clash';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: id, mountPath: /id}, {name: twice, mountPath: /twice}, {name: ok, mountPath: /ok}]
    volumes:
      - name: id
        projected:
          sources:
            - configMap: {name: ca, items: [{key: ca.crt, path: token}]}
            - serviceAccountToken: {audience: vault, path: token}
      - name: twice
        projected:
          sources:
            - serviceAccountToken: {audience: a, path: t}
            - serviceAccountToken: {audience: b, path: t}
      - name: ok
        projected:
          sources:
            - configMap: {name: ca, items: [{key: ca.crt, path: ca.crt}]}
            - serviceAccountToken: {path: token}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports a token path another source also writes, in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.volumes[0].projected.sources[1].serviceAccountToken.path`,
        `${w.path}.volumes[1].projected.sources[1].serviceAccountToken.path`,
      ]);
      assert.equal(textAt(w.text, d[0]), 'token');
      assert.equal(d[0].severity, 'warning');
      assert.equal(d[0].related.length, 1);
      assert.match(d[0].message, /written by both a configMap source and this serviceAccountToken source/);
    });
  }

  it('leaves a clash of two non-token sources to projected-source-conflict (the API server rejects it)', () => {
    const text = inEveryWorkload(POD.replace('serviceAccountToken: {audience: vault, path: token}', 'secret: {name: s, items: [{key: k, path: token}]}'))[0].text;
    const rules = found(text);
    assert.ok(rules.some((f) => f.startsWith('projected-source-conflict')));
    assert.equal(foundBy(RULE, text).filter((d) => d.fieldPath.includes('volumes[0]')).length, 0);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
