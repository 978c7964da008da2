/**
 * A volume with nothing but a name. The API server defaults it to an empty emptyDir, so the pod
 * starts, but data written there is lost with the pod: usually a source was forgotten or
 * indented under the wrong key. Say `emptyDir: {}` when a scratch directory is what you want.
 */
import { completePodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'volume-without-source';

export const volumeWithoutSource: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.name'],
  defaultSeverity: 'warning',
  description: 'A volume names no source; Kubernetes silently turns it into an empty emptyDir.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of completePodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        if (volume.sources.length > 0 || volume.unknownKeys.length > 0 || !volume.name) continue;
        const empty = volume.nullSources.find((s) => s.key !== 'emptyDir');
        const why = empty ? `its "${empty.key}" is empty (null), so it has no source` : 'it has no source (emptyDir, configMap, secret, persistentVolumeClaim, ...)';
        if (volume.nullSources.some((s) => s.key === 'emptyDir') && !empty) continue; // `emptyDir:` is a plain emptyDir
        findings.push({
          rule: ID,
          message: `Volume "${volume.name.value}": ${why}. Kubernetes turns it into an empty emptyDir whose data is lost with the pod; write \`emptyDir: {}\` if that is what you mean.`,
          fieldPath: volume.path,
          range: volume.name.range,
          data: { name: volume.name.value },
        });
      }
    }
    return findings;
  },
};
