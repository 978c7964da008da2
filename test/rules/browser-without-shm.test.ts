import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'browser-without-shm';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - {name: chrome, image: "registry.example.com/team/chrome-screenshot:3.2"}
      - {name: ff, image: "selenium/standalone-firefox:4.21", volumeMounts: [{name: dshm, mountPath: /dev/shm}]}
      - {name: pw, image: "mcr.microsoft.com/playwright:v1.47.0"}
      - {name: hub, image: "selenium/hub:4.21"}
      - {name: web, image: "nginx:1.27"}
      - {name: chromey, image: "example.com/chromey:1"}
    volumes:
      - {name: dshm, emptyDir: {medium: Memory, sizeLimit: 1Gi}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`notes browser images without a /dev/shm mount in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.containers[0]`, `${w.path}.containers[2]`]);
      assert.equal(textAt(w.text, d[0]), '"registry.example.com/team/chrome-screenshot:3.2"');
      assert.equal(d[0].severity, 'info');
    });
  }

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
