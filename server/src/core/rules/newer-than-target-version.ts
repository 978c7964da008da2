/**
 * Fields newer than the target Kubernetes release, or not on by default there: image volumes,
 * recursiveReadOnly, sidecar containers (initContainers with restartPolicy: Always) and
 * emptyDir.mode. Before the field exists, kubectl rejects it as unknown; while its feature gate
 * is off, the API server silently drops it, and the pod runs without what it asked for.
 * https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
 */
import { child } from '../model/field-path';
import type { PodSpecModel } from '../model/types';
import { asMap, findPair, getString, keyRange, Range } from '../model/yaml-nodes';
import { targetMinor } from '../kubernetes-version';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { lookupTable } from '../lookup-table';

const ID = 'newer-than-target-version';

interface Feature {
  readonly what: string;
  readonly gate: string;
  /** First minor release with the field (alpha, off by default), and the first with it on by default. */
  readonly added: number;
  readonly onByDefault?: number;
  /** What happens when the gate is off and the field is dropped. */
  /** What happens where the field is dropped, as a sentence. */
  readonly withoutIt: string;
}

const FEATURES: Record<string, Feature> = lookupTable({
  image: { what: 'Image volumes', gate: 'ImageVolume', added: 31, onByDefault: 35, withoutIt: 'Without the field, the volume has no source, and the API server rejects the pod.' },
  recursiveReadOnly: { what: 'recursiveReadOnly', gate: 'RecursiveReadOnlyMounts', added: 30, onByDefault: 31, withoutIt: 'Without the field, sub-mounts stay writable.' },
  sidecar: { what: 'Sidecar containers (restartPolicy: Always on an init container)', gate: 'SidecarContainers', added: 28, onByDefault: 29, withoutIt: 'Without the field, the container runs as an ordinary init container, and a long-running one keeps the pod from starting.' },
  emptyDirMode: { what: 'emptyDir.mode', gate: 'EmptyDirVolumeMode', added: 37, withoutIt: 'Without the field, the directory keeps mode 0777.' },
});

function problem(feature: Feature, target: number): string | undefined {
  if (target < feature.added) return `${feature.what} arrived in Kubernetes 1.${feature.added}; the target 1.${target} does not know the field, so kubectl rejects it as unknown, and tools that drop unknown fields apply the rest. ${feature.withoutIt}`;
  if (feature.onByDefault === undefined || target < feature.onByDefault) {
    return `${feature.what}: in Kubernetes 1.${target} this needs the ${feature.gate} feature gate, off by default${feature.onByDefault ? ` until 1.${feature.onByDefault}` : ''}; where it is off, the API server silently drops the field. ${feature.withoutIt}`;
  }
  return undefined;
}

function uses(podSpec: PodSpecModel): { feature: Feature; path: string; range: Range }[] {
  const found: { feature: Feature; path: string; range: Range }[] = [];
  for (const volume of podSpec.podVolumes) {
    for (const source of volume.sources) {
      if (source.key === 'image') found.push({ feature: FEATURES.image, path: child(volume.path, 'image'), range: source.keyRange });
      const mode = source.key === 'emptyDir' ? findPair(asMap(source.pair.value), 'mode') : undefined;
      if (mode) found.push({ feature: FEATURES.emptyDirMode, path: child(volume.path, 'emptyDir.mode'), range: keyRange(mode)! });
    }
  }
  for (const container of podSpec.containers) {
    const restart = findPair(container.node, 'restartPolicy');
    if (container.kind === 'initContainers' && restart && getString(container.node, 'restartPolicy') === 'Always') {
      found.push({ feature: FEATURES.sidecar, path: child(container.path, 'restartPolicy'), range: keyRange(restart)! });
    }
    for (const mount of container.mounts) {
      const rro = findPair(mount.node, 'recursiveReadOnly');
      if (rro && getString(mount.node, 'recursiveReadOnly') !== undefined) found.push({ feature: FEATURES.recursiveReadOnly, path: child(mount.path, 'recursiveReadOnly'), range: keyRange(rro)! });
    }
  }
  return found;
}

export const newerThanTargetVersion: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['initContainers.restartPolicy'],
  defaultSeverity: 'warning',
  description: 'A field is newer than the target Kubernetes release, or off by default there (image volumes, recursiveReadOnly, sidecar containers, emptyDir.mode).',
  check(document, options) {
    const target = targetMinor(options.kubernetesVersion);
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const use of uses(podSpec)) {
        const message = problem(use.feature, target);
        if (!message) continue;
        findings.push({
          rule: ID,
          message,
          fieldPath: use.path,
          range: use.range,
          data: { gate: use.feature.gate, added: `1.${use.feature.added}`, onByDefault: use.feature.onByDefault ? `1.${use.feature.onByDefault}` : null, target: `1.${target}` },
        });
      }
    }
    return findings;
  },
};
