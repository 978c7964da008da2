/**
 * `readOnly: false` on a mount of a configMap, secret, downwardAPI or projected volume: these
 * volumes are always mounted read-only, so the flag changes nothing, and it suggests the
 * container can write there. It cannot (EROFS).
 * https://kubernetes.io/docs/concepts/storage/volumes/#configmap
 */
import { isScalar } from 'yaml';
import { findPair, keyRange } from '../model/yaml-nodes';
import { literalPodSpecs, podVolumeNamed } from './scope';
import { PROJECTED_KINDS } from './sub-path-never-updated';
import type { DocumentRule, Finding } from './types';

const ID = 'read-only-false-no-effect';

export const readOnlyFalseNoEffect: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.name', 'volumeMounts.name', 'volumeMounts.readOnly', 'volumeMounts.mountPath'],
  defaultSeverity: 'info',
  description: 'readOnly: false on a configMap, secret, downwardAPI or projected mount has no effect: those volumes are always read-only.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        for (const mount of container.mounts) {
          const pair = findPair(mount.node, 'readOnly');
          const volume = podVolumeNamed(podSpec, mount.name?.value);
          const kind = volume?.sources.length === 1 ? volume.sources[0].key : undefined;
          if (!pair || !isScalar(pair.value) || pair.value.value !== false || !kind || !PROJECTED_KINDS.has(kind)) continue;
          findings.push({
            rule: ID,
            message: `readOnly: false has no effect here: ${kind} volumes are always mounted read-only, and the container cannot write to ${mount.target?.value ?? 'the mount'}. Remove the flag; copy the files to an emptyDir (init container) if they must be writable.`,
            fieldPath: `${mount.path}.readOnly`,
            range: keyRange(pair)!,
            unnecessary: true,
            data: { remove: true, source: kind },
          });
        }
      }
    }
    return findings;
  },
};
