/**
 * A downwardAPI volume file (also inside a projected volume) exposes exactly one of `fieldRef`
 * or `resourceFieldRef`. In a volume, `fieldRef` can only read metadata.name, namespace, uid,
 * labels and annotations (or one label or annotation: `metadata.labels['app']`); spec.nodeName,
 * status.podIP and the like exist only as environment variables. `resourceFieldRef` needs a
 * `containerName` and a limits/requests resource. The API server rejects the pod otherwise.
 * https://kubernetes.io/docs/concepts/workloads/pods/downward-api/#downwardapi-fieldref
 */
import type { YAMLMap } from 'yaml';
import { asMap, findPair, scalarRef } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { entries, fieldOf, fileSourcesOfKind, firstKeyRange, isEmptyField } from './volume-fields';

const ID = 'unsupported-downward-api-field';
const VOLUME_FIELDS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.labels', 'metadata.annotations'];
const RESOURCES = /^(limits|requests)\.(cpu|memory|ephemeral-storage|hugepages-.+)$/;

interface Problem { field: string; why: string; says: string; data?: Record<string, unknown> }

function fieldRefProblem(fieldRef: YAMLMap): Problem | undefined {
  const fieldPath = scalarRef(findPair(fieldRef, 'fieldPath')?.value);
  if (!fieldPath || fieldPath.value === '') return { field: 'fieldRef.fieldPath', why: 'fieldRef has no fieldPath.', says: 'Required value' };
  const subscripted = /^(metadata\.(?:labels|annotations))\['[^']+'\]$/.exec(fieldPath.value);
  if (subscripted || VOLUME_FIELDS.includes(fieldPath.value)) return undefined;
  const asEnv = /^(spec\.|status\.)/.test(fieldPath.value);
  return {
    field: 'fieldRef.fieldPath',
    why: `"${fieldPath.value}" cannot be exposed in a downwardAPI volume, only ${VOLUME_FIELDS.join(', ')} (or one key: metadata.labels['app']).${asEnv ? ' It is available as an environment variable (env[].valueFrom.fieldRef).' : ''}`,
    says: 'Unsupported value',
    data: { value: fieldPath.value, allowed: VOLUME_FIELDS, moveToEnv: asEnv },
  };
}

function resourceProblems(ref: YAMLMap): Problem[] {
  const problems: Problem[] = [];
  if (isEmptyField(ref, 'containerName')) problems.push({ field: 'resourceFieldRef.containerName', why: 'resourceFieldRef in a volume must name the container (containerName) whose resources it reads.', says: 'Required value' });
  const resource = scalarRef(findPair(ref, 'resource')?.value);
  if (!resource || resource.value === '') problems.push({ field: 'resourceFieldRef.resource', why: 'resourceFieldRef has no resource.', says: 'Required value' });
  else if (!RESOURCES.test(resource.value)) problems.push({ field: 'resourceFieldRef.resource', why: `"${resource.value}" is not a resource the downward API exposes: limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory, requests.ephemeral-storage (or hugepages-<size>).`, says: 'Unsupported value' });
  return problems;
}

function itemProblems(item: YAMLMap): Problem[] {
  const fieldRef = asMap(findPair(item, 'fieldRef')?.value);
  const resourceRef = asMap(findPair(item, 'resourceFieldRef')?.value);
  if (fieldRef && resourceRef) return [{ field: 'resourceFieldRef', why: 'This file has both fieldRef and resourceFieldRef; it exposes one value, so keep one.', says: 'Invalid value: fieldRef and resourceFieldRef can not be specified simultaneously' }];
  if (fieldRef) return [fieldRefProblem(fieldRef)].filter((p): p is Problem => p !== undefined);
  if (resourceRef) return resourceProblems(resourceRef);
  return [{ field: '', why: 'This file has neither fieldRef nor resourceFieldRef: say which value it exposes.', says: 'Required value: one of fieldRef and resourceFieldRef is required' }];
}

export const unsupportedDownwardApiField: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['fieldRef.fieldPath', 'resourceFieldRef.containerName', 'resourceFieldRef.resource'],
  defaultSeverity: 'error',
  description: 'A downwardAPI volume file uses a field that volumes cannot expose (spec.nodeName, status.podIP, ...), has both or neither of fieldRef and resourceFieldRef, or lacks resourceFieldRef.containerName.',
  check(document) {
    const findings: Finding[] = [];
    for (const { podSpec, volume, file } of fileSourcesOfKind(literalPodSpecs(document), 'downwardAPI')) {
      for (const item of entries(file.map, 'items', file.path)) {
        for (const problem of itemProblems(item.map)) {
          const path = problem.field ? `${item.path}.${problem.field}` : item.path;
          const [parent, leaf] = problem.field.includes('.') ? problem.field.split('.') : [problem.field, ''];
          const target = parent ? fieldOf(item.map, parent, item.path) : undefined;
          const leafRef = leaf ? fieldOf(asMap(target?.node), leaf, '') : undefined;
          findings.push({
            rule: ID,
            message: `${problem.why} ${rejection(podSpec, `${path}: ${problem.says}`)}`,
            fieldPath: path,
            range: leafRef?.range ?? target?.keyRange ?? firstKeyRange(item.map, volume.range),
            data: problem.data ?? {},
          });
        }
      }
    }
    return findings;
  },
};
