import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'unsupported-downward-api-field';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: info, mountPath: /info}, {name: proj, mountPath: /proj}]
    volumes:
      - name: info
        downwardAPI:
          items:
            - {path: node, fieldRef: {fieldPath: spec.nodeName}}
            - {path: labels, fieldRef: {fieldPath: metadata.labels}}
            - {path: app, fieldRef: {fieldPath: "metadata.labels['app']"}}
            - {path: cpu, resourceFieldRef: {resource: limits.cpu}}
            - {path: both, fieldRef: {fieldPath: metadata.name}, resourceFieldRef: {containerName: app, resource: limits.cpu}}
            - {path: none}
            - {path: mem, resourceFieldRef: {containerName: app, resource: requests.memory}}
      - name: proj
        projected:
          sources:
            - downwardAPI:
                items:
                  - {path: ip, fieldRef: {fieldPath: status.podIP}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports fields volumes cannot expose and malformed items in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      const i = `${w.path}.volumes[0].downwardAPI.items`;
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${i}[0].fieldRef.fieldPath`,
        `${i}[3].resourceFieldRef.containerName`,
        `${i}[4].resourceFieldRef`,
        `${i}[5]`,
        `${w.path}.volumes[1].projected.sources[0].downwardAPI.items[0].fieldRef.fieldPath`,
      ]);
      assert.equal(textAt(w.text, d[0]), 'spec.nodeName');
      assert.match(d[0].message, /available as an environment variable/);
      assert.equal(d[0].data?.moveToEnv, true);
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
