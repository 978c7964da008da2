/**
 * A volume without a name, or with one that is not a DNS-1123 label (lowercase letters, digits
 * and '-', starting and ending with a letter or digit, at most 63 characters). The API server
 * rejects the pod; its mounts are then not found either, but that is this finding's knock-on.
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 */
import type { YAMLMap } from 'yaml';
import { findPair, rangeOf } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { firstKeyRange, isEmptyField } from './volume-fields';

const ID = 'invalid-volume-name';
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The nearest valid label: lower case, other characters turned into '-', trimmed to 63. */
export function toDnsLabel(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 63).replace(/^-+|-+$/g, '');
}

/** The name as written in the source (`no`, `0x1F`), which is what the user should quote. */
function text(volume: YAMLMap, documentText: string): string {
  const range = rangeOf(findPair(volume, 'name')?.value);
  return range ? documentText.slice(range.start, range.end) : '';
}

export const invalidVolumeName: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumes.name'],
  defaultSeverity: 'error',
  description: 'A volume has no name, or its name is not a DNS-1123 label (lowercase letters, digits and \'-\', at most 63 characters).',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const volume of podSpec.podVolumes) {
        const name = volume.name;
        if (!name || isEmptyField(volume.node, 'name')) {
          findings.push({
            rule: ID,
            message: `This volume has no name; every volume needs one, and mounts refer to it by that name. ${rejection(podSpec, `${volume.path}.name: Required value`)}`,
            fieldPath: `${volume.path}.name`,
            range: firstKeyRange(volume.node, volume.range),
            data: { index: volume.index },
          });
          continue;
        }
        const value = (findPair(volume.node, 'name')?.value as { value?: unknown } | undefined)?.value;
        if (typeof value !== 'string') {
          // YAML 1.1 reads 123 as a number and no as a boolean: the API server cannot decode either into a name.
          findings.push({
            rule: ID,
            message: `The volume name ${text(volume.node, document.text)} is read as a ${typeof value === 'number' ? 'number' : 'boolean'}, not a string; write it in quotes ("${text(volume.node, document.text)}"). The API server cannot decode it and refuses the object (cannot unmarshal ${typeof value} into Go struct field Volume.name of type string).`,
            fieldPath: `${volume.path}.name`,
            range: name.range,
            data: { name: name.value, suggestions: [], quote: text(volume.node, document.text) },
          });
          continue;
        }
        if (DNS1123_LABEL.test(name.value) && name.value.length <= 63) continue;
        const suggestion = toDnsLabel(name.value);
        findings.push({
          rule: ID,
          message: `"${name.value}" is not a valid volume name: it must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters).${suggestion ? ` Did you mean "${suggestion}"? Rename its mounts too.` : ''} ${rejection(podSpec, `${volume.path}.name: Invalid value`)}`,
          fieldPath: `${volume.path}.name`,
          range: name.range,
          data: { name: name.value, suggestions: suggestion ? [suggestion] : [] },
        });
      }
    }
    return findings;
  },
};
