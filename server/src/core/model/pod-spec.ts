/** Builds the model of one pod spec: its volumes, containers, mounts and fields at the wrong level. */
import { isMap, Pair, YAMLMap } from 'yaml';
import { Memo } from '../memo';
import { child, item } from './field-path';
import type {
  ClaimTemplateModel, ContainerKind, ContainerModel, MisplacedField, MountKind, MountModel, ObjectModel,
  PodSpecModel, VolumeModel,
} from './types';
import { isVolumeSourceKey } from './volume-sources';
import { asMap, asSeq, isNullNode, findPair, getNode, getString, keyRange, keyText, rangeOf, scalarRef, ScalarRef } from './yaml-nodes';

const CONTAINER_KINDS: readonly ContainerKind[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** Calls `visit` for every map item of a sequence field, with its index and field path. */
function eachMapItem(map: YAMLMap | undefined, key: string, path: string, visit: (node: YAMLMap, index: number, path: string) => void): void {
  const seq = asSeq(getNode(map, key));
  seq?.items.forEach((entry, index) => {
    if (isMap(entry)) visit(entry, index, item(child(path, key), index));
  });
}

function buildVolume(node: YAMLMap, index: number, path: string): VolumeModel {
  const sources: VolumeModel['sources'] = [];
  const nullSources: VolumeModel['nullSources'] = [];
  const unknownKeys: VolumeModel['unknownKeys'] = [];
  for (const pair of node.items) {
    const key = keyText(pair);
    const range = keyRange(pair);
    if (key === undefined || key === 'name' || !range) continue;
    const ref = { key, pair, keyRange: range };
    if (!isVolumeSourceKey(key)) unknownKeys.push(ref);
    else if (isNullNode(pair.value)) nullSources.push(ref);
    else sources.push(ref);
  }
  return { index, path, node, range: rangeOf(node)!, name: scalarRef(getNode(node, 'name')), sources, nullSources, unknownKeys };
}

function buildMount(kind: MountKind, node: YAMLMap, index: number, path: string): MountModel {
  const targetKey = kind === 'volumeMounts' ? 'mountPath' : 'devicePath';
  return { kind, index, path, node, name: scalarRef(getNode(node, 'name')), target: scalarRef(getNode(node, targetKey)) };
}

function buildContainer(kind: ContainerKind, node: YAMLMap, index: number, path: string): ContainerModel {
  const mounts: MountModel[] = [];
  const devices: MountModel[] = [];
  eachMapItem(node, 'volumeMounts', path, (m, i, p) => mounts.push(buildMount('volumeMounts', m, i, p)));
  eachMapItem(node, 'volumeDevices', path, (m, i, p) => devices.push(buildMount('volumeDevices', m, i, p)));
  return { kind, index, path, node, name: scalarRef(getNode(node, 'name')), image: scalarRef(getNode(node, 'image')), mounts, devices };
}

/** Names declared in a misplaced `volumes` or `volumeClaimTemplates` block. */
function declaredNames(field: MisplacedField['field'], pair: Pair): string[] {
  const names: string[] = [];
  const seq = asSeq(pair.value);
  for (const entry of seq?.items ?? []) {
    const map = asMap(entry);
    const name = field === 'volumeClaimTemplates' ? getString(asMap(getNode(map, 'metadata')), 'name') : getString(map, 'name');
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** Records `field` of `map` as misplaced, if present. */
export function misplacedIn(
  object: ObjectModel, map: YAMLMap | undefined, field: MisplacedField['field'], path: string, belongsAt: string | undefined,
): MisplacedField | undefined {
  const pair = findPair(map, field);
  const range = pair && keyRange(pair);
  if (!pair || !range) return undefined;
  return { object, field, pair, keyRange: range, path: child(path, field), belongsAt, declaredNames: declaredNames(field, pair) };
}

/** Fields people write inside a container that belong to the pod (or the StatefulSet). */
function misplacedInContainer(object: ObjectModel, container: ContainerModel, podSpecPath: string, specPath: string): MisplacedField[] {
  return [
    misplacedIn(object, container.node, 'volumes', container.path, child(podSpecPath, 'volumes')),
    misplacedIn(object, container.node, 'imagePullSecrets', container.path, child(podSpecPath, 'imagePullSecrets')),
    misplacedIn(object, container.node, 'volumeClaimTemplates', container.path, object.kind === 'StatefulSet' ? child(specPath, 'volumeClaimTemplates') : undefined),
  ].filter((f): f is MisplacedField => f !== undefined);
}

/** Fields people write in the pod spec that belong elsewhere. */
function misplacedInPodSpec(object: ObjectModel, node: YAMLMap, path: string, specPath: string): MisplacedField[] {
  const containers = item(child(path, 'containers'), 0);
  return [
    misplacedIn(object, node, 'volumeClaimTemplates', path, object.kind === 'StatefulSet' ? child(specPath, 'volumeClaimTemplates') : undefined),
    misplacedIn(object, node, 'volumeMounts', path, child(containers, 'volumeMounts')),
    misplacedIn(object, node, 'volumeDevices', path, child(containers, 'volumeDevices')),
  ].filter((f): f is MisplacedField => f !== undefined);
}

function claimTemplatesOf(object: ObjectModel, specPath: string): ClaimTemplateModel[] {
  if (object.kind !== 'StatefulSet') return [];
  const templates: ClaimTemplateModel[] = [];
  const spec = asMap(getNode(object.node, 'spec'));
  eachMapItem(spec, 'volumeClaimTemplates', specPath, (node, index, path) => {
    const metadata = asMap(getNode(node, 'metadata'));
    templates.push({ index, path, name: scalarRef(getNode(metadata, 'name')) });
  });
  return templates;
}

function stringList(map: YAMLMap | undefined, key: string): ScalarRef[] {
  const refs: ScalarRef[] = [];
  for (const entry of asSeq(getNode(map, key))?.items ?? []) {
    const ref = scalarRef(getNode(asMap(entry), 'name'));
    if (ref) refs.push(ref);
  }
  return refs;
}

/** The volumes a StatefulSet controller leaves in the pods it creates: it replaces each one named like a claim template. */
function volumesOfPods(volumes: VolumeModel[], claimTemplates: readonly ClaimTemplateModel[]): VolumeModel[] {
  if (claimTemplates.length === 0) return volumes;
  const claimed = new Set(claimTemplates.flatMap((t) => (t.name ? [t.name.value] : [])));
  return volumes.filter((v) => !(v.name && claimed.has(v.name.value)));
}

export interface PodSpecParts {
  podSpec: PodSpecModel;
  misplaced: MisplacedField[];
}

/**
 * Builds the pod spec found at `path`; `objectMisplaced` are the fields the object holds at the
 * wrong level above it, whose declared names count as known for the mounts (root cause only).
 */
export function buildPodSpec(object: ObjectModel, node: YAMLMap, path: string, objectMisplaced: MisplacedField[]): PodSpecParts {
  const specPath = child(object.pathPrefix, 'spec');
  const volumes: VolumeModel[] = [];
  eachMapItem(node, 'volumes', path, (v, i, p) => volumes.push(buildVolume(v, i, p)));
  const containers: ContainerModel[] = [];
  for (const kind of CONTAINER_KINDS) {
    eachMapItem(node, kind, path, (c, i, p) => containers.push(buildContainer(kind, c, i, p)));
  }
  const misplaced = [
    ...containers.flatMap((c) => misplacedInContainer(object, c, path, specPath)),
    ...misplacedInPodSpec(object, node, path, specPath),
  ];
  const misplacedNames = new Set([...misplaced, ...objectMisplaced].flatMap((f) => f.declaredNames));
  const pullSecretsNode = asSeq(getNode(node, 'imagePullSecrets'));
  const volumesPair = findPair(node, 'volumes');
  const claimTemplates = claimTemplatesOf(object, specPath);
  const podSpec: PodSpecModel = {
    object,
    path,
    node,
    range: rangeOf(node)!,
    volumes,
    podVolumes: volumesOfPods(volumes, claimTemplates),
    volumesKey: volumesPair && keyRange(volumesPair),
    claimTemplates,
    containers,
    imagePullSecrets: stringList(node, 'imagePullSecrets'),
    hasImagePullSecrets: (pullSecretsNode?.items.length ?? 0) > 0,
    serviceAccountName: getString(node, 'serviceAccountName') ?? getString(node, 'serviceAccount'),
    misplacedNames,
    volumeNamesCertain: !object.templated,
    memo: new Memo(),
  };
  return { podSpec, misplaced };
}
