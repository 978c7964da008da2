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
import { literalPodSpecs, podVolumeNamed } from './scope';
import type { DocumentRule, Finding, RelatedLocation } from './types';
import { hasBacksteps } from './volume-fields';

const ID = 'invalid-volume-device';
const BLOCK_SOURCES = new Set(['persistentVolumeClaim', 'ephemeral']);

/** The source a volume really has: its one key, or emptyDir when it names none (the default). */
function effectiveSource(volume: VolumeModel): string | undefined {
  if (volume.unknownKeys.length > 0 || volume.sources.length > 1) return undefined;
  return volume.sources[0]?.key ?? 'emptyDir';
}

/** The first entry of each key: the container's mounts by name and by path, its devices so far by name. */
function firstBy(entries: readonly MountModel[], key: (entry: MountModel) => string | undefined): Map<string, MountModel> {
  const map = new Map<string, MountModel>();
  for (const entry of entries) {
    const value = key(entry);
    if (value !== undefined && !map.has(value)) map.set(value, entry);
  }
  return map;
}

/** What a device is checked against, indexed once per container (a search per device was quadratic in a long list). */
interface ContainerIndex {
  readonly mountsByName: ReadonlyMap<string, MountModel>;
  readonly mountsByPath: ReadonlyMap<string, MountModel>;
  /** Devices before this one, by name. */
  readonly earlierDevices: ReadonlyMap<string, MountModel>;
}

function deviceProblems(podSpec: PodSpecModel, device: MountModel, index: ContainerIndex): { field: string; why: string; says: string; related?: RelatedLocation }[] {
  const problems = [];
  const name = device.name?.value;
  const volume = podVolumeNamed(podSpec, name);
  const isClaimTemplate = podSpec.claimTemplates.some((t) => t.name?.value === name);
  const source = volume && !isClaimTemplate ? effectiveSource(volume) : undefined;
  if (source && !BLOCK_SOURCES.has(source)) {
    problems.push({ field: 'name', why: `Volume "${name}" is of type ${source}; a block device needs a persistentVolumeClaim (volumeMode: Block) or an ephemeral volume.`, says: 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode' });
  }
  const twice = name ? index.earlierDevices.get(name) : undefined;
  if (name && twice) problems.push({ field: 'name', why: `Volume "${name}" is already a device of this container (${twice.path}).`, says: 'must be unique' });
  const mounted = name ? index.mountsByName.get(name) : undefined;
  if (name && mounted) problems.push({ field: 'name', why: `Volume "${name}" is also mounted by this container (${mounted.path}); use it either as a mount or as a device.`, says: 'must not already exist in volumeMounts', related: { message: 'mounted here', range: mounted.name!.range } });
  const path = device.target?.value;
  if (path && hasBacksteps(path)) problems.push({ field: 'devicePath', why: `devicePath "${path}" has a '..' element.`, says: "can not contain backsteps ('..')" });
  const samePath = path ? index.mountsByPath.get(path) : undefined;
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
        if (container.devices.length === 0) continue;
        const mountsByName = firstBy(container.mounts, (m) => m.name?.value);
        const mountsByPath = firstBy(container.mounts, (m) => m.target?.value);
        const earlierDevices = new Map<string, MountModel>();
        for (const device of container.devices) {
          for (const problem of deviceProblems(podSpec, device, { mountsByName, mountsByPath, earlierDevices })) {
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
          const name = device.name?.value;
          if (name !== undefined && !earlierDevices.has(name)) earlierDevices.set(name, device);
        }
      }
    }
    return findings;
  },
};
