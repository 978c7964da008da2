/**
 * A hostPath `path` that does not start with `/`. The API server only rejects a `..` element; a
 * relative node path is then resolved against the working directory of the kubelet and of the
 * container runtime on each node (usually `/`, but nothing in the pod decides it), so what is
 * mounted, and where `DirectoryOrCreate` creates it, is up to the node's setup.
 * https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
import { asMap, findPair, scalarRef } from '../model/yaml-nodes';
import { rootedPath } from './relative-mount-path';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { hasBacksteps, isAbsolutePath, isPlaceholder, soleSources } from './volume-fields';

const ID = 'relative-host-path';

export const relativeHostPath: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['hostPath.path', 'volumes.name'],
  defaultSeverity: 'warning',
  description: 'A hostPath path is relative; which node directory it means depends on the working directory of the kubelet and the container runtime.',
  check(document) {
    const findings: Finding[] = [];
    for (const { volume, source } of soleSources(literalPodSpecs(document))) {
      const path = source.key === 'hostPath' ? scalarRef(findPair(asMap(source.map), 'path')?.value) : undefined;
      // Empty paths and '..' are invalid-host-path's errors.
      if (!path || path.value === '' || hasBacksteps(path.value) || isAbsolutePath(path.value) || isPlaceholder(path.value)) continue;
      const absolute = rootedPath(path.value);
      findings.push({
        rule: ID,
        message: `hostPath "${path.value}" is relative. The API server accepts it, but a node path is resolved against the working directory of the kubelet and the container runtime on each node, which nothing in the pod decides. Write the absolute node path (${absolute}?).`,
        fieldPath: `${source.path}.path`,
        range: path.range,
        data: { name: volume.name?.value ?? null, path: path.value, suggestions: [absolute] },
      });
    }
    return findings;
  },
};
