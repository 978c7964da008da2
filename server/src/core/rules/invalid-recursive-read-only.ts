/**
 * `recursiveReadOnly` must be Disabled, IfPossible or Enabled; the last two make sub-mounts
 * read-only too, so they need `readOnly: true` and no mount propagation other than None.
 * The API server rejects the pod otherwise.
 * https://kubernetes.io/docs/concepts/storage/volumes/#recursive-read-only-mounts
 */
import { isScalar } from 'yaml';
import { findPair, getString, scalarRef } from '../model/yaml-nodes';
import { nearestName } from '../nearest-name';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'invalid-recursive-read-only';
const VALUES = ['Disabled', 'IfPossible', 'Enabled'];

export const invalidRecursiveReadOnly: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumeMounts.recursiveReadOnly', 'volumeMounts.readOnly', 'volumeMounts.mountPropagation'],
  defaultSeverity: 'error',
  description: 'recursiveReadOnly has an unknown value, or is Enabled/IfPossible without readOnly: true or with mount propagation.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        for (const mount of container.mounts) {
          const value = scalarRef(findPair(mount.node, 'recursiveReadOnly')?.value);
          if (!value || value.value === 'Disabled') continue;
          const path = `${mount.path}.recursiveReadOnly`;
          const push = (why: string, serverSays: string, data: Record<string, unknown>): void => {
            findings.push({ rule: ID, message: `${why} ${rejection(podSpec, `${path}: ${serverSays}`)}`, fieldPath: path, range: value.range, data });
          };
          if (!VALUES.includes(value.value)) {
            const suggestion = VALUES.find((v) => v.toLowerCase() === value.value.toLowerCase()) ?? nearestName(value.value, VALUES);
            push(`recursiveReadOnly "${value.value}" is not one of ${VALUES.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, 'Unsupported value', { value: value.value, suggestions: suggestion ? [suggestion] : [], allowed: VALUES });
            continue;
          }
          const readOnly = findPair(mount.node, 'readOnly')?.value;
          if (!(isScalar(readOnly) && readOnly.value === true)) {
            push(`recursiveReadOnly: ${value.value} needs readOnly: true on the same mount.`, 'Forbidden: may only be specified when readOnly is true', { addReadOnly: true });
          }
          const propagation = getString(mount.node, 'mountPropagation');
          if (propagation !== undefined && propagation !== 'None') {
            push(`recursiveReadOnly: ${value.value} cannot be combined with mountPropagation: ${propagation}.`, 'Forbidden: may only be specified when mountPropagation is None or not specified', { propagation });
          }
        }
      }
    }
    return findings;
  },
};
