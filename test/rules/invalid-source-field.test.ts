import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-source-field';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: d, mountPath: /d}, {name: e, mountPath: /e}]
    volumes:
      - {name: a, nfs: {server: nfs.local, path: exports/data}}
      - {name: b, csi: {driver: Secrets_Store, nodePublishSecretRef: {}}}
      - name: c
        projected:
          sources:
            - clusterTrustBundle: {name: ca, signerName: example.com/signer, path: a.pem}
            - clusterTrustBundle: {path: b.pem}
      - name: d
        ephemeral:
          volumeClaimTemplate:
            metadata: {name: scratch, labels: {app: x}}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      - {name: e, csi: {driver: secrets-store.csi.k8s.io}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports source values the API server rejects in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      const v = `${w.path}.volumes`;
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${v}[0].nfs.path`,
        `${v}[1].csi.driver`,
        `${v}[1].csi.nodePublishSecretRef.name`,
        `${v}[2].projected.sources[0].clusterTrustBundle`,
        `${v}[2].projected.sources[1].clusterTrustBundle`,
        `${v}[3].ephemeral.volumeClaimTemplate.metadata.name`,
      ]);
      assert.equal(textAt(w.text, d[0]), 'exports/data');
      assert.match(d[0].message, rejectionPattern(w.kind));
    });
  }

  it('checks what only a Pod can know: image references and the ephemeral volume\'s generated claim', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: a, image: nginx, volumeMounts: [{name: scratch, mountPath: /s}, {name: again, mountPath: /t}, {name: img, mountPath: /i}]}]
        volumes:
          - name: scratch
            ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}}
          - {name: again, persistentVolumeClaim: {claimName: web-scratch}}
          - {name: img, image: {pullPolicy: IfNotPresent}}
    `;
    assert.deepEqual(foundBy(RULE, text).map((d) => d.fieldPath), ['spec.volumes[1].persistentVolumeClaim.claimName', 'spec.volumes[2].image.reference']);
  });

  describe('an ephemeral volume\'s claim spec, as ValidatePersistentVolumeClaimSpec reads it', () => {
    const claim = (spec: string): string => inEveryWorkload(`containers: [{name: app, image: nginx, volumeMounts: [{name: s, mountPath: /s}]}]\nvolumes:\n  - name: s\n    ephemeral:\n      volumeClaimTemplate:\n${spec}`)[0].text;
    const problems = (spec: string): string[] => foundBy(RULE, claim(spec)).map((d) => `${d.fieldPath.replace('spec.volumes[0].ephemeral.volumeClaimTemplate.', '')} @ ${textAt(claim(spec), d)}`);

    it('accepts a whole claim, quantities in every form included', () => {
      for (const storage of ['1Gi', '500M', '1e9', '"10Gi"', '0.5Gi']) {
        assert.deepEqual(problems(`        spec: {accessModes: [ReadWriteOncePod], volumeMode: Block, storageClassName: fast-ssd.example, resources: {requests: {storage: ${storage}}}}\n`), [], storage);
      }
      assert.deepEqual(problems('        spec: {accessModes: [ReadWriteOnce, ReadOnlyMany], storageClassName: "", resources: {requests: {storage: 1Gi}}}\n'), []);
    });

    it('needs an access mode and a size, and says so at the nearest key', () => {
      assert.deepEqual(problems('        spec: {resources: {requests: {storage: 1Gi}}}\n'), ['spec.accessModes @ spec']);
      assert.deepEqual(problems('        spec: {accessModes: [], resources: {requests: {storage: 1Gi}}}\n'), ['spec.accessModes @ accessModes']);
      assert.deepEqual(problems('        spec: {accessModes: [ReadWriteOnce], resources: {limits: {storage: 1Gi}}}\n'), ['spec.resources[storage] @ resources']);
      assert.deepEqual(problems('        spec: {accessModes: [ReadWriteOnce], resources: {requests: {}}}\n'), ['spec.resources[storage] @ requests']);
      assert.deepEqual(problems('        metadata: {labels: {a: b}}\n'), ['spec.accessModes @ volumeClaimTemplate', 'spec.resources[storage] @ volumeClaimTemplate']);
    });

    it('refuses unknown modes, ReadWriteOncePod with another mode, a size of zero or less, and a bad class name', () => {
      assert.deepEqual(problems('        spec: {accessModes: [ReadWriteOne, ReadWriteOncePod, ReadWriteMany], volumeMode: block, storageClassName: Fast_SSD, resources: {requests: {storage: 0Gi}}}\n'), [
        'spec.accessModes @ ReadWriteOne',
        'spec.accessModes @ ReadWriteOncePod',
        'spec.volumeMode @ block',
        'spec.storageClassName @ Fast_SSD',
        'spec.resources[storage] @ 0Gi',
      ]);
      assert.deepEqual(problems('        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: -1Gi}}}\n'), ['spec.resources[storage] @ -1Gi']);
      // Not a quantity at all cannot be decoded: not this check's to say.
      assert.deepEqual(problems('        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1GB}}}\n'), []);
    });
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
