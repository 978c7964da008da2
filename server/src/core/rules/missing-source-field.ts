/**
 * A volume source without the field that says what to mount: `configMap.name`,
 * `secret.secretName`, `persistentVolumeClaim.claimName`, `nfs.server` and `nfs.path`,
 * `csi.driver`, `ephemeral.volumeClaimTemplate`, and `name` in a projected configMap or secret.
 * The API server rejects the pod ("Required value"). The classic slip is `name:` under
 * `secret:`, which kubectl rejects as an unknown field and other tools silently drop.
 * https://kubernetes.io/docs/concepts/storage/volumes/
 */
import { keyRange, keyText } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { completePodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { fileSources, firstKeyRange, isEmptyField, soleSource, standIn } from './volume-fields';
import { lookupTable } from '../lookup-table';

const ID = 'missing-source-field';

/** Required fields of each volume source, and the key people write instead. */
export const REQUIRED: Record<string, { field: string; instead?: string }[]> = lookupTable({
  configMap: [{ field: 'name', instead: 'configMapName' }],
  secret: [{ field: 'secretName', instead: 'name' }],
  persistentVolumeClaim: [{ field: 'claimName', instead: 'name' }],
  nfs: [{ field: 'server' }, { field: 'path' }],
  csi: [{ field: 'driver' }],
  ephemeral: [{ field: 'volumeClaimTemplate' }],
});

export const missingSourceField: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['configMap.name', 'secret.secretName', 'secret.name', 'persistentVolumeClaim.claimName', 'nfs.server', 'nfs.path', 'csi.driver', 'ephemeral.volumeClaimTemplate'],
  defaultSeverity: 'error',
  description: 'A volume source lacks its required field (secret.secretName, configMap.name, persistentVolumeClaim.claimName, nfs server/path, csi.driver, ephemeral.volumeClaimTemplate).',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of completePodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const source = soleSource(volume);
        // A source that is not a map at all is invalid-field-value's.
        if (!source?.map) continue;
        const checks = (REQUIRED[source.key] ?? []).map((r) => ({ ...r, map: source.map, path: source.path, label: source.key, anchor: source.keyRange }));
        for (const file of fileSources(source)) {
          if (file.projected && (file.kind === 'secret' || file.kind === 'configMap')) {
            checks.push({ field: 'name', instead: file.kind === 'secret' ? 'secretName' : undefined, map: file.map, path: file.path, label: `projected ${file.kind}`, anchor: firstKeyRange(file.map, source.keyRange) });
          }
        }
        for (const check of checks) {
          if (!isEmptyField(check.map, check.field)) continue;
          const instead = standIn(check.map, check.field, check.instead);
          const written = instead && keyText(instead);
          const hint = written ? ` It has "${written}", which is not a field here: a ${check.label} names it with "${check.field}" (kubectl rejects "${written}" as unknown; other tools drop it).` : '';
          findings.push({
            rule: ID,
            message: `${check.label} has no "${check.field}".${hint} ${rejection(podSpec, `${check.path}.${check.field}: Required value`)}`,
            fieldPath: `${check.path}.${check.field}`,
            range: (instead && keyRange(instead)) || check.anchor,
            data: { field: check.field, rename: written ?? null },
          });
        }
      }
    }
    return findings;
  },
};
