/**
 * A hostPath that hands a container the node itself: a container runtime socket (whoever can
 * talk to it can start privileged containers: root on the node), or a system directory (/, /etc,
 * /proc, /sys, ...) mounted writable. Read-only mounts of system directories are common for
 * node agents (metrics, logs) and stay silent.
 * https://kubernetes.io/docs/concepts/storage/volumes/#hostpath
 */
import { isScalar } from 'yaml';
import type { MountModel } from '../model/types';
import { asMap, findPair, scalarRef } from '../model/yaml-nodes';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { soleSource } from './volume-fields';

const ID = 'sensitive-host-path';
const SYSTEM_DIRECTORIES = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/var/lib/kubelet', '/etc/kubernetes']);
const RUNTIME_SOCKETS = /(^|\/)(docker\.sock|containerd\.sock|crio\.sock|cri-dockerd\.sock)$|^\/(var\/)?run\/(docker|containerd|crio)\/?$/;

const isReadOnly = (mount: MountModel): boolean => {
  const value = findPair(mount.node, 'readOnly')?.value;
  return isScalar(value) && value.value === true;
};

export const sensitiveHostPath: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['hostPath.path', 'volumes.name', 'volumeMounts.name', 'volumeMounts.readOnly', 'volumeMounts.mountPath'],
  defaultSeverity: 'warning',
  description: 'A hostPath mounts a container runtime socket, or a node system directory (/, /etc, /proc, /sys, ...) writable.',
  check(document) {
    const findings: Finding[] = [];
    for (const podSpec of literalPodSpecs(document)) {
      const mounts = podSpec.containers.flatMap((c) => c.mounts);
      for (const volume of podSpec.podVolumes) {
        const source = soleSource(volume);
        const path = source?.key === 'hostPath' ? scalarRef(findPair(asMap(source.map), 'path')?.value) : undefined;
        if (!source || !path || !volume.name) continue;
        const normalised = path.value.length > 1 ? path.value.replace(/\/+$/, '') : path.value;
        const uses = mounts.filter((m) => m.name?.value === volume.name!.value);
        const socket = RUNTIME_SOCKETS.test(normalised);
        const writable = uses.filter((m) => !isReadOnly(m));
        if (!socket && !(SYSTEM_DIRECTORIES.has(normalised) && writable.length > 0)) continue;
        findings.push({
          rule: ID,
          message: socket
            ? `hostPath "${path.value}" is the node's container runtime socket: a container that can talk to it can start privileged containers, which is root on the node. Give it only to trusted node agents, and prefer an API that does not need it.`
            : `hostPath "${path.value}" is a node system directory, mounted writable (${writable.map((m) => m.path).join(', ')}): the container can change the node itself. Add readOnly: true to the mount, or mount only the file or subdirectory it needs.`,
          fieldPath: `${source.path}.path`,
          range: path.range,
          related: (socket ? uses : writable).filter((m) => m.target).map((m) => ({ message: `mounted at ${m.target!.value}`, range: m.target!.range })),
          data: { path: path.value, socket, addReadOnly: writable.map((m) => m.path) },
        });
      }
    }
    return findings;
  },
};
