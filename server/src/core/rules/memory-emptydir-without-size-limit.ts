/**
 * `emptyDir.medium: Memory` without `sizeLimit`: the tmpfs may grow to the node's allocatable
 * memory, and every byte written counts against the writing container's memory limit, so a
 * full scratch directory gets the container OOM-killed instead of failing a write.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#memory-backed-emptydir
 */
import { asMap, findPair, getNode, getString, keyRange } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

export const memoryEmptyDirWithoutSizeLimit: DocumentRule = {
  id: 'memory-emptydir-without-size-limit',
  scope: 'document',
  reads: ['emptyDir.medium', 'volumes.name'],
  defaultSeverity: 'warning',
  description: 'An emptyDir with medium: Memory has no sizeLimit, so it can use up to all of the node\'s memory.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const source = volume.sources.find((s) => s.key === 'emptyDir');
        const emptyDir = asMap(source?.pair.value);
        if (!source || getString(emptyDir, 'medium') !== 'Memory' || getNode(emptyDir, 'sizeLimit') !== undefined) continue;
        const medium = findPair(emptyDir, 'medium');
        findings.push({
          rule: 'memory-emptydir-without-size-limit',
          message: `Memory-backed emptyDir${volume.name ? ` "${volume.name.value}"` : ''} has no sizeLimit: the tmpfs can grow to the node's allocatable memory, and what is written counts toward the container's memory limit (OOM-kill). Set emptyDir.sizeLimit (e.g. 1Gi).`,
          fieldPath: `${volume.path}.emptyDir`,
          range: (medium && keyRange(medium)) ?? source.keyRange,
          data: { name: volume.name?.value, emptyDirPath: `${volume.path}.emptyDir` },
        });
      }
    }
    return findings;
  },
};
