/**
 * A key in a volume entry that is neither `name` nor a volume source Kubernetes knows
 * (`emptydir`, `persistentVolumeClaimm`, `configmap`). kubectl validates field names strictly
 * and the API server rejects the object; a tool that skips validation drops the key, and the
 * volume silently becomes an empty emptyDir.
 */
import { VOLUME_SOURCE_KEYS } from '../model/volume-sources';
import { nearestName } from '../nearest-name';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'unknown-volume-field';

/** Strategic-merge-patch directives such as `$patch: delete` are not fields. */
const isPatchDirective = (key: string): boolean => key.startsWith('$');

export const unknownVolumeField: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [],
  defaultSeverity: 'error',
  description: 'A volume entry has a key that is not a Kubernetes volume source (often a misspelt one).',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      // Every volume written, replaced ones included: strict decoding refuses an unknown field anywhere in the object.
      for (const volume of podSpec.volumes) {
        for (const unknown of volume.unknownKeys) {
          if (isPatchDirective(unknown.key)) continue;
          const suggestion = nearestName(unknown.key, VOLUME_SOURCE_KEYS);
          const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
          findings.push({
            rule: ID,
            message: `"${unknown.key}" is not a field of a volume.${hint} kubectl rejects unknown fields (strict decoding error); tools that drop them leave the volume an empty emptyDir.`,
            fieldPath: `${volume.path}.${unknown.key}`,
            range: unknown.keyRange,
            data: { key: unknown.key, suggestions: suggestion ? [suggestion] : [] },
          });
        }
      }
    }
    return findings;
  },
};
