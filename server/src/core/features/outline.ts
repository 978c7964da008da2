/** The document outline: objects, then for workloads their containers (with mounts) and volumes. */
import type { ContainerModel, DocumentModel, ObjectModel, PodSpecModel } from '../model/types';
import type { Range } from '../model/yaml-nodes';
import { rangeOf } from '../model/yaml-nodes';

export type OutlineKind = 'object' | 'container' | 'volume' | 'mount' | 'group';

export interface OutlineItem {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  readonly range: Range;
  readonly selection: Range;
  readonly children: OutlineItem[];
}

function containerItem(container: ContainerModel): OutlineItem {
  const range = rangeOf(container.node)!;
  return {
    name: container.name?.value ?? `${container.kind}[${container.index}]`,
    detail: [container.kind === 'containers' ? undefined : container.kind, container.image?.value].filter(Boolean).join(' · '),
    kind: 'container',
    range,
    selection: container.name?.range ?? range,
    children: [...container.mounts, ...container.devices].map((m) => ({
      name: `${m.name?.value ?? '?'} → ${m.target?.value ?? '?'}`,
      detail: m.kind === 'volumeDevices' ? 'device' : undefined,
      kind: 'mount' as const,
      range: rangeOf(m.node)!,
      selection: m.name?.range ?? rangeOf(m.node)!,
      children: [],
    })),
  };
}

function podSpecChildren(podSpec: PodSpecModel): OutlineItem[] {
  const containers = podSpec.containers.map(containerItem);
  const volumes: OutlineItem[] = podSpec.volumes.map((v) => ({
    name: v.name?.value ?? `volumes[${v.index}]`,
    detail: v.sources.map((s) => s.key).join(', ') || 'no source',
    kind: 'volume',
    range: v.range,
    selection: v.name?.range ?? v.range,
    children: [],
  }));
  const templates: OutlineItem[] = podSpec.claimTemplates.filter((t) => t.name).map((t) => ({
    name: t.name!.value,
    detail: 'volumeClaimTemplate',
    kind: 'volume',
    range: t.name!.range,
    selection: t.name!.range,
    children: [],
  }));
  return [...containers, ...volumes, ...templates];
}

function objectItem(object: ObjectModel, podSpecs: readonly PodSpecModel[]): OutlineItem {
  const own = podSpecs.filter((p) => p.object === object);
  return {
    name: `${object.kind}${object.name ? ` ${object.name}` : ''}`,
    detail: object.namespace,
    kind: 'object',
    range: object.range,
    selection: object.range,
    children: own.flatMap(podSpecChildren),
  };
}

export function outline(model: DocumentModel): OutlineItem[] {
  // A List shows its items; the List object itself adds nothing.
  return model.objects.filter((o) => !(o.pathPrefix === '' && model.objects.length > 1)).map((o) => objectItem(o, model.podSpecs));
}
