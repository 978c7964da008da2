/**
 * A configMap, secret, projected or downwardAPI volume mounted (without subPath) over a home
 * directory (/root, /home/<user>) or a top-level system directory (/etc, /usr, /var, /tmp...):
 * the mount replaces the whole directory, so what the image had there disappears and the
 * directory becomes read-only ("EROFS: read-only file system, mkdir '/root/.cache'").
 * https://kubernetes.io/docs/concepts/storage/volumes/#configmap
 */
import { findPair, scalarRef, scalarString } from '../model/yaml-nodes';
import { CONTAINER_NAMES } from './fields';
import { completePodSpecs, describeContainer, podVolumeNamed } from './scope';
import { PROJECTED_KINDS } from './sub-path-never-updated';
import type { DocumentRule, Finding } from './types';
import { entries, soleSource } from './volume-fields';

const ID = 'config-mount-hides-directory';
const SYSTEM_DIRECTORIES = new Set(['/', '/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/var', '/tmp', '/opt', '/home', '/root', '/srv']);

function hiddenDirectory(mountPath: string): string | undefined {
  const path = mountPath.length > 1 ? mountPath.replace(/\/+$/, '') : mountPath;
  if (SYSTEM_DIRECTORIES.has(path)) return path === '/root' ? 'the root user\'s home directory' : 'a system directory';
  return /^\/home\/[^/]+$/.test(path) ? 'a home directory' : undefined;
}

export const configMountHidesDirectory: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...CONTAINER_NAMES, 'volumes.name', 'volumeMounts.name', 'volumeMounts.mountPath', 'items.path'],
  defaultSeverity: 'warning',
  description: 'A configMap or secret volume is mounted over a home or system directory, hiding what the image has there and making it read-only.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of completePodSpecs(document)) {
      for (const container of podSpec.containers) {
        for (const mount of container.mounts) {
          const volume = podVolumeNamed(podSpec, mount.name?.value);
          const source = volume && soleSource(volume);
          const target = mount.target;
          const what = target && hiddenDirectory(target.value);
          if (!source || !PROJECTED_KINDS.has(source.key) || !what || scalarRef(findPair(mount.node, 'subPath')?.value)) continue;
          const files = entries(source.map, 'items', source.path).map((e) => scalarString(findPair(e.map, 'path')?.value)).filter((p): p is string => p !== undefined);
          const base = target.value.replace(/\/+$/, '');
          const single = files.length === 1 ? files[0] : undefined;
          findings.push({
            rule: ID,
            message: `${describeContainer(container)} mounts ${source.key} volume "${mount.name!.value}" at ${target.value}, ${what}: the mount replaces the whole directory, hiding what the image has there, and makes it read-only, so the program cannot create files in it.${single ? ` items[0].path "${single}" suggests one file is wanted: mount it at ${base}/${single} with subPath: ${single} (such a file is not updated when the ${source.key} changes), or mount the volume in a directory of its own.` : ' Mount it in a directory of its own.'}`,
            fieldPath: `${mount.path}.mountPath`,
            range: target.range,
            data: { mountPath: target.value, files, suggestion: single ? { mountPath: `${base}/${single}`, subPath: single } : null },
          });
        }
      }
    }
    return findings;
  },
};
