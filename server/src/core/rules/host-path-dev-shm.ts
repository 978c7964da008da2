/**
 * The node's /dev/shm mounted with hostPath to give a container more shared memory (a common
 * Chrome and Selenium recipe). Every pod that does this shares one tmpfs with the node and with
 * each other, nothing limits or accounts for it, and leftovers survive the pod. A Memory
 * emptyDir mounted at /dev/shm gives each pod its own, sized by sizeLimit.
 * https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
 */
import { asMap, findPair, scalarRef } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { soleSource } from './volume-fields';

const ID = 'host-path-dev-shm';

export const hostPathDevShm: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['hostPath.path', 'volumes.name'],
  defaultSeverity: 'warning',
  description: 'The node\'s /dev/shm is mounted with hostPath; a Memory emptyDir with a sizeLimit gives the pod its own, bounded shared memory.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const source = soleSource(volume);
        const path = source?.key === 'hostPath' ? scalarRef(findPair(asMap(source.map), 'path')?.value) : undefined;
        if (!source || !path || !/^\/dev\/shm\/?$/.test(path.value)) continue;
        findings.push({
          rule: ID,
          message: `hostPath "${path.value}" shares the node's shared memory with this pod, with the node and with every other pod that mounts it: nothing limits it or counts it against the pod, and what is left there outlives the pod. For more /dev/shm, use an emptyDir with medium: Memory and a sizeLimit (e.g. 1Gi), mounted at /dev/shm.`,
          fieldPath: source.path,
          range: source.keyRange,
          data: { name: volume.name?.value ?? null, replaceWith: { emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } } },
        });
      }
    }
    return findings;
  },
};
