/**
 * Two volumes of one pod spec that use the same PersistentVolumeClaim. The API server accepts
 * it, but the kubelet sets the claim's volume up once and waits for the second forever: the
 * pod stays in ContainerCreating ("unmounted volumes=[...]: timed out waiting for the
 * condition"). Mount one volume twice, with subPath, instead.
 * https://kubernetes.io/docs/concepts/storage/volumes/#using-subpath
 */
import { asMap, findPair, scalarRef, ScalarRef } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'duplicate-claim-volume';

export const duplicateClaimVolume: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['persistentVolumeClaim.claimName', 'volumes.name'],
  defaultSeverity: 'warning',
  description: 'Two volumes of one pod use the same PersistentVolumeClaim; the pod gets stuck in ContainerCreating.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      const first = new Map<string, { volume: string; claim: ScalarRef }>();
      for (const volume of podSpec.podVolumes) {
        const source = volume.sources.length === 1 && volume.sources[0].key === 'persistentVolumeClaim' ? volume.sources[0] : undefined;
        const claim = source && scalarRef(findPair(asMap(source.pair.value), 'claimName')?.value);
        if (!claim || claim.value === '') continue;
        const earlier = first.get(claim.value);
        if (!earlier) {
          first.set(claim.value, { volume: volume.name?.value ?? volume.path, claim });
          continue;
        }
        findings.push({
          rule: ID,
          message: `Claim "${claim.value}" is already used by volume "${earlier.volume}": with two volumes on one claim, the kubelet waits for the second mount forever and the pod stays in ContainerCreating. Keep one volume and mount it twice, with subPath for the parts.`,
          fieldPath: `${volume.path}.persistentVolumeClaim.claimName`,
          range: claim.range,
          related: [{ message: `"${claim.value}" first used here`, range: earlier.claim.range }],
          data: { claim: claim.value, keep: earlier.volume },
        });
      }
    }
    return findings;
  },
};
