/**
 * The same `mountPath` (or `devicePath`) twice in one container: the API server rejects the pod
 * ("must be unique"). Kustomize and Helm merge volumeMounts by mountPath, so a duplicate also
 * makes patches land on the wrong entry. Across containers the same path is fine.
 */
import type { MountModel, PodSpecModel } from '../model/types';
import { rejection } from './consequence';
import { describeContainer, literalPodSpecs } from './scope';
import { CONTAINER_NAMES } from './fields';
import type { DocumentRule, Finding } from './types';

function duplicatesIn(podSpec: PodSpecModel, mounts: readonly MountModel[], container: string, field: string): Finding[] {
  const findings: Finding[] = [];
  const first = new Map<string, MountModel>();
  for (const mount of mounts) {
    if (!mount.target) continue;
    const earlier = first.get(mount.target.value);
    if (!earlier) {
      first.set(mount.target.value, mount);
      continue;
    }
    findings.push({
      rule: 'duplicate-mount-path',
      message: `${container} already uses ${field} "${mount.target.value}" (at ${earlier.path}); it must be unique within a container. ${rejection(podSpec, `${mount.path}.${field}: Invalid value: must be unique`)}`,
      fieldPath: `${mount.path}.${field}`,
      range: mount.target.range,
      related: [{ message: `First use of ${mount.target.value}`, range: earlier.target!.range }],
      data: { path: mount.target.value, firstIndex: earlier.index },
    });
  }
  return findings;
}

export const duplicateMountPath: DocumentRule = {
  id: 'duplicate-mount-path',
  scope: 'document',
  reads: [...CONTAINER_NAMES, 'volumeMounts.mountPath', 'volumeDevices.devicePath'],
  defaultSeverity: 'error',
  description: 'One container mounts two volumes (or two devices) at the same path.',
  check(document) {
    return literalPodSpecs(document).flatMap((podSpec) =>
      podSpec.containers.flatMap((container) => [
        ...duplicatesIn(podSpec, container.mounts, describeContainer(container), 'mountPath'),
        ...duplicatesIn(podSpec, container.devices, describeContainer(container), 'devicePath'),
      ]),
    );
  },
};
