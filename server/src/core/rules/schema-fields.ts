/**
 * Shared by unknown-field and invalid-field-value: the schema problems of every volume source,
 * volumeMounts and volumeDevices entry of a document, each with the YAML it concerns.
 */
import type { YAMLMap } from 'yaml';
import { memoKey } from '../memo';
import type { DocumentModel, PodSpecModel } from '../model/types';
import { asMap, keyText } from '../model/yaml-nodes';
import { nodeAt, pathOf, SchemaProblem, schemaProblems } from '../schemas/validate';
import { REQUIRED } from './missing-source-field';
import { literalPodSpecs } from './scope';
import { standIn } from './volume-fields';

export interface LocatedProblem {
  readonly problem: SchemaProblem;
  /** For an unknown key: the map holding it, and how messages name that map. */
  readonly map?: YAMLMap;
  readonly owner: string;
  /** The offending value (for a wrong type or value). */
  readonly node: unknown;
  readonly path: string;
  /** The pod spec it is in: what a rejection means depends on the object (consequence.ts). */
  readonly podSpec: PodSpecModel;
  /**
   * In a volume a StatefulSet's claim template replaces (podVolumes): the API server still
   * decodes it with the object, so a wrong type or an unknown field is refused, but the pods never
   * have it, so nothing that only validation checks (an allowed value) matters there.
   */
  readonly replaced: boolean;
}

type Required = readonly { field: string; instead?: string }[];
const MOUNT_REQUIRED: Required = [{ field: 'name' }, { field: 'mountPath', instead: 'path' }, { field: 'devicePath', instead: 'path' }];

/** Required fields of the map at `segments` (below a volume entry, or a mount when `sourceKey` is undefined). */
function requiredAt(segments: readonly (string | number)[], sourceKey: string | undefined): Required {
  if (sourceKey === undefined) return MOUNT_REQUIRED;
  if (segments.length === 1) return REQUIRED[sourceKey] ?? [];
  const last = segments[segments.length - 1];
  return last === 'secret' ? [{ field: 'name', instead: 'secretName' }] : last === 'configMap' ? [{ field: 'name' }] : [];
}

/** An unknown key written instead of a missing required field: the required-field rules report it (root cause only). */
function isStandIn(problem: SchemaProblem, map: YAMLMap | undefined, sourceKey: string | undefined): boolean {
  return requiredAt(problem.segments, sourceKey).some((r) => {
    const pair = standIn(map, r.field, r.instead);
    return pair !== undefined && keyText(pair) === problem.key;
  });
}

/** How a message names the map at `segments` below a volume entry. */
function describeMap(segments: readonly (string | number)[]): string {
  const last = segments[segments.length - 1];
  if (segments.length === 1) return `${/^[aeiou]/.test(String(last)) ? 'an' : 'a'} ${last} volume source`;
  if (typeof last === 'number') return `an entry of ${segments[segments.length - 2]}`;
  return `"${last}"`;
}

function locate(podSpec: PodSpecModel, replaced: boolean, problem: SchemaProblem, root: YAMLMap, base: string, owner: (segments: readonly (string | number)[]) => string, sourceKey: string | undefined): LocatedProblem | undefined {
  if (problem.keyword === 'additionalProperties') {
    const map = asMap(nodeAt(root, problem.segments).node);
    if (!map || problem.key?.startsWith('$') || isStandIn(problem, map, sourceKey)) return undefined;
    return { problem, map, owner: owner(problem.segments), node: undefined, path: pathOf(base, [...problem.segments, problem.key!]), podSpec, replaced };
  }
  return { problem, owner: owner(problem.segments.slice(0, -1)), node: nodeAt(root, problem.segments).node, path: pathOf(base, problem.segments), podSpec, replaced };
}

/** Both schema rules read the same problems: each document model is validated once (memo.ts). */
const PROBLEMS = memoKey<LocatedProblem[]>('schema problems');

export function locatedProblems(document: DocumentModel): LocatedProblem[] {
  return document.memo.get(PROBLEMS, () => validateDocument(document));
}

function validateDocument(document: DocumentModel): LocatedProblem[] {
  const found: (LocatedProblem | undefined)[] = [];
  for (const podSpec of literalPodSpecs(document)) {
    // Every volume written: decoding reads them all, replaced ones included.
    const inPods = new Set(podSpec.podVolumes);
    for (const volume of podSpec.volumes) {
      const keys = volume.sources.map((s) => s.key);
      for (const problem of schemaProblems('volumeSources', volume.node, keys)) {
        found.push(locate(podSpec, !inPods.has(volume), problem, volume.node, volume.path, describeMap, String(problem.segments[0])));
      }
    }
    for (const container of podSpec.containers) {
      for (const mount of [...container.mounts, ...container.devices]) {
        const target = mount.kind === 'volumeMounts' ? 'volumeMount' : 'volumeDevice';
        for (const problem of schemaProblems(target, mount.node)) {
          found.push(locate(podSpec, false, problem, mount.node, mount.path, () => `a ${mount.kind} entry`, undefined));
        }
      }
    }
  }
  return found.filter((p): p is LocatedProblem => p !== undefined);
}
