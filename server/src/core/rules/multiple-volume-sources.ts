/**
 * A volume has exactly one source. With two (often the result of a merge by list index), the
 * API server rejects the pod: "may not specify more than 1 volume type".
 */
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'multiple-volume-sources';

export const multipleVolumeSources: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.name'],
  defaultSeverity: 'error',
  description: 'A volume declares more than one source (for example both secret and configMap).',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        if (volume.sources.length < 2) continue;
        const keys = volume.sources.map((s) => s.key);
        const label = volume.name ? `Volume "${volume.name.value}"` : `The volume at ${volume.path}`;
        findings.push({
          rule: ID,
          message: `${label} has ${keys.length} sources (${keys.join(', ')}); a volume must have exactly one. ${rejection(podSpec, `${volume.path}: may not specify more than 1 volume type`)}`,
          fieldPath: volume.path,
          range: volume.sources[1].keyRange,
          related: volume.sources.map((s) => ({ message: `source "${s.key}"`, range: s.keyRange })),
          data: { sources: keys },
        });
      }
    }
    return findings;
  },
};
