import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'deprecated-volume-type';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: repo, mountPath: /repo}, {name: disk, mountPath: /disk}, {name: ceph, mountPath: /ceph}, {name: ok, mountPath: /ok}]
    volumes:
      - {name: repo, gitRepo: {repository: "https://example.com/repo.git"}}
      - {name: disk, awsElasticBlockStore: {volumeID: vol-123}}
      - {name: ceph, cephfs: {monitors: ["10.0.0.1:6789"]}}
      - {name: ok, persistentVolumeClaim: {claimName: ok}}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports deprecated and removed in-tree types in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [`${w.path}.volumes[0].gitRepo`, `${w.path}.volumes[1].awsElasticBlockStore`, `${w.path}.volumes[2].cephfs`]);
      assert.equal(textAt(w.text, d[0]), 'gitRepo');
      assert.match(d[0].message, /disabled by default from Kubernetes 1\.33/);
      assert.match(d[1].message, /CSI driver ebs\.csi\.aws\.com/);
      assert.match(d[2].message, /removed in Kubernetes 1\.31/);
    });
  }

  it('follows the target release', () => {
    const w = inEveryWorkload(POD)[0];
    const at = (version: string): string[] => foundBy(RULE, w.text, { kubernetesVersion: version }).map((d) => String(d.data?.type));
    assert.deepEqual(at('1.18'), ['gitRepo']);
    const [ceph] = foundBy(RULE, w.text, { kubernetesVersion: '1.29' }).filter((d) => d.data?.type === 'cephfs');
    assert.match(ceph.message, /deprecated since Kubernetes 1\.28 and stop working in 1\.31/);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
