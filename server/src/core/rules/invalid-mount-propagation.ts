/**
 * `mountPropagation` must be None, HostToContainer or Bidirectional (exact case), and
 * Bidirectional is only for privileged containers: a mount that propagates back to the host
 * can change the node. The API server rejects the pod otherwise.
 * https://kubernetes.io/docs/concepts/storage/volumes/#mount-propagation
 */
import { isScalar } from 'yaml';
import { asMap, findPair, getNode, scalarRef } from '../model/yaml-nodes';
import { nearestName } from '../nearest-name';
import { rejection } from './consequence';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';

const ID = 'invalid-mount-propagation';
export const PROPAGATION_MODES = ['None', 'HostToContainer', 'Bidirectional'];

export const invalidMountPropagation: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['volumeMounts.mountPropagation', 'securityContext.privileged'],
  defaultSeverity: 'error',
  description: 'mountPropagation is not None, HostToContainer or Bidirectional, or is Bidirectional in a container that is not privileged.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      for (const container of podSpec.containers) {
        const privileged = getNode(asMap(getNode(container.node, 'securityContext')), 'privileged');
        const isPrivileged = isScalar(privileged) && privileged.value === true;
        for (const mount of container.mounts) {
          const mode = scalarRef(findPair(mount.node, 'mountPropagation')?.value);
          if (!mode) continue;
          const path = `${mount.path}.mountPropagation`;
          if (!PROPAGATION_MODES.includes(mode.value)) {
            const meant = PROPAGATION_MODES.find((m) => m.toLowerCase() === mode.value.toLowerCase()) ?? nearestName(mode.value, PROPAGATION_MODES);
            // Bidirectional would be refused next in a container that is not privileged: HostToContainer first there.
            const suggestions = meant === 'Bidirectional' && !isPrivileged ? ['HostToContainer', 'Bidirectional'] : meant ? [meant] : [];
            const suggestion = meant;
            findings.push({
              rule: ID,
              message: `mountPropagation "${mode.value}" is not one of ${PROPAGATION_MODES.join(', ')}.${suggestion ? ` Did you mean "${suggestion}"?` : ''} ${rejection(podSpec, `${path}: Unsupported value`)}`,
              fieldPath: path,
              range: mode.range,
              data: { value: mode.value, suggestions, allowed: PROPAGATION_MODES },
            });
          } else if (mode.value === 'Bidirectional' && !isPrivileged) {
            findings.push({
              rule: ID,
              message: `Bidirectional mount propagation is only for privileged containers (securityContext.privileged: true); use HostToContainer to see the host's mounts without sending any back. ${rejection(podSpec, `${path}: Forbidden: Bidirectional mount propagation is available only to privileged containers`)}`,
              fieldPath: path,
              range: mode.range,
              data: { value: mode.value, suggestions: ['HostToContainer'] },
            });
          }
        }
      }
    }
    return findings;
  },
};
