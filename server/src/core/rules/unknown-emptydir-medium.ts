/**
 * An `emptyDir.medium` other than "" (node disk), `Memory`, `HugePages` or `HugePages-<size>`.
 * The API server does not check it; the kubelet then fails to set the volume up ("unknown
 * storage medium") and the pod never starts. `memory` and `tmpfs` are the usual slips.
 * https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
 */
import { asMap, findPair, scalarRef } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { soleSource } from './volume-fields';

const ID = 'unknown-emptydir-medium';

export const unknownEmptyDirMedium: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['emptyDir.medium'],
  defaultSeverity: 'warning',
  description: 'An emptyDir medium is not "", Memory or HugePages: the kubelet cannot set the volume up and the pod never starts.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const source = soleSource(volume);
        const medium = source?.key === 'emptyDir' ? scalarRef(findPair(asMap(source.map), 'medium')?.value) : undefined;
        if (!source || !medium || medium.value === '' || medium.value === 'Memory' || /^HugePages(-.+)?$/.test(medium.value)) continue;
        const suggestion = /^(memory|ram|tmpfs|shm)$/i.test(medium.value) ? 'Memory' : /^hugepages/i.test(medium.value) ? 'HugePages' : /^(disk|default|node)$/i.test(medium.value) ? '' : undefined;
        findings.push({
          rule: ID,
          message: `emptyDir medium "${medium.value}" is not one the kubelet knows ("" for node disk, Memory, HugePages or HugePages-<size>; case matters). The API server accepts it, but the kubelet fails to set the volume up ("unknown storage medium") and the pod never starts.${suggestion !== undefined ? ` Did you mean ${suggestion === '' ? 'the default (remove medium)' : `"${suggestion}"`}?` : ''}`,
          fieldPath: `${source.path}.medium`,
          range: medium.range,
          data: { value: medium.value, suggestions: suggestion !== undefined ? [suggestion] : [] },
        });
      }
    }
    return findings;
  },
};
