/**
 * An `imagePullSecrets` entry is `{name: <Secret>}` and nothing else. A `namespace` (the usual
 * extra) is not a field: pull secrets always come from the pod's own namespace. kubectl
 * rejects unknown fields (strict decoding), the API server's own check says "only name may be
 * set", and tools that drop the key leave a pod pulling with a Secret that is not where the
 * author thought. A bare string (`- regcred`) cannot be decoded at all.
 * https://kubernetes.io/docs/concepts/containers/images/#referring-to-an-imagepullsecrets-on-a-pod
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { child, item } from '../model/field-path';
import { findPair, keyRange, keyText, rangeOf, scalarString } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'invalid-pull-secret-entry';
/** A type error fails decoding, before any validation: every kind is refused, StatefulSets included. */
const UNDECODABLE = 'The API server cannot decode the object (cannot unmarshal ... into LocalObjectReference) and refuses it.';

export const invalidPullSecretEntry: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['imagePullSecrets'],
  defaultSeverity: 'error',
  description: 'An imagePullSecrets entry has keys other than name (such as namespace), or is a bare string instead of {name: ...}.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      const pair = findPair(podSpec.node, 'imagePullSecrets');
      const path = child(podSpec.path, 'imagePullSecrets');
      if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
      if (!isSeq(pair.value)) {
        const value = scalarString(pair.value);
        findings.push({
          rule: ID,
          message: `imagePullSecrets is a list of {name: <Secret>} entries, not ${value !== undefined ? `"${value}"` : 'a map'}. ${UNDECODABLE}`,
          fieldPath: path,
          range: rangeOf(pair.value) ?? keyRange(pair)!,
          data: { names: value !== undefined ? [value] : [] },
        });
        continue;
      }
      pair.value.items.forEach((entry, index) => {
        const entryPath = item(path, index);
        if (isScalar(entry) && typeof entry.value === 'string') {
          findings.push({
            rule: ID,
            message: `This entry is the bare string "${entry.value}"; write it as "- name: ${entry.value}". ${UNDECODABLE}`,
            fieldPath: entryPath,
            range: rangeOf(entry)!,
            data: { names: [entry.value] },
          });
          return;
        }
        if (!isMap(entry)) return;
        for (const extra of entry.items) {
          const key = keyText(extra);
          if (key === undefined || key === 'name' || !keyRange(extra)) continue;
          findings.push({
            rule: ID,
            message: `"${key}" is not a field of an imagePullSecrets entry; only "name" may be set.${key === 'namespace' ? ' Pull secrets are always read from the pod\'s own namespace: create the Secret there.' : ''} kubectl rejects it (strict decoding: unknown field); the API server says "only name may be set"; tools that drop it hide the mistake.`,
            fieldPath: `${entryPath}.${key}`,
            range: keyRange(extra)!,
            data: { key, remove: true },
          });
        }
      });
    }
    return findings;
  },
};
