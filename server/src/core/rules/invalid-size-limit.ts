/**
 * `emptyDir.sizeLimit` is a resource quantity (`512Mi`, `1Gi`, `1e9`) and may not be negative.
 * A negative one is rejected by the API server; something that is not a quantity at all
 * (`1GB`, `1 Gi`) cannot even be decoded.
 * https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
import { isScalar } from 'yaml';
import { asMap, findPair, scalarRef } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { QUANTITY } from './formats';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { soleSource } from './volume-fields';

const ID = 'invalid-size-limit';

/** What people write for a quantity, mapped to what Kubernetes spells. */
function suggestionFor(value: string): string | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([KMGTPE])i?B?$/i.exec(value.trim());
  return match ? `${match[1]}${match[2].toUpperCase()}i` : undefined;
}

export const invalidSizeLimit: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['emptyDir.sizeLimit'],
  defaultSeverity: 'error',
  description: 'An emptyDir sizeLimit is negative or is not a resource quantity (such as 512Mi or 1Gi).',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const source = soleSource(volume);
        if (source?.key !== 'emptyDir') continue;
        const node = findPair(asMap(source.map), 'sizeLimit')?.value;
        const limit = scalarRef(node);
        // Other types (a boolean, a map) are invalid-field-value's.
        if (!limit || !isScalar(node) || !['string', 'number'].includes(typeof node.value)) continue;
        const path = `${source.path}.sizeLimit`;
        // Quantity.UnmarshalJSON trims surrounding white space before parsing: " 1Gi " is 1Gi.
        const match = QUANTITY.exec(limit.value.trim());
        if (match && !(match[1] === '-' && Number(match[2]) !== 0)) continue;
        const suggestion = match ? undefined : suggestionFor(limit.value);
        findings.push({
          rule: ID,
          message: match
            ? `sizeLimit ${limit.value} is negative. ${rejection(podSpec, `${path}: Forbidden: SizeLimit field must be a valid resource quantity`)}`
            : `sizeLimit "${limit.value}" is not a resource quantity (a number with an optional suffix: Ki, Mi, Gi, Ti, k, M, G, T, ...).${suggestion ? ` Did you mean ${suggestion}?` : ''} The API server cannot decode it (quantities must match the regular expression ...) and refuses the object.`,
          fieldPath: path,
          range: limit.range,
          data: { value: limit.value, suggestions: suggestion ? [suggestion] : [] },
        });
      }
    }
    return findings;
  },
};
