import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseSettings } from '../../server/src/core/settings';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'newer-than-target-version';

describe(RULE, () => {
  const POD = yaml`
    initContainers:
      - {name: proxy, image: envoy, restartPolicy: Always}
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: models, mountPath: /models, readOnly: true, recursiveReadOnly: IfPossible}
          - {name: tmp, mountPath: /tmp}
    volumes:
      - name: models
        image: {reference: "quay.io/example/models:1", pullPolicy: IfNotPresent}
      - name: tmp
        emptyDir: {mode: 01777}
  `;
  const at = (version: string, text: string): string[] => foundBy(RULE, text, { kubernetesVersion: version }).map((d) => d.fieldPath);

  for (const w of inEveryWorkload(POD)) {
    it(`reports fields by the target release in a ${w.kind}`, () => {
      const p = w.path;
      assert.deepEqual(at('1.27', w.text), [`${p}.initContainers[0].restartPolicy`, `${p}.containers[0].volumeMounts[0].recursiveReadOnly`, `${p}.volumes[0].image`, `${p}.volumes[1].emptyDir.mode`]);
      assert.deepEqual(at('1.30', w.text), [`${p}.containers[0].volumeMounts[0].recursiveReadOnly`, `${p}.volumes[0].image`, `${p}.volumes[1].emptyDir.mode`]);
      assert.deepEqual(at('1.34', w.text), [`${p}.volumes[0].image`, `${p}.volumes[1].emptyDir.mode`]);
      assert.deepEqual(at('1.37', w.text), [`${p}.volumes[1].emptyDir.mode`]);
    });
  }

  it('says whether the field is unknown or behind a gate, on the key', () => {
    const w = inEveryWorkload(POD)[0];
    const [old] = foundBy(RULE, w.text, { kubernetesVersion: '1.27' });
    assert.equal(textAt(w.text, old), 'restartPolicy');
    assert.match(old.message, /arrived in Kubernetes 1\.28; the target 1\.27 does not know the field/);
    const [gated] = foundBy(RULE, w.text, { kubernetesVersion: '1.33' }).filter((d) => d.data?.gate === 'ImageVolume');
    assert.equal(gated.message, 'Image volumes: in Kubernetes 1.33 this needs the ImageVolume feature gate, off by default until 1.35; where it is off, the API server silently drops the field. Without the field, the volume has no source, and the API server rejects the pod.');
    assert.equal(old.message, 'Sidecar containers (restartPolicy: Always on an init container) arrived in Kubernetes 1.28; the target 1.27 does not know the field, so kubectl rejects it as unknown, and tools that drop unknown fields apply the rest. Without the field, the container runs as an ordinary init container, and a long-running one keeps the pod from starting.');
  });

  it('defaults to the newest stable release and ignores a malformed setting', () => {
    assert.equal(normaliseSettings({}).kubernetesVersion, '1.37');
    assert.equal(normaliseSettings({ kubernetesVersion: 'v1.29.3' }).kubernetesVersion, 'v1.29.3');
    assert.equal(normaliseSettings({ kubernetesVersion: 'latest' }).kubernetesVersion, '1.37');
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
