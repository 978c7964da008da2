/**
 * An imagePullSecrets entry the kubelet skips: one with an empty name, or a second entry for
 * the same Secret. The API server accepts the pod with a warning ("invalid empty name",
 * "duplicate name"); an empty entry often means a Helm value or a kustomize replacement left
 * the name blank, so the pod pulls without the credentials it was meant to have.
 * https://kubernetes.io/docs/concepts/containers/images/#specifying-imagepullsecrets-on-a-pod
 */
import { isMap, isScalar } from 'yaml';
import { child, item } from '../model/field-path';
import { asSeq, findPair, getNode, keyRange, rangeOf } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'ignored-pull-secret-entry';

export const ignoredPullSecretEntry: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['imagePullSecrets.name'],
  defaultSeverity: 'warning',
  description: 'An imagePullSecrets entry has an empty name or repeats another; the kubelet ignores it (the API server only warns).',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      const seen = new Map<string, number>();
      asSeq(getNode(podSpec.node, 'imagePullSecrets'))?.items.forEach((entry, index) => {
        if (!isMap(entry)) return;
        const path = item(child(podSpec.path, 'imagePullSecrets'), index);
        const pair = findPair(entry, 'name');
        const name = pair && isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value) : '';
        const range = (pair && (rangeOf(pair.value) ?? keyRange(pair))) ?? rangeOf(entry);
        if (!range) return;
        if (name === '') {
          findings.push({ rule: ID, message: 'This imagePullSecrets entry has no name: the kubelet ignores it (the API server warns "invalid empty name"). Name the pull Secret, or remove the entry; check the template or value that should have filled it.', fieldPath: `${path}.name`, range, data: { remove: true } });
        } else if (seen.has(name)) {
          findings.push({ rule: ID, message: `Secret "${name}" is already listed (imagePullSecrets[${seen.get(name)}]); the duplicate is ignored (the API server warns "duplicate name"). Remove it.`, fieldPath: `${path}.name`, range, data: { name, remove: true, firstIndex: seen.get(name) } });
        } else {
          seen.set(name, index);
        }
      });
    }
    return findings;
  },
};
