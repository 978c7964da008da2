/** What a cursor is on, in model terms: a mount's name, a volume's name, a claim template's name. */
import type { ClaimTemplateModel, ContainerModel, DocumentModel, MountModel, PodSpecModel, VolumeModel } from '../model/types';
import type { Range } from '../model/yaml-nodes';

export type NameTarget =
  | { kind: 'mount'; podSpec: PodSpecModel; container: ContainerModel; mount: MountModel; name: string; range: Range }
  | { kind: 'volume'; podSpec: PodSpecModel; volume: VolumeModel; name: string; range: Range }
  | { kind: 'claimTemplate'; podSpec: PodSpecModel; template: ClaimTemplateModel; name: string; range: Range };

const within = (range: Range, offset: number): boolean => range.start <= offset && offset <= range.end;

export function podSpecAt(model: DocumentModel, offset: number): PodSpecModel | undefined {
  // The innermost pod spec containing the offset, or else the object's (claim templates sit outside the pod spec).
  return model.podSpecs.find((p) => within(p.range, offset)) ?? model.podSpecs.find((p) => within(p.object.range, offset));
}

export function nameTargetAt(model: DocumentModel, offset: number): NameTarget | undefined {
  for (const podSpec of model.podSpecs) {
    if (!within(podSpec.object.range, offset)) continue;
    for (const volume of podSpec.volumes) {
      if (volume.name && within(volume.name.range, offset)) return { kind: 'volume', podSpec, volume, name: volume.name.value, range: volume.name.range };
    }
    for (const template of podSpec.claimTemplates) {
      if (template.name && within(template.name.range, offset)) return { kind: 'claimTemplate', podSpec, template, name: template.name.value, range: template.name.range };
    }
    for (const container of podSpec.containers) {
      for (const mount of [...container.mounts, ...container.devices]) {
        if (mount.name && within(mount.name.range, offset)) return { kind: 'mount', podSpec, container, mount, name: mount.name.value, range: mount.name.range };
      }
    }
  }
  return undefined;
}

/** The declaration a name resolves to in a pod spec: a volume, else a claim template. */
export function declarationOf(podSpec: PodSpecModel, name: string): { range: Range; volume?: VolumeModel; template?: ClaimTemplateModel } | undefined {
  const volume = podSpec.volumes.find((v) => v.name?.value === name);
  if (volume?.name) return { range: volume.name.range, volume };
  const template = podSpec.claimTemplates.find((t) => t.name?.value === name);
  return template?.name ? { range: template.name.range, template } : undefined;
}

/** Every mount and device of the pod spec that uses a name. */
export function usesOf(podSpec: PodSpecModel, name: string): { container: ContainerModel; mount: MountModel }[] {
  return podSpec.containers.flatMap((container) =>
    [...container.mounts, ...container.devices].filter((m) => m.name?.value === name).map((mount) => ({ container, mount })),
  );
}
