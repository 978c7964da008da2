/**
 * A file mode, written explicitly, that lets every user in the container read Secret data
 * (`defaultMode: 420` is 0644, rw-r--r--). Whoever writes a mode usually means to restrict
 * it; a process under any other user id can then still read keys and tokens.
 * https://kubernetes.io/docs/concepts/configuration/secret/#secret-files-permissions
 *
 * Which narrower mode works depends on who reads the files: they belong to root, and to the
 * pod's fsGroup when it has one (the kubelet then adds group read). 0400 suits a container that
 * runs as root; with an fsGroup, 0440 suits any user; a container running as another user with
 * no fsGroup could read neither, so no mode is offered alone there.
 */
import type { YAMLMap } from 'yaml';
import type { PodSpecModel, VolumeModel } from '../model/types';
import { asMap, getNode } from '../model/yaml-nodes';
import { rwx } from './decimal-file-mode';
import { octal } from './invalid-file-mode';
import { literalPodSpecs } from './scope';
import type { DocumentRule, Finding } from './types';
import { modesOf } from './volume-fields';

const ID = 'world-readable-secret';
const OTHERS_READ = 0o004;

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
function narrowerModes(podSpec: PodSpecModel, volume: VolumeModel): { suggestions: string[]; advice: string } {
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

export const worldReadableSecret: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: ['defaultMode', 'items.mode', 'fsGroup', 'runAsUser', 'runAsNonRoot', 'volumes.name', 'volumeMounts.name'],
  defaultSeverity: 'warning',
  description: 'A mode given for Secret files lets every user in the container read them (e.g. defaultMode: 420, which is 0644).',
  check(document) {
    const findings: Finding[] = [];
    for (const { podSpec, volume, mode } of modesOf(literalPodSpecs(document), document.text)) {
      if (!mode.secret || mode.value < 0 || mode.value > 0o777 || (mode.value & OTHERS_READ) === 0) continue;
      const { suggestions, advice } = narrowerModes(podSpec, volume);
      findings.push({
        rule: ID,
        message: `Mode ${mode.written} is ${octal(mode.value)} (${rwx(mode.value)}): every user in the container can read these Secret files. ${advice}`,
        fieldPath: mode.path,
        range: mode.range,
        data: { value: mode.value, octal: octal(mode.value), suggestions },
      });
    }
    return findings;
  },
};
