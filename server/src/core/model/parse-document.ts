/**
 * Parses one YAML document (a chunk from split-documents.ts) into the analysis model.
 *
 * Kubernetes decodes YAML with 1.1 rules (sigs.k8s.io/yaml uses go-yaml v2): `0644` is the
 * integer 420 and `yes` is true. We read it the same way so that modes and flags mean what the
 * API server will think they mean.
 */
import { Document, isMap, parseDocument, YAMLMap } from 'yaml';
import { child, item } from './field-path';
import { resolveAliases } from './aliases';
import { blankTemplateActions, hasTemplateActions, templateActions } from './helm';
import { volumeNamesCertain } from './template-certainty';
import { buildPodSpec, misplacedIn } from './pod-spec';
import { isAcceptedByGoYaml, looksFlattened, toSyntaxProblem } from './syntax-problems';
import type { DocumentModel, MisplacedField, ObjectModel, PodSpecModel, ServiceAccountModel, SyntaxProblem } from './types';
import { isListKind, podSpecPath, SELECTOR_REQUIRED } from './workloads';
import { asMap, asSeq, findPair, getNode, getString, rangeOf } from './yaml-nodes';
import { YAML_OPTIONS } from './yaml-options';
import { Memo } from '../memo';

/** Fields that belong to the pod spec; found above it (e.g. at a Deployment's `spec`), they are ignored or rejected. */
const POD_FIELDS = ['volumes', 'imagePullSecrets', 'containers', 'initContainers'] as const;

/**
 * Whether a label selector matches no pod without labels: one with matchLabels, or a matchExpressions
 * term In or Exists. (NotIn and DoesNotExist terms alone match an empty label set, so a template
 * without labels can be whole; a review found such a Deployment read as a patch.)
 */
function selectorNeedsLabels(selector: YAMLMap | undefined): boolean {
  const matchLabels = asMap(getNode(selector, 'matchLabels'));
  if (matchLabels && matchLabels.items.length > 0) return true;
  return (asSeq(getNode(selector, 'matchExpressions'))?.items ?? []).some((term) => ['In', 'Exists'].includes(getString(asMap(term), 'operator') ?? ''));
}

/** Kinds whose pod template the API server rejects without restartPolicy OnFailure or Never (the default, Always, is refused). */
const RESTART_POLICY_REQUIRED = new Set(['Job', 'CronJob']);

/**
 * Whether an object is a patch (kustomize's, or any partial object merged onto a base): it lacks
 * something that the API server requires of every complete object of its kind, so on its own it
 * would never be accepted, and what it mounts may come from the base. Those are: a container
 * without `image`; an apps/v1 workload without its selector, or whose template has no labels
 * (the selector must match them); a Job's or CronJob's template without restartPolicy.
 */
function looksPartial(kind: string, apiVersion: string | undefined, root: YAMLMap, podSpec: YAMLMap | undefined): boolean {
  const spec = asMap(getNode(root, 'spec'));
  if (SELECTOR_REQUIRED.has(kind) && apiVersion === 'apps/v1') {
    const selector = getNode(spec, 'selector');
    if (selector === undefined) return true;
    if (getNode(asMap(getNode(asMap(getNode(spec, 'template')), 'metadata')), 'labels') === undefined && selectorNeedsLabels(asMap(selector))) return true;
  }
  if (!podSpec) return false;
  if (RESTART_POLICY_REQUIRED.has(kind) && getNode(podSpec, 'restartPolicy') === undefined) return true;
  const containers = asSeq(getNode(podSpec, 'containers'));
  if (!containers) return true;
  for (const kindKey of ['containers', 'initContainers']) {
    for (const entry of asSeq(getNode(podSpec, kindKey))?.items ?? []) {
      if (isMap(entry) && getNode(entry, 'image') === undefined) return true;
    }
  }
  return false;
}

/** Walks `segments` from `root`, returning the map at the end and every map passed on the way. */
function walk(root: YAMLMap, segments: readonly string[]): { target?: YAMLMap; levels: { map: YAMLMap; path: string }[] } {
  const levels: { map: YAMLMap; path: string }[] = [];
  let current: YAMLMap | undefined = root;
  let path = '';
  for (const segment of segments) {
    levels.push({ map: current, path });
    current = asMap(getNode(current, segment));
    path = child(path, segment);
    if (!current) return { levels };
  }
  return { target: current, levels };
}

/** Pod fields written at a level above the pod spec (the object's root, a workload `spec`, a template). */
function misplacedAbovePodSpec(object: ObjectModel, levels: { map: YAMLMap; path: string }[], podPath: string): MisplacedField[] {
  const found: MisplacedField[] = [];
  for (const level of levels) {
    const path = level.path ? child(object.pathPrefix, level.path) : object.pathPrefix;
    for (const field of POD_FIELDS) {
      const misplaced = misplacedIn(object, level.map, field, path, child(podPath, field));
      if (misplaced) found.push(misplaced);
    }
    const isStatefulSetSpec = object.kind === 'StatefulSet' && level.path === 'spec';
    if (level.path === 'spec' && !isStatefulSetSpec) {
      const misplaced = misplacedIn(object, level.map, 'volumeClaimTemplates', path, undefined);
      if (misplaced) found.push(misplaced);
    }
  }
  return found;
}

interface ObjectParts {
  podSpecs: PodSpecModel[];
  misplaced: MisplacedField[];
}

function analyseObject(object: ObjectModel, segments: readonly string[]): ObjectParts {
  const { target, levels } = walk(object.node, segments);
  const podPath = child(object.pathPrefix, segments.join('.'));
  const above = misplacedAbovePodSpec(object, levels, podPath);
  if (!target) return { podSpecs: [], misplaced: above };
  const { podSpec, misplaced } = buildPodSpec(object, target, podPath, above);
  return { podSpecs: [podSpec], misplaced: [...above, ...misplaced] };
}

/**
 * `objectText` is the text the object spans; for the document's root object that is the whole
 * document, since a template action after the last value (`{{- toYaml .Values.x }}`) still shapes it.
 */
function makeObject(node: YAMLMap, pathPrefix: string, objectText: string, documentTemplated: boolean): ObjectModel | undefined {
  const kind = getString(node, 'kind');
  if (kind === undefined) return undefined;
  const apiVersion = getString(node, 'apiVersion');
  const metadata = asMap(getNode(node, 'metadata'));
  const range = rangeOf(node)!;
  const segments = podSpecPath(kind, apiVersion);
  const podSpecNode = segments ? walk(node, segments).target : undefined;
  return {
    apiVersion,
    kind,
    name: getString(metadata, 'name'),
    namespace: getString(metadata, 'namespace'),
    pathPrefix,
    node,
    range,
    partial: segments !== undefined && looksPartial(kind, apiVersion, node, podSpecNode),
    // Within a document without template text no object has any: no need to search its text again.
    templated: documentTemplated && hasTemplateActions(objectText),
  };
}

/** The objects of a document: the root object, or each item of a List. */
function objectsOf(root: YAMLMap, originalText: string, templated: boolean): ObjectModel[] {
  const rootObject = makeObject(root, '', originalText, templated);
  if (!rootObject || !isListKind(rootObject.kind)) return rootObject ? [rootObject] : [];
  const items = asSeq(getNode(root, 'items'))?.items ?? [];
  // An item's text runs to the next item (or the document's end): an action after its last value still shapes it.
  const itemText = (index: number): string => {
    const start = (items[index] as { range?: [number, number, number] }).range?.[0];
    const next = (items[index + 1] as { range?: [number, number, number] } | undefined)?.range?.[0];
    return start === undefined ? '' : originalText.slice(start, next ?? originalText.length);
  };
  const objects: ObjectModel[] = [rootObject];
  items.forEach((entry, index) => {
    const object = isMap(entry) ? makeObject(entry, item('items', index), itemText(index), templated) : undefined;
    if (object) objects.push(object);
  });
  return objects;
}

function serviceAccountOf(object: ObjectModel): ServiceAccountModel | undefined {
  if (object.kind !== 'ServiceAccount') return undefined;
  const names: string[] = [];
  for (const entry of asSeq(getNode(object.node, 'imagePullSecrets'))?.items ?? []) {
    const name = getString(asMap(entry), 'name');
    if (name) names.push(name);
  }
  return { object, imagePullSecrets: names };
}

const EMPTY_MODEL_PARTS = { objects: [], podSpecs: [], serviceAccounts: [], misplaced: [] };

/**
 * The parser composes nested collections recursively: thousands of levels (`[[[[...`) exhaust the
 * stack. Such a document is reported as unreadable instead of failing the whole file.
 */
function parseOrUnreadable(text: string): Document.Parsed | SyntaxProblem {
  try {
    return parseDocument(text, YAML_OPTIONS);
  } catch (error) {
    const reason = error instanceof RangeError ? 'it nests too deeply' : `the parser failed (${String(error)})`;
    return { message: `This document cannot be read: ${reason}.`, range: { start: 0, end: Math.min(text.length, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')) } };
  }
}

export function parseDocumentModel(text: string): DocumentModel {
  const templated = hasTemplateActions(text);
  const document = parseOrUnreadable(templated ? blankTemplateActions(text) : text);
  if (!(document instanceof Document)) return { text, isKubernetes: false, templated, flattened: looksFlattened(text), syntaxProblems: [document], aliased: false, ...EMPTY_MODEL_PARTS, memo: new Memo() };
  // Most manifests have no alias or merge key: skip the walk unless the text could hold one.
  const aliased = (text.includes('*') || text.includes('<<')) && resolveAliases(document);
  return documentModelOf(text, document, templated, aliased);
}

/**
 * The model of a document already parsed: by parseDocumentModel, or by patchScalar after an edit
 * inside one scalar. `document` is the parse of `text` (with template actions blanked when templated).
 */
export function documentModelOf(text: string, document: Document.Parsed, templated = hasTemplateActions(text), aliased = false): DocumentModel {
  const flattened = looksFlattened(text);
  const syntaxProblems: SyntaxProblem[] = document.errors.filter((error) => !isAcceptedByGoYaml(error)).map((error) => toSyntaxProblem(error, text, flattened));
  const root = asMap(document.contents);
  const isKubernetes = root !== undefined && getString(root, 'kind') !== undefined && (getString(root, 'apiVersion') !== undefined || (templated && apiVersionIsAction(root, text)));
  if (!root || !isKubernetes) return { text, parsed: document, isKubernetes, templated, flattened, syntaxProblems, aliased, ...EMPTY_MODEL_PARTS, memo: new Memo() };
  const objects = objectsOf(root, text, templated);
  const podSpecs: PodSpecModel[] = [];
  const misplaced: MisplacedField[] = [];
  for (const object of objects) {
    const segments = podSpecPath(object.kind, object.apiVersion);
    if (!segments) continue;
    const parts = analyseObject(object, segments);
    podSpecs.push(...parts.podSpecs);
    misplaced.push(...parts.misplaced);
  }
  const serviceAccounts = objects.map(serviceAccountOf).filter((sa): sa is ServiceAccountModel => sa !== undefined);
  return { text, parsed: document, isKubernetes, templated, flattened, syntaxProblems, aliased, objects, podSpecs: withCertainty(podSpecs, text, templated, syntaxProblems, aliased), serviceAccounts, misplaced, memo: new Memo() };
}

/**
 * `apiVersion: {{ include "common.capabilities.deployment.apiVersion" . }}`, as charts write it to
 * suit the cluster's version: the object is a manifest all the same, of an apiVersion the kind decides.
 */
function apiVersionIsAction(root: YAMLMap, text: string): boolean {
  const key = (findPair(root, 'apiVersion')?.key as { range?: [number, number, number] } | undefined)?.range;
  if (!key) return false;
  const lineEnd = text.indexOf('\n', key[0]);
  return text.slice(key[0], lineEnd === -1 ? undefined : lineEnd).includes('{{');
}

/**
 * Marks the pod specs of Helm templates whose volume names are all written out. A template the
 * parser could not read, even with its actions blanked, or one with aliases, keeps all its pod
 * specs uncertain.
 */
function withCertainty(podSpecs: PodSpecModel[], text: string, templated: boolean, syntaxProblems: readonly SyntaxProblem[], aliased: boolean): PodSpecModel[] {
  if (!templated) return podSpecs;
  // An alias brings in text whose actions lie elsewhere (into an item without actions, too): such a template stays uncertain.
  if (aliased) return podSpecs.map((p) => ({ ...p, volumeNamesCertain: false }));
  const actions = templateActions(text);
  const blanked = blankTemplateActions(text);
  return podSpecs.map((p) => (p.object.templated
    ? { ...p, volumeNamesCertain: syntaxProblems.length === 0 && volumeNamesCertain(text, blanked, p.object, p.node, actions) }
    : p));
}
