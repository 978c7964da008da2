/**
 * A volume no container mounts. Harmless to the API server, but it is either dead weight or
 * the other half of a mount whose name is misspelt; in the second case the mount's own
 * finding says so, and this one stays quiet (root cause only).
 */
import { MISPLACED_NAMES } from './fields';
import { mountedNames, namesMeantByMounts } from './mount-without-volume';
import { completePodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

export const unusedVolume: DocumentRule = {
  id: 'unused-volume',
  scope: 'document',
  // Known names include misplaced ones; intendedVolume reads the objects volumes point at.
  reads: [...MISPLACED_NAMES, 'secret.secretName', 'configMap.name', 'persistentVolumeClaim.claimName'],
  defaultSeverity: 'warning',
  description: 'A volume is declared but no container, init container or ephemeral container mounts it.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of completePodSpecs(document)) {
      const used = mountedNames(podSpec);
      const meant = namesMeantByMounts(podSpec, used);
      for (const volume of podSpec.podVolumes) {
        const name = volume.name;
        if (!name || used.has(name.value) || meant.has(name.value)) continue;
        findings.push({
          rule: 'unused-volume',
          message: `Volume "${name.value}" is not mounted by any container of this pod spec.`,
          fieldPath: `${volume.path}.name`,
          range: name.range,
          unnecessary: true,
          data: { name: name.value, index: volume.index },
        });
      }
    }
    return findings;
  },
};
