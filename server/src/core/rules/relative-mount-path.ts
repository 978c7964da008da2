/**
 * A `mountPath` that does not start with `/`. The API server does not check it; on Linux the
 * kubelet prefixes a `/`, so `config` is mounted at `/config`, at the root of the container's
 * filesystem and not in its working directory, where the author usually expected it.
 * https://kubernetes.io/docs/concepts/storage/volumes/
 */
import { CONTAINER_NAMES } from './fields';
import { describeContainer, literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { isAbsolutePath, isPlaceholder } from './volume-fields';

const ID = 'relative-mount-path';

/** Where the kubelet mounts a relative path on Linux: `filepath.Clean("/" + path)`. */
export function rootedPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export const relativeMountPath: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...CONTAINER_NAMES, 'volumeMounts.name', 'volumeMounts.mountPath'],
  defaultSeverity: 'warning',
  description: 'A mountPath is relative; the kubelet mounts it at the root of the container (config becomes /config), not in the working directory.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        for (const mount of container.mounts) {
          const target = mount.target;
          if (!target || target.value === '' || isAbsolutePath(target.value) || isPlaceholder(target.value)) continue;
          const absolute = rootedPath(target.value);
          findings.push({
            rule: ID,
            message: `${describeContainer(container)} mounts "${mount.name?.value ?? '?'}" at the relative path "${target.value}". The API server accepts it, and the kubelet mounts it at ${absolute}, from the root of the container's filesystem, not from its working directory. Write the absolute path you mean.`,
            fieldPath: `${mount.path}.mountPath`,
            range: target.range,
            data: { mountPath: target.value, suggestions: [absolute] },
          });
        }
      }
    }
    return findings;
  },
};
