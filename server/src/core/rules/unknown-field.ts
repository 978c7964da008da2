/**
 * A key Kubernetes does not know inside a volume source (`secret.secretname`, `configMap.item`),
 * a volumeMounts entry (`readonly`) or a volumeDevices entry, with the nearest real key. kubectl
 * validates field names strictly and the API server rejects the object; a tool that drops
 * unknown fields leaves the setting silently unset. Keys of the volume entry itself are
 * unknown-volume-field's; a key written instead of a missing required field is reported by
 * missing-source-field or missing-mount-field.
 */
import { findPair, keyRange } from '../model/yaml-nodes';
import { nearestName } from '../nearest-name';
import { locatedProblems } from './schema-fields';
import type { DocumentRule, Finding } from './types';

const ID = 'unknown-field';

export const unknownField: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.**', 'volumeMounts.**', 'volumeDevices.**'],
  defaultSeverity: 'error',
  description: 'A volume source, volumeMounts or volumeDevices entry has a key Kubernetes does not know (often a misspelt one).',
  check(document) {
    const findings: Finding[] = [];
    for (const located of locatedProblems(document)) {
      const { problem, map } = located;
      const pair = problem.keyword === 'additionalProperties' && map ? findPair(map, problem.key!) : undefined;
      const range = pair && keyRange(pair);
      if (!pair || !range) continue;
      const suggestion = nearestName(problem.key!, problem.known ?? []);
      findings.push({
        rule: ID,
        message: `"${problem.key}" is not a field of ${located.owner}.${suggestion ? ` Did you mean "${suggestion}"?` : ` Known fields: ${(problem.known ?? []).join(', ')}.`} kubectl rejects unknown fields (strict decoding error: unknown field "${located.path}"); tools that drop them leave the setting unset.`,
        fieldPath: located.path,
        range,
        data: { key: problem.key, suggestions: suggestion ? [suggestion] : [], known: problem.known ?? [] },
      });
    }
    return findings;
  },
};
