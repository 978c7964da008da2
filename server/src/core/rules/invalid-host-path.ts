/**
 * hostPath fields the API server rejects: an empty `path`, a path with a `..` element, or a
 * `type` outside the eight it knows (case matters: `directory` is not `Directory`).
 * https://kubernetes.io/docs/concepts/storage/volumes/#hostpath-volume-types
 */
import { asMap, findPair, getString, scalarRef } from '../model/yaml-nodes';
import { nearestName } from '../nearest-name';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { hasBacksteps, isEmptyField, soleSource } from './volume-fields';

const ID = 'invalid-host-path';
export const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

export const invalidHostPath: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['hostPath.path', 'hostPath.type'],
  defaultSeverity: 'error',
  description: 'A hostPath volume has no path, a path with a \'..\' element, or an unknown type.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const source = soleSource(volume);
        // A hostPath that is not a map (hostPath: /var/log) is invalid-field-value's.
        if (source?.key !== 'hostPath' || !source.map) continue;
        const hostPath = asMap(source.map);
        const path = scalarRef(findPair(hostPath, 'path')?.value);
        if (!path || isEmptyField(hostPath, 'path')) {
          findings.push({
            rule: ID,
            message: `hostPath has no "path": say which directory or file of the node to mount. ${rejection(podSpec, `${source.path}.path: Required value`)}`,
            fieldPath: `${source.path}.path`,
            range: source.keyRange,
            data: { field: 'path' },
          });
        } else if (hasBacksteps(path.value)) {
          findings.push({
            rule: ID,
            message: `hostPath "${path.value}" has a '..' element; write the path without it. ${rejection(podSpec, `${source.path}.path: Invalid value: must not contain '..'`)}`,
            fieldPath: `${source.path}.path`,
            range: path.range,
            data: { path: path.value },
          });
        }
        const type = scalarRef(findPair(hostPath, 'type')?.value);
        if (!type || getString(hostPath, 'type') === undefined || HOST_PATH_TYPES.includes(type.value)) continue;
        const suggestion = HOST_PATH_TYPES.find((t) => t.toLowerCase() === type.value.toLowerCase()) ?? nearestName(type.value, HOST_PATH_TYPES.slice(1));
        findings.push({
          rule: ID,
          message: `hostPath type "${type.value}" is not one of ${HOST_PATH_TYPES.slice(1).join(', ')} (or empty).${suggestion ? ` Did you mean "${suggestion}"?` : ''} ${rejection(podSpec, `${source.path}.type: Unsupported value`)}`,
          fieldPath: `${source.path}.type`,
          range: type.range,
          data: { value: type.value, suggestions: suggestion ? [suggestion] : [], allowed: HOST_PATH_TYPES },
        });
      }
    }
    return findings;
  },
};
