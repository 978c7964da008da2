/**
 * A volumeMounts entry without `name` or `mountPath`, or a volumeDevices entry without `name`
 * or `devicePath`: the API server rejects the pod ("Required value"). A misspelt key
 * (`mountpath`, `path`) is the usual cause, so the message names what is there instead.
 * https://kubernetes.io/docs/concepts/storage/volumes/
 */
import { keyText } from '../model/yaml-nodes';
import { rejection } from './consequence';
import { completePodSpecs, describeContainer } from './scope';
import { CONTAINER_NAMES, MOUNT_NAMES } from './fields';
import type { DocumentRule, Finding } from './types';
import { firstKeyRange, isEmptyField, standIn } from './volume-fields';

const ID = 'missing-mount-field';

export const missingMountField: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...CONTAINER_NAMES, ...MOUNT_NAMES, 'volumeMounts.mountPath', 'volumeDevices.devicePath'],
  defaultSeverity: 'error',
  description: 'A volumeMounts entry lacks name or mountPath, or a volumeDevices entry lacks name or devicePath.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of completePodSpecs(document)) {
      for (const container of podSpec.containers) {
        for (const mount of [...container.mounts, ...container.devices]) {
          const target = mount.kind === 'volumeMounts' ? 'mountPath' : 'devicePath';
          for (const field of ['name', target]) {
            if (!isEmptyField(mount.node, field)) continue;
            const pair = standIn(mount.node, field, field === 'name' ? undefined : 'path');
            const near = pair && keyText(pair);
            findings.push({
              rule: ID,
              message: `${describeContainer(container)}: this ${mount.kind} entry has no "${field}".${near ? ` It has "${near}"; did you mean "${field}"?` : ''} ${rejection(podSpec, `${mount.path}.${field}: Required value`)}`,
              fieldPath: `${mount.path}.${field}`,
              range: firstKeyRange(mount.node, container.name?.range ?? podSpec.range),
              data: { field, rename: near ?? null },
            });
          }
        }
      }
    }
    return findings;
  },
};
