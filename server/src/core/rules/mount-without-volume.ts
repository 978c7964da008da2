/**
 * A `volumeMounts[].name` or `volumeDevices[].name` must name a volume of the same pod spec
 * (or, in a StatefulSet, a volumeClaimTemplate). The API server rejects the pod otherwise; for a
 * StatefulSet it accepts the object and the controller then fails to create every pod.
 * https://kubernetes.io/docs/concepts/storage/volumes/
 */
import type { ContainerModel, MountModel, PodSpecModel, VolumeModel } from '../model/types';
import { asMap, getString } from '../model/yaml-nodes';
import { nearestName } from '../nearest-name';
import { rejection } from './consequence';
import { nameWrittenOut } from '../model/template-certainty';
import { describeContainer, podSpecsWithCertainVolumes } from './scope';
import { MISPLACED_NAMES } from './fields';
import type { DocumentRule, Finding } from './types';
import { lookupTable } from '../lookup-table';
import { memoKey } from '../memo';

/** Where each source keeps the name of the object it reads. */
const REFERENCED_OBJECT: Record<string, { kind: string; key: string }> = lookupTable({
  secret: { kind: 'Secret', key: 'secretName' },
  configMap: { kind: 'ConfigMap', key: 'name' },
  persistentVolumeClaim: { kind: 'PersistentVolumeClaim', key: 'claimName' },
});

/** The object a volume's source points at (`secretName`, `configMap.name`, `claimName`), if any. */
export function referencedObjectName(volume: VolumeModel): { kind: string; name: string } | undefined {
  for (const source of volume.sources) {
    const reference = REFERENCED_OBJECT[source.key];
    const name = reference && getString(asMap(source.pair.value), reference.key);
    if (reference && name !== undefined) return { kind: reference.kind, name };
  }
  return undefined;
}

/** What an unmatched mount name most likely meant (see intendedVolume). */
export interface IntendedVolume {
  readonly name: string;
  /** The volume whose Secret, ConfigMap or claim carries the mount's name. */
  readonly byObject?: VolumeModel;
}

/**
 * How many name comparisons the "did you mean" search may make in one pod spec. Each unmatched
 * mount is compared with every volume name; a generated pod spec with thousands of both made
 * that millions of edit distances, seconds on every keystroke. Real pod specs need a few hundred.
 */
const COMPARISON_BUDGET = 20_000;

/** The answers of intendedVolume for one pod spec, each worked out once, within the budget. */
class Intentions {
  private readonly answers = new Map<string, IntendedVolume | undefined>();
  private readonly byObject = new Map<string, VolumeModel>();
  private readonly declared: string[];
  private budget = COMPARISON_BUDGET;

  constructor(podSpec: PodSpecModel) {
    for (const volume of podSpec.podVolumes) {
      const object = volume.name && referencedObjectName(volume)?.name;
      if (object !== undefined && !this.byObject.has(object)) this.byObject.set(object, volume);
    }
    this.declared = [...podSpec.podVolumes.map((v) => v.name?.value), ...podSpec.claimTemplates.map((t) => t.name?.value)].filter((n): n is string => n !== undefined);
  }

  of(name: string): IntendedVolume | undefined {
    if (this.answers.has(name)) return this.answers.get(name);
    const answer = this.find(name);
    this.answers.set(name, answer);
    return answer;
  }

  private find(name: string): IntendedVolume | undefined {
    const byObject = this.byObject.get(name);
    if (byObject?.name) return { name: byObject.name.value, byObject };
    if (this.budget < this.declared.length) return undefined;
    this.budget -= this.declared.length;
    const nearest = nearestName(name, this.declared);
    return nearest === undefined ? undefined : { name: nearest };
  }
}

const INTENTIONS = memoKey<Intentions>('what unmatched mount names meant');

/**
 * The volume an unmatched mount name most likely meant: the volume whose Secret, ConfigMap or
 * claim carries that name, else the nearest volume or claim template name.
 */
export function intendedVolume(podSpec: PodSpecModel, name: string): IntendedVolume | undefined {
  return podSpec.memo.get(INTENTIONS, () => new Intentions(podSpec)).of(name);
}

function checkMount(podSpec: PodSpecModel, container: ContainerModel, mount: MountModel, known: ReadonlySet<string>): Finding | undefined {
  const name = mount.name;
  if (!name || known.has(name.value)) return undefined;
  const intended = intendedVolume(podSpec, name.value);
  const suggestion = intended?.name;
  const byObjectName = intended?.byObject;
  const what = mount.kind === 'volumeDevices' ? 'uses block device' : 'mounts';
  const parts = [`${describeContainer(container)} ${what} "${name.value}", but the pod spec declares no volume${podSpec.object.kind === 'StatefulSet' ? ' or volumeClaimTemplate' : ''} with that name.`];
  if (byObjectName?.name) {
    const target = referencedObjectName(byObjectName)!;
    parts.push(`"${name.value}" is the ${target.kind} used by volume "${byObjectName.name.value}"; a mount names the volume, not the ${target.kind}.`);
  } else if (suggestion) {
    parts.push(`Did you mean "${suggestion}"?`);
  }
  parts.push(rejection(podSpec, `${mount.path}.name: Not found`));
  return {
    rule: 'mount-without-volume',
    message: parts.join(' '),
    fieldPath: `${mount.path}.name`,
    range: name.range,
    related: [{ message: 'Volumes of this pod spec', range: podSpec.volumesKey ?? podSpec.range }],
    data: { name: name.value, suggestions: suggestion ? [suggestion] : [], podSpecPath: podSpec.path, kind: podSpec.object.kind, device: mount.kind === 'volumeDevices' },
  };
}

/** Names a mount may use: volumes and claim templates, broken or misplaced ones included (root cause only). */
export function knownVolumeNames(podSpec: PodSpecModel): Set<string> {
  const names = new Set(podSpec.misplacedNames);
  for (const volume of podSpec.podVolumes) if (volume.name) names.add(volume.name.value);
  for (const template of podSpec.claimTemplates) if (template.name) names.add(template.name.value);
  return names;
}

export const mountWithoutVolume: DocumentRule = {
  id: 'mount-without-volume',
  scope: 'document',
  // Known names include misplaced ones; intendedVolume reads the objects volumes point at.
  reads: [...MISPLACED_NAMES, 'secret.secretName', 'configMap.name', 'persistentVolumeClaim.claimName'],
  defaultSeverity: 'error',
  description: 'A volumeMounts or volumeDevices entry names a volume that the pod spec does not declare.',
  check(document) {
    const findings: Finding[] = [];
    // Also in Helm templates whose volumes are all written out: a literal name none of them has is wrong in every rendering.
    for (const podSpec of podSpecsWithCertainVolumes(document)) {
      const known = knownVolumeNames(podSpec);
      for (const container of podSpec.containers) {
        for (const mount of [...container.mounts, ...container.devices]) {
          if (podSpec.object.templated && !nameWrittenOut(document.text, mount.node)) continue;
          const finding = checkMount(podSpec, container, mount, known);
          if (finding) findings.push(finding);
        }
      }
    }
    return findings;
  },
};

/** Names the containers of a pod spec mount or use as devices. */
export function mountedNames(podSpec: PodSpecModel): Set<string> {
  const names = new Set<string>();
  for (const container of podSpec.containers) {
    for (const mount of [...container.mounts, ...container.devices]) if (mount.name) names.add(mount.name.value);
  }
  return names;
}

/** Volumes or claim templates that an unmatched mount most likely meant: that mount's finding covers them. */
export function namesMeantByMounts(podSpec: PodSpecModel, used: ReadonlySet<string>): Set<string | undefined> {
  const known = knownVolumeNames(podSpec);
  return new Set([...used].filter((n) => !known.has(n)).map((n) => intendedVolume(podSpec, n)?.name));
}
