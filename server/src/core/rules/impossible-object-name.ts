/**
 * A reference to a Secret, ConfigMap or PersistentVolumeClaim by a name that no such object can
 * have: not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253), e.g.
 * `My_Config`. The API server only checks that the name is not empty, so the pod is accepted and
 * then waits for an object that cannot exist: a claim keeps it Pending, a Secret or ConfigMap
 * volume in ContainerCreating, and a pull secret is skipped.
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
 */
import { findPair, scalarRef, ScalarRef } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { DNS_SUBDOMAIN } from './formats';
import { entries, fileSources, isPlaceholder, soleSources } from './volume-fields';

const ID = 'impossible-object-name';

/** The nearest valid name: lower case, other characters turned into '-'. */
function toDnsSubdomain(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/\.{2,}/g, '.').slice(0, 253).replace(/^[-.]+|[-.]+$/g, '');
}

interface Reference { kind: string; ref: ScalarRef; path: string; consequence: string }

const MOUNT_WAITS = 'the kubelet cannot mount the volume and the pod stays in ContainerCreating (unless optional: true, which leaves it empty)';

export const impossibleObjectName: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['persistentVolumeClaim.claimName', 'secret.secretName', 'secret.name', 'configMap.name', 'imagePullSecrets.name'],
  defaultSeverity: 'warning',
  description: 'A claimName, secretName, configMap name or imagePullSecrets name is not a valid object name (e.g. My_Config), so no such object can exist.',
  check(document) {
    const references: Reference[] = [];
    const podSpecs = literalPodSpecs(document);
    for (const { source } of soleSources(podSpecs)) {
      if (source.key === 'persistentVolumeClaim') {
        const ref = scalarRef(findPair(source.map, 'claimName')?.value);
        if (ref) references.push({ kind: 'PersistentVolumeClaim', ref, path: `${source.path}.claimName`, consequence: 'the pod stays Pending (persistentvolumeclaim not found)' });
      }
      for (const file of fileSources(source)) {
        if (file.kind !== 'secret' && file.kind !== 'configMap') continue;
        const key = file.kind === 'secret' && !file.projected ? 'secretName' : 'name';
        const ref = scalarRef(findPair(file.map, key)?.value);
        if (ref) references.push({ kind: file.kind === 'secret' ? 'Secret' : 'ConfigMap', ref, path: `${file.path}.${key}`, consequence: MOUNT_WAITS });
      }
    }
    for (const podSpec of podSpecs) {
      for (const entry of entries(podSpec.node, 'imagePullSecrets', podSpec.path)) {
        const ref = scalarRef(findPair(entry.map, 'name')?.value);
        if (ref) references.push({ kind: 'Secret', ref, path: `${entry.path}.name`, consequence: 'the kubelet skips the pull secret (FailedToRetrieveImagePullSecret) and pulls without it' });
      }
    }
    const findings: Finding[] = [];
    for (const { kind, ref, path, consequence } of references) {
      const name = ref.value;
      if (name === '' || isPlaceholder(name) || (DNS_SUBDOMAIN.test(name) && name.length <= 253)) continue;
      const suggestion = toDnsSubdomain(name);
      findings.push({
        rule: ID,
        message: `"${name}" cannot be the name of a ${kind}: names are DNS-1123 subdomains (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters).${suggestion ? ` Did you mean "${suggestion}"?` : ''} The API server accepts the reference, but ${consequence}.`,
        fieldPath: path,
        range: ref.range,
        data: { kind, name, suggestions: suggestion ? [suggestion] : [] },
      });
    }
    return findings;
  },
};
