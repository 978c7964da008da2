/**
 * A StatefulSet whose pod template declares a volume with the same name as one of its
 * volumeClaimTemplates: the controller replaces that volume with the claim, silently, so
 * whatever the template volume said (an emptyDir, a configMap) is never used.
 * https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates
 */
import { VOLUME_NAMES } from './fields';
import { completePodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'claim-template-shadows-volume';

export const claimTemplateShadowsVolume: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...VOLUME_NAMES],
  defaultSeverity: 'warning',
  description: 'A StatefulSet template volume has the name of a volumeClaimTemplate, which silently replaces it.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of completePodSpecs(document)) {
      if (podSpec.claimTemplates.length === 0) continue;
      // Every volume of that name goes, not only the first (the controller keeps a template volume only when no claim has its name).
      for (const shadowed of podSpec.volumes) {
        const template = podSpec.claimTemplates.find((t) => t.name && t.name.value === shadowed.name?.value);
        if (!template?.name || !shadowed.name) continue;
        const source = shadowed.sources[0]?.key ?? 'emptyDir';
        findings.push({
          rule: ID,
          message: `Volume "${template.name.value}" has the name of a volumeClaimTemplate: the StatefulSet controller replaces it with the claim (a PersistentVolumeClaim per replica), so this ${source} volume is never used. Delete it, or rename it if both are meant.`,
          fieldPath: `${shadowed.path}.name`,
          range: shadowed.name.range,
          related: [{ message: 'the claim template that replaces it', range: template.name.range }],
          data: { name: template.name.value, index: shadowed.index },
        });
      }
    }
    return findings;
  },
};
