/** Which pod specs a rule may speak about, so that no rule reports what a template or a base could change. */
import { memoKey } from '../memo';
import type { DocumentModel, PodSpecModel, VolumeModel } from '../model/types';

/**
 * Lists worked out once per document model (kept on it, see memo.ts): file rules ask for every
 * document's on each keystroke, and the models of the documents not edited are the same objects as before.
 */
const LITERAL = memoKey<readonly PodSpecModel[]>('literal pod specs');
const COMPLETE = memoKey<readonly PodSpecModel[]>('complete pod specs');

/** Pod specs whose text is all there: no Helm actions inside them. */
export function literalPodSpecs(document: DocumentModel): readonly PodSpecModel[] {
  return document.memo.get(LITERAL, () => document.podSpecs.filter((podSpec) => !podSpec.object.templated));
}

/**
 * Pod specs that are complete objects: not templated, and not a kustomize patch whose volumes,
 * mounts and pull secrets may come from a base we cannot see.
 */
export function completePodSpecs(document: DocumentModel): readonly PodSpecModel[] {
  return document.memo.get(COMPLETE, () => literalPodSpecs(document).filter((podSpec) => !podSpec.object.partial));
}

/**
 * Pod specs whose volume names are complete: complete pod specs, and those of Helm templates in
 * which every volume is written out (see template-certainty.ts). Only literal names in them may
 * be judged there (`nameWrittenOut`).
 */
export function podSpecsWithCertainVolumes(document: DocumentModel): PodSpecModel[] {
  return document.podSpecs.filter((podSpec) => !podSpec.object.partial && podSpec.volumeNamesCertain);
}

/** "Container \"app\"" or "initContainers[1]" when unnamed: how messages name a container. */
export function describeContainer(container: { kind: string; index: number; name?: { value: string } }): string {
  const label = container.kind === 'initContainers' ? 'Init container' : container.kind === 'ephemeralContainers' ? 'Ephemeral container' : 'Container';
  return container.name ? `${label} "${container.name.value}"` : `${label} ${container.kind}[${container.index}]`;
}

const VOLUMES_BY_NAME = memoKey<ReadonlyMap<string, VolumeModel>>('pod volumes by name');

/**
 * The pod's volume of this name: the first, as the API server keeps it (a later one of the same
 * name is a duplicate). An index per pod spec, because rules ask once per mount, and a search of
 * every volume for each mount made a pod spec of thousands of both take seconds.
 */
export function podVolumeNamed(podSpec: PodSpecModel, name: string | undefined): VolumeModel | undefined {
  if (name === undefined) return undefined;
  const byName = podSpec.memo.get(VOLUMES_BY_NAME, () => {
    const map = new Map<string, VolumeModel>();
    for (const volume of podSpec.podVolumes) if (volume.name && !map.has(volume.name.value)) map.set(volume.name.value, volume);
    return map;
  });
  return byName.get(name);
}
