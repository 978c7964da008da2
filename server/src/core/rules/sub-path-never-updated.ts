/**
 * A configMap, secret, projected or downwardAPI volume mounted with `subPath` (or
 * `subPathExpr`): the kubelet refreshes those volumes by swapping a symlink, and a subPath mount
 * is bound to the file that was there when the container started, so edits to the ConfigMap or
 * Secret never reach the running container. Only new pods see them.
 * https://kubernetes.io/docs/concepts/configuration/configmap/#mounted-configmaps-are-updated-automatically
 */
import { findPair, scalarRef } from '../model/yaml-nodes';
import { literalPodSpecs, podVolumeNamed } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'sub-path-never-updated';
export const PROJECTED_KINDS = new Set(['configMap', 'secret', 'projected', 'downwardAPI']);

export const subPathNeverUpdated: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.name', 'volumeMounts.name', 'volumeMounts.subPath', 'volumeMounts.subPathExpr'],
  defaultSeverity: 'warning',
  description: 'A configMap, secret, projected or downwardAPI volume is mounted with subPath, so the container never sees updates to it.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        if (container.kind === 'ephemeralContainers') continue;
        for (const mount of container.mounts) {
          const volume = podVolumeNamed(podSpec, mount.name?.value);
          const kind = volume?.sources.length === 1 ? volume.sources[0].key : undefined;
          if (!kind || !PROJECTED_KINDS.has(kind)) continue;
          for (const field of ['subPath', 'subPathExpr']) {
            const ref = scalarRef(findPair(mount.node, field)?.value);
            if (!ref || ref.value === '') continue;
            findings.push({
              rule: ID,
              message: `${kind} volume "${mount.name!.value}" is mounted with ${field}: the file is bound when the container starts, and later changes to the ${kind === 'secret' ? 'Secret' : kind === 'configMap' ? 'ConfigMap' : 'sources'} never reach it (only new pods see them). Mount the volume as a directory (select files with items), or roll the pods when it changes (e.g. a checksum annotation).`,
              fieldPath: `${mount.path}.${field}`,
              range: ref.range,
              data: { volume: mount.name!.value, source: kind, file: ref.value },
            });
          }
        }
      }
    }
    return findings;
  },
};
