/**
 * A StatefulSet volumeClaimTemplate that no container mounts: a PersistentVolumeClaim (and
 * usually a disk) is still created for every replica and kept after scale-down, but no
 * container reads or writes it. Often the mount names the template wrongly; that mount's own
 * finding says so, and this one stays quiet.
 * https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates
 */
import { MISPLACED_NAMES } from './fields';
import { mountedNames, namesMeantByMounts } from './mount-without-volume';
import { completePodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'unmounted-claim-template';

export const unmountedClaimTemplate: DocumentRule = {
  id: ID,
  scope: 'document',
  // Known names include misplaced ones; intendedVolume reads the objects volumes point at.
  reads: [...MISPLACED_NAMES, 'secret.secretName', 'configMap.name', 'persistentVolumeClaim.claimName'],
  defaultSeverity: 'info',
  description: 'A StatefulSet volumeClaimTemplate is not mounted by any container, yet a claim is created for every replica.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of completePodSpecs(document)) {
      const used = mountedNames(podSpec);
      const meant = namesMeantByMounts(podSpec, used);
      for (const template of podSpec.claimTemplates) {
        const name = template.name;
        if (!name || used.has(name.value) || meant.has(name.value)) continue;
        findings.push({
          rule: ID,
          message: `volumeClaimTemplate "${name.value}" is not mounted by any container: a PersistentVolumeClaim is still created for every replica (and kept after scale-down), but nothing uses it. Mount it, or remove the template.`,
          fieldPath: `${template.path}.metadata.name`,
          range: name.range,
          data: { name: name.value },
        });
      }
    }
    return findings;
  },
};
