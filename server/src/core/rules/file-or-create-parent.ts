/**
 * A hostPath of type FileOrCreate in a directory the node may not have: the kubelet creates the
 * file but not its parent directory, so on a node without it the pod never starts. Quiet for
 * directories every node has (/etc, /var/log, /run, ...) and when the same pod mounts the parent
 * (or a directory below it) with DirectoryOrCreate, as the Kubernetes docs recommend.
 * https://kubernetes.io/docs/concepts/storage/volumes/#hostpath-fileorcreate-example
 */
import { asMap, findPair, getString, scalarRef } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { hasBacksteps, isPlaceholder, soleSources } from './volume-fields';

const ID = 'file-or-create-parent';
const ALWAYS_PRESENT = new Set(['/', '/dev', '/etc', '/home', '/root', '/run', '/tmp', '/usr', '/var', '/var/lib', '/var/lib/kubelet', '/var/log', '/var/run']);

export const fileOrCreateParent: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['hostPath.path', 'hostPath.type', 'volumes.name'],
  defaultSeverity: 'info',
  description: 'A hostPath of type FileOrCreate is in a directory that the kubelet does not create; on a node without it, the pod never starts.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      const hostPaths = [...soleSources([podSpec])].filter(({ source }) => source.key === 'hostPath').map(({ volume, source }) => ({ volume, source, map: asMap(source.map) }));
      const created = hostPaths.filter((h) => getString(h.map, 'type') === 'DirectoryOrCreate').map((h) => getString(h.map, 'path')?.replace(/\/+$/, '')).filter((p): p is string => !!p);
      for (const { volume, source, map } of hostPaths) {
        const type = scalarRef(findPair(map, 'type')?.value);
        const path = getString(map, 'path');
        if (type?.value !== 'FileOrCreate' || !path?.startsWith('/') || hasBacksteps(path) || isPlaceholder(path)) continue;
        const parent = path.replace(/\/+$/, '').replace(/\/[^/]*$/, '') || '/';
        if (ALWAYS_PRESENT.has(parent) || created.some((dir) => dir === parent || dir.startsWith(`${parent}/`))) continue;
        findings.push({
          rule: ID,
          message: `hostPath "${path}" has type FileOrCreate, which creates the file but not its directory: on a node without ${parent}, the kubelet cannot set the volume up and the pod never starts. Mount ${parent} with type DirectoryOrCreate in the same pod (as the Kubernetes docs show), or make sure every node has it.`,
          fieldPath: `${source.path}.type`,
          range: type.range,
          data: { name: volume.name?.value ?? null, path, parent, addVolume: { hostPath: { path: parent, type: 'DirectoryOrCreate' } } },
        });
      }
    }
    return findings;
  },
};
