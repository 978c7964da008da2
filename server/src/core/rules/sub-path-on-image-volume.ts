/**
 * `subPath` or `subPathExpr` on a mount of an image volume, for a target release before 1.33:
 * image volumes (1.31, alpha) could only be mounted whole until 1.33, and the API server rejects
 * the pod ("not allowed in image volume sources"). Before 1.31 the image field itself is the
 * problem (newer-than-target-version); from 1.33 subPath is allowed.
 * https://kubernetes.io/docs/tasks/configure-pod-container/image-volumes/
 */
import { targetMinor } from '../kubernetes-version';
import { findPair, scalarRef } from '../model/yaml-nodes';
import { CONTAINER_NAMES } from './fields';
import { rejection } from './consequence';
import { describeContainer, literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { soleSource } from './volume-fields';

const ID = 'sub-path-on-image-volume';
const IMAGE_VOLUMES_ADDED = 31;
const SUB_PATH_ALLOWED = 33;

export const subPathOnImageVolume: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...CONTAINER_NAMES, 'volumes.name', 'volumeMounts.name', 'volumeMounts.subPath', 'volumeMounts.subPathExpr'],
  defaultSeverity: 'error',
  description: 'An image volume is mounted with subPath or subPathExpr, which the target release rejects (allowed from Kubernetes 1.33).',
  check(document, options) {
    const target = targetMinor(options.kubernetesVersion);
    if (target < IMAGE_VOLUMES_ADDED || target >= SUB_PATH_ALLOWED) return [];
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      const images = new Set(podSpec.podVolumes.filter((v) => soleSource(v)?.key === 'image' && v.name).map((v) => v.name!.value));
      for (const container of podSpec.containers) {
        // An ephemeral container may not use subPath at all: invalid-sub-path says so.
        if (container.kind === 'ephemeralContainers') continue;
        for (const mount of container.mounts) {
          if (!mount.name || !images.has(mount.name.value)) continue;
          for (const field of ['subPath', 'subPathExpr']) {
            const ref = scalarRef(findPair(mount.node, field)?.value);
            if (!ref || ref.value === '') continue;
            const path = `${mount.path}.${field}`;
            findings.push({
              rule: ID,
              message: `${describeContainer(container)} mounts image volume "${mount.name.value}" with ${field}; before Kubernetes 1.33 (target 1.${target}) an image volume can only be mounted whole. Mount it without ${field}, or target 1.33 or later. ${rejection(podSpec, `${path}: Invalid value: "${ref.value}": not allowed in image volume sources`)}`,
              fieldPath: path,
              range: ref.range,
              data: { volume: mount.name.value, field, target: `1.${target}`, allowedFrom: `1.${SUB_PATH_ALLOWED}` },
            });
          }
        }
      }
    }
    return findings;
  },
};
