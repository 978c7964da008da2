/**
 * Two volumes of one pod spec with the same name: the API server rejects the pod
 * (spec.volumes[1].name: Duplicate value), and no reader can tell which one a mount meant.
 */
import type { VolumeModel } from '../model/types';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'duplicate-volume-name';

export const duplicateVolumeName: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.name'],
  defaultSeverity: 'error',
  description: 'Two volumes in one pod spec have the same name.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      const first = new Map<string, VolumeModel>();
      for (const volume of podSpec.podVolumes) {
        if (!volume.name) continue;
        const earlier = first.get(volume.name.value);
        if (!earlier) {
          first.set(volume.name.value, volume);
          continue;
        }
        findings.push({
          rule: ID,
          message: `Volume "${volume.name.value}" is declared twice in this pod spec (first at ${earlier.path}). ${rejection(podSpec, `${volume.path}.name: Duplicate value`)}`,
          fieldPath: `${volume.path}.name`,
          range: volume.name.range,
          related: [{ message: `First declaration of "${volume.name.value}"`, range: earlier.name!.range }],
          data: { name: volume.name.value, firstIndex: earlier.index },
        });
      }
    }
    return findings;
  },
};
