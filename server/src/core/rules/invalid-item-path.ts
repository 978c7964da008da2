/**
 * Files a configMap, secret, downwardAPI or projected volume writes must stay inside the
 * volume: each `items[]` entry needs a `key` (configMap, secret) and a `path` that is relative,
 * has no `..` element and does not start with `..` (the kubelet keeps its own `..data` there);
 * a serviceAccountToken or clusterTrustBundle projection needs such a `path` too. The API
 * server rejects the pod otherwise.
 * https://kubernetes.io/docs/concepts/configuration/configmap/#using-configmaps-as-files-from-a-pod
 */
import { findPair, scalarRef } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { entries, fileSources, firstKeyRange, isEmptyField, localPathProblem, soleSource } from './volume-fields';
import type { YAMLMap } from 'yaml';
import type { Range } from '../model/yaml-nodes';

const ID = 'invalid-item-path';

interface Entry { map: YAMLMap; path: string; needsKey: boolean; anchor: Range }

export const invalidItemPath: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['items.key', 'items.path', 'serviceAccountToken.path', 'clusterTrustBundle.path'],
  defaultSeverity: 'error',
  description: 'An items[] entry lacks key or path, or its path is absolute, contains \'..\' or starts with \'..\' (also projected token and trust-bundle paths).',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const source = soleSource(volume);
        const files: Entry[] = [];
        for (const file of source ? fileSources(source) : []) {
          if (file.kind === 'serviceAccountToken' || file.kind === 'clusterTrustBundle') {
            files.push({ map: file.map, path: file.path, needsKey: false, anchor: firstKeyRange(file.map, volume.range) });
            continue;
          }
          for (const entry of entries(file.map, 'items', file.path)) {
            files.push({ ...entry, needsKey: file.kind !== 'downwardAPI', anchor: firstKeyRange(entry.map, volume.range) });
          }
        }
        for (const file of files) {
          const missing = [...(file.needsKey ? ['key'] : []), 'path'].filter((f) => isEmptyField(file.map, f));
          for (const field of missing) {
            findings.push({
              rule: ID,
              message: `This entry has no "${field}". ${rejection(podSpec, `${file.path}.${field}: Required value`)}`,
              fieldPath: `${file.path}.${field}`,
              range: file.anchor,
              data: { field },
            });
          }
          const path = scalarRef(findPair(file.map, 'path')?.value);
          const problem = path && localPathProblem(path.value, true);
          if (!path || !problem) continue;
          findings.push({
            rule: ID,
            message: `File path "${path.value}" ${problem}: files are written inside the volume, relative to its mount path. ${rejection(podSpec, `${file.path}.path: Invalid value: ${problem}`)}`,
            fieldPath: `${file.path}.path`,
            range: path.range,
            data: { path: path.value, suggestions: path.value.startsWith('/') ? [path.value.replace(/^\/+/, '')] : [] },
          });
        }
      }
    }
    return findings;
  },
};
