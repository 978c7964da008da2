/**
 * Raw block devices (`volumeDevices`) come only from persistentVolumeClaim or ephemeral
 * volumes, and within one container a volume is either mounted or a device, never both, at
 * distinct paths; a device name may appear once and its path has no `..`. The API server
 * rejects the pod otherwise (it reports a clash on both sides; we report it once, on the device).
 * https://kubernetes.io/docs/concepts/storage/persistent-volumes/#raw-block-volume-support
 */
import type { MountModel, PodSpecModel, VolumeModel } from '../model/types';
import { rejection } from './consequence';
import { MOUNT_NAMES, VOLUME_NAMES } from './fields';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding, RelatedLocation } from './types';
import { hasBacksteps } from './volume-fields';

const ID = 'invalid-volume-device';
const BLOCK_SOURCES = new Set(['persistentVolumeClaim', 'ephemeral']);

/** The source a volume really has: its one key, or emptyDir when it names none (the default). */
function effectiveSource(volume: VolumeModel): string | undefined {
  if (volume.unknownKeys.length > 0 || volume.sources.length > 1) return undefined;
  return volume.sources[0]?.key ?? 'emptyDir';
}

function deviceProblems(podSpec: PodSpecModel, device: MountModel, mounts: readonly MountModel[], earlier: readonly MountModel[]): { field: string; why: string; says: string; related?: RelatedLocation }[] {
  const problems = [];
  const name = device.name?.value;
  const volume = podSpec.podVolumes.find((v) => v.name?.value === name);
  const isClaimTemplate = podSpec.claimTemplates.some((t) => t.name?.value === name);
  const source = volume && !isClaimTemplate ? effectiveSource(volume) : undefined;
  if (source && !BLOCK_SOURCES.has(source)) {
    problems.push({ field: 'name', why: `Volume "${name}" is of type ${source}; a block device needs a persistentVolumeClaim (volumeMode: Block) or an ephemeral volume.`, says: 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode' });
  }
  const twice = earlier.find((d) => d.name?.value === name);
  if (name && twice) problems.push({ field: 'name', why: `Volume "${name}" is already a device of this container (${twice.path}).`, says: 'must be unique' });
  const mounted = mounts.find((m) => m.name?.value === name);
  if (name && mounted) problems.push({ field: 'name', why: `Volume "${name}" is also mounted by this container (${mounted.path}); use it either as a mount or as a device.`, says: 'must not already exist in volumeMounts', related: { message: 'mounted here', range: mounted.name!.range } });
  const path = device.target?.value;
  if (path && hasBacksteps(path)) problems.push({ field: 'devicePath', why: `devicePath "${path}" has a '..' element.`, says: "can not contain backsteps ('..')" });
  const samePath = path ? mounts.find((m) => m.target?.value === path) : undefined;
  if (samePath) problems.push({ field: 'devicePath', why: `devicePath "${path}" is also a mountPath of this container (${samePath.path}).`, says: 'must not already exist as a path in volumeMounts', related: { message: 'mountPath here', range: samePath.target!.range } });
  return problems;
}

export const invalidVolumeDevice: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...VOLUME_NAMES, ...MOUNT_NAMES, 'volumeMounts.mountPath', 'volumeDevices.devicePath'],
  defaultSeverity: 'error',
  description: 'A volumeDevices entry uses a volume that is not a persistentVolumeClaim or ephemeral volume, repeats a device, or clashes with a volumeMounts entry.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        container.devices.forEach((device, index) => {
          for (const problem of deviceProblems(podSpec, device, container.mounts, container.devices.slice(0, index))) {
            const ref = problem.field === 'name' ? device.name : device.target;
            findings.push({
              rule: ID,
              message: `${problem.why} ${rejection(podSpec, `${device.path}.${problem.field}: Invalid value: ${problem.says}`)}`,
              fieldPath: `${device.path}.${problem.field}`,
              range: ref!.range,
              related: problem.related ? [problem.related] : [],
              data: { name: device.name?.value ?? null, field: problem.field },
            });
          }
        });
      }
    }
    return findings;
  },
};
