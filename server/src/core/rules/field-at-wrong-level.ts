/**
 * `volumes`, `imagePullSecrets`, `volumeClaimTemplates`, `volumeMounts` (and containers) written
 * one level off: inside a container, at a Deployment's `spec` instead of `spec.template.spec`,
 * or claim templates inside a StatefulSet's pod template. kubectl validates strictly and the
 * API server rejects the unknown field; tools that do not, drop it, and the pod runs without it.
 */
import { PASTED_HINT } from '../model/syntax-problems';
import type { DocumentModel, MisplacedField } from '../model/types';
import { MISPLACED_NAMES } from './fields';
import type { DocumentRule, Finding, RelatedLocation } from './types';

/** "inside a container", "in the pod spec" or "at spec": where the field was written. */
function describeLocation(field: MisplacedField, podSpecPaths: ReadonlySet<string>): string {
  const parent = field.path === field.field ? '' : field.path.slice(0, -(field.field.length + 1));
  if (/(?:containers|initContainers|ephemeralContainers)\[\d+\]$/.test(parent)) return `inside a container (${parent})`;
  if (podSpecPaths.has(parent)) return `in the pod spec (${parent})`;
  return parent ? `at ${parent}` : 'at the root of the object';
}

function destination(field: MisplacedField): string {
  if (field.belongsAt) return `It belongs at ${field.belongsAt}.`;
  if (field.field === 'volumeClaimTemplates') return `Only a StatefulSet has volumeClaimTemplates; a ${field.object.kind} can use a persistentVolumeClaim or an ephemeral volume.`;
  return '';
}

/** Mounts that use a name declared only in this misplaced block. */
function mountsOfDeclaredNames(document: DocumentModel, field: MisplacedField): RelatedLocation[] {
  if (field.declaredNames.length === 0) return [];
  const names = new Set(field.declaredNames);
  const related: RelatedLocation[] = [];
  for (const podSpec of document.podSpecs) {
    if (podSpec.object !== field.object) continue;
    const declared = new Set([...podSpec.podVolumes, ...podSpec.claimTemplates].map((v) => v.name?.value));
    for (const container of podSpec.containers) {
      for (const mount of [...container.mounts, ...container.devices]) {
        if (mount.name && names.has(mount.name.value) && !declared.has(mount.name.value)) {
          related.push({ message: `"${mount.name.value}" is mounted here but declared only in the misplaced block`, range: mount.name.range });
        }
      }
    }
  }
  return related;
}

export const fieldAtWrongLevel: DocumentRule = {
  id: 'field-at-wrong-level',
  scope: 'document',
  reads: [...MISPLACED_NAMES],
  defaultSeverity: 'error',
  description: 'volumes, imagePullSecrets, volumeClaimTemplates or volumeMounts are written at a level where Kubernetes does not read them.',
  check(document) {
    const podSpecPaths = new Set(document.podSpecs.map((p) => p.path));
    const findings: Finding[] = [];
    for (const field of document.misplaced) {
      if (field.object.templated) continue;
      findings.push({
        rule: 'field-at-wrong-level',
        message: `"${field.field}" is not a field ${describeLocation(field, podSpecPaths)}: the API server rejects it as an unknown field, and tools that drop it run the pod without it. ${destination(field)}${document.flattened ? PASTED_HINT : ''}`.trim(),
        fieldPath: field.path,
        range: field.keyRange,
        related: mountsOfDeclaredNames(document, field),
        data: { field: field.field, belongsAt: field.belongsAt ?? null },
      });
    }
    return findings;
  },
};
