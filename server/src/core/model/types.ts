/**
 * The analysis model: what one YAML document says about pods, containers, volumes and mounts,
 * with the source range of everything a rule may point at. Built once per document text
 * (see parse-document.ts) and shared by every rule, hover and completion.
 */
import type { Document, Pair, YAMLMap } from 'yaml';
import type { Range, ScalarRef } from './yaml-nodes';
import type { Memo } from '../memo';

export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface VolumeSourceRef {
  readonly key: string;
  readonly pair: Pair;
  readonly keyRange: Range;
}

export interface VolumeModel {
  readonly index: number;
  readonly path: string;
  readonly node: YAMLMap;
  readonly range: Range;
  readonly name?: ScalarRef;
  /** Source keys with a value; `emptyDir: null` is no source to the API server (a patch uses it to remove one). */
  readonly sources: VolumeSourceRef[];
  readonly nullSources: VolumeSourceRef[];
  /** Keys that are neither `name` nor a volume source Kubernetes knows. */
  readonly unknownKeys: VolumeSourceRef[];
}

export interface ClaimTemplateModel {
  readonly index: number;
  readonly path: string;
  readonly name?: ScalarRef;
}

export type MountKind = 'volumeMounts' | 'volumeDevices';

export interface MountModel {
  readonly kind: MountKind;
  readonly index: number;
  readonly path: string;
  readonly node: YAMLMap;
  readonly name?: ScalarRef;
  /** `mountPath` for a mount, `devicePath` for a device. */
  readonly target?: ScalarRef;
}

export interface ContainerModel {
  readonly kind: ContainerKind;
  readonly index: number;
  readonly path: string;
  readonly node: YAMLMap;
  readonly name?: ScalarRef;
  readonly image?: ScalarRef;
  readonly mounts: MountModel[];
  readonly devices: MountModel[];
}

/** A field written where Kubernetes does not read it, e.g. `volumes` inside a container. */
export interface MisplacedField {
  readonly object: ObjectModel;
  readonly field: 'volumes' | 'imagePullSecrets' | 'volumeClaimTemplates' | 'volumeMounts' | 'volumeDevices' | 'containers' | 'initContainers';
  readonly pair: Pair;
  readonly keyRange: Range;
  readonly path: string;
  /** Where the field belongs, as a field path from the object's root; undefined when nowhere. */
  readonly belongsAt?: string;
  /** Names declared in the misplaced block (volume or claim template names), if any. */
  readonly declaredNames: string[];
}

export interface PodSpecModel {
  readonly object: ObjectModel;
  /** Field path of the pod spec from the object's root, e.g. `spec.template.spec`. */
  readonly path: string;
  readonly node: YAMLMap;
  readonly range: Range;
  /** Every volume written in `volumes`, as the editor features (outline, rename, fixes) show them. */
  readonly volumes: VolumeModel[];
  /**
   * The volumes the pods get, which is what rules judge: `volumes` less those a StatefulSet's
   * claim template of the same name replaces. The controller drops such a volume before it
   * creates a pod, and the API server does not validate a StatefulSet's template, so nothing in
   * it can be rejected (claim-template-shadows-volume reports the replacement itself).
   */
  readonly podVolumes: VolumeModel[];
  readonly volumesKey?: Range;
  readonly claimTemplates: ClaimTemplateModel[];
  readonly containers: ContainerModel[];
  readonly imagePullSecrets: ScalarRef[];
  /** True when the pod spec has an `imagePullSecrets` field with at least one entry. */
  readonly hasImagePullSecrets: boolean;
  readonly serviceAccountName?: string;
  /** Volume and claim template names declared in a misplaced block of the same object. */
  readonly misplacedNames: ReadonlySet<string>;
  /**
   * Every volume and claim template the pod can have is written out: always outside Helm
   * templates; in one, when no action can add to them (template-certainty.ts).
   */
  readonly volumeNamesCertain: boolean;
  /** Values rules work out once per pod spec (memo.ts). */
  readonly memo: Memo;
}

export interface ObjectModel {
  readonly apiVersion?: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  /** Prefix of every field path inside the object: '' at the root, `items[2].` inside a List. */
  readonly pathPrefix: string;
  readonly node: YAMLMap;
  readonly range: Range;
  /** A kustomize patch or other partial object: names may be defined in a base we cannot see. */
  readonly partial: boolean;
  /** Helm template actions appear in the object: lists and names may be generated. */
  readonly templated: boolean;
}

export interface ServiceAccountModel {
  readonly object: ObjectModel;
  readonly imagePullSecrets: string[];
}

export interface SyntaxProblem {
  readonly message: string;
  readonly range: Range;
}

/** Everything the rules need to know about one YAML document. Offsets are relative to the document chunk. */
export interface DocumentModel {
  readonly text: string;
  /** The parsed tree, kept so that an edit inside one scalar can update a copy of it instead of parsing again (patch-scalar.ts). */
  readonly parsed?: Document.Parsed;
  /** The document has top-level `apiVersion` and `kind` strings, or is a List of such objects. */
  readonly isKubernetes: boolean;
  readonly templated: boolean;
  /** No line is indented although maps nest: a manifest pasted from a page that dropped the spaces. */
  readonly flattened: boolean;
  readonly syntaxProblems: SyntaxProblem[];
  /** Aliases or merge keys were resolved (aliases.ts): nodes are shared, so an edit parses again. */
  readonly aliased: boolean;
  readonly objects: ObjectModel[];
  readonly podSpecs: PodSpecModel[];
  readonly serviceAccounts: ServiceAccountModel[];
  /** Fields written at the wrong level, e.g. `volumes` inside a container or at a Deployment's `spec`. */
  readonly misplaced: MisplacedField[];
  /** What rules work out once per model (the pod specs they may speak about, schema problems): see memo.ts. */
  readonly memo: Memo;
}
