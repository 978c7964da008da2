/**
 * Each `projected.sources[]` entry holds exactly one of secret, configMap, downwardAPI,
 * serviceAccountToken or clusterTrustBundle, and no two of them may write the same file path.
 * The API server rejects the pod otherwise ("may not specify more than 1 volume type",
 * "conflicting duplicate paths", reported at the projected volume itself).
 * https://kubernetes.io/docs/concepts/storage/projected-volumes/
 */
import { isMap } from 'yaml';
import { findPair, keyRange, keyText, scalarRef, ScalarRef } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { entries, fileSources, soleSource } from './volume-fields';

const ID = 'projected-source-conflict';
const KINDS = new Set(['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate']);

export const projectedSourceConflict: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['items.path', 'clusterTrustBundle.path'],
  defaultSeverity: 'error',
  description: 'A projected volume source entry holds more than one kind, or two projected sources write the same file path.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const source = soleSource(volume);
        if (source?.key !== 'projected') continue;
        for (const entry of entries(source.map, 'sources', source.path)) {
          const kinds = entry.map.items.filter((p) => KINDS.has(keyText(p) ?? '') && isMap(p.value));
          if (kinds.length < 2) continue;
          findings.push({
            rule: ID,
            message: `This projected source holds ${kinds.map(keyText).join(' and ')}; each sources[] entry holds exactly one. Split it into separate entries. ${rejection(podSpec, `${entry.path}: Forbidden: may not specify more than 1 volume type`)}`,
            fieldPath: entry.path,
            range: keyRange(kinds[1])!,
            data: { kinds: kinds.map(keyText) },
          });
        }
        const seen = new Map<string, ScalarRef>();
        for (const file of fileSources(source)) {
          const paths = file.kind === 'serviceAccountToken' ? [] : file.kind === 'clusterTrustBundle' ? [{ map: file.map, path: file.path }] : entries(file.map, 'items', file.path);
          for (const item of paths) {
            const path = scalarRef(findPair(item.map, 'path')?.value);
            if (!path || path.value === '') continue;
            const first = seen.get(path.value);
            if (!first) {
              seen.set(path.value, path);
              continue;
            }
            findings.push({
              rule: ID,
              message: `Two projected sources write the file "${path.value}"; every path in a projected volume must be unique. ${rejection(podSpec, `${source.path}: Invalid value: conflicting duplicate paths`)}`,
              fieldPath: `${item.path}.path`,
              range: path.range,
              related: [{ message: `"${path.value}" first written here`, range: first.range }],
              data: { path: path.value },
            });
          }
        }
      }
    }
    return findings;
  },
};
