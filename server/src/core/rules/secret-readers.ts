/**
 * Who can read a Secret volume's files, for the rules that suggest a mode for them. The files
 * belong to root, and to the pod's fsGroup when it has one (the kubelet then adds group read):
 * 0400 suits a container that runs as root; with an fsGroup, 0440 suits any user; a container
 * running as another user with no fsGroup could read neither.
 * https://kubernetes.io/docs/concepts/configuration/secret/#secret-files-permissions
 */
import type { YAMLMap } from 'yaml';
import type { PodSpecModel, VolumeModel } from '../model/types';
import { asMap, getNode } from '../model/yaml-nodes';

/** The fields the answer reads, for the rules' reads lists (kept-findings.ts). */
export const SECRET_READER_FIELDS = ['fsGroup', 'runAsUser', 'runAsNonRoot', 'volumes.name', 'volumeMounts.name'] as const;

/** A whole number written at `securityContext.<field>` of a pod spec or container, if any. */
function securityNumber(node: YAMLMap, field: string): number | undefined {
  const value = (getNode(asMap(getNode(node, 'securityContext')), field) as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A boolean written at `securityContext.<field>` of a pod spec or container, if any. */
function securityFlag(node: YAMLMap, field: string): boolean | undefined {
  const value = (getNode(asMap(getNode(node, 'securityContext')), field) as { value?: unknown } | undefined)?.value;
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * What to suggest for the Secret files of `volume`: the modes that let the containers that mount
 * it read them, best first, and the sentence that says why.
 */
export function narrowerModes(podSpec: PodSpecModel, volume: VolumeModel): { suggestions: string[]; advice: string } {
  const fsGroup = securityNumber(podSpec.node, 'fsGroup');
  if (fsGroup !== undefined) return { suggestions: ['0440', '0400'], advice: `Use 0440: the files belong to root and to the pod's fsGroup ${fsGroup}, whose members can then read them.` };
  const podUser = securityNumber(podSpec.node, 'runAsUser');
  const podNonRoot = securityFlag(podSpec.node, 'runAsNonRoot');
  const readers = podSpec.containers.filter((c) => c.mounts.some((m) => m.name?.value === volume.name?.value));
  const users = readers.map((c) => securityNumber(c.node, 'runAsUser') ?? podUser);
  const nonRoot = users.find((u) => u !== undefined && u !== 0);
  // runAsNonRoot without a user: the kubelet refuses to start the container as root, so it runs as another user.
  const mustNotBeRoot = readers.some((c, i) => users[i] === undefined && (securityFlag(c.node, 'runAsNonRoot') ?? podNonRoot) === true);
  if (nonRoot !== undefined || mustNotBeRoot) {
    const who = nonRoot !== undefined ? `runAsUser ${nonRoot}` : 'runAsNonRoot';
    return { suggestions: [], advice: `The files belong to root, so with ${who} and no fsGroup a narrower mode would lock the container out: set the pod's securityContext.fsGroup and use 0440.` };
  }
  if (users.length > 0 && users.every((u) => u === 0)) return { suggestions: ['0400', '0440'], advice: 'Use 0400: the container runs as root, which owns the files.' };
  return { suggestions: ['0400', '0440'], advice: 'The files belong to root: use 0400 if the container runs as root, or 0440 with the pod\'s fsGroup for any other user.' };
}
