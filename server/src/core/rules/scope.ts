/** Which pod specs a rule may speak about, so that no rule reports what a template or a base could change. */
import type { DocumentModel, PodSpecModel } from '../model/types';

/**
 * A list worked out once per document model: file rules ask for every document's on each
 * keystroke, and the models of the documents not edited are the same objects as before.
 */
function memo(cache: WeakMap<DocumentModel, readonly PodSpecModel[]>, document: DocumentModel, make: () => PodSpecModel[]): readonly PodSpecModel[] {
  let list = cache.get(document);
  if (!list) cache.set(document, (list = make()));
  return list;
}

const literal = new WeakMap<DocumentModel, readonly PodSpecModel[]>();
const complete = new WeakMap<DocumentModel, readonly PodSpecModel[]>();

/** Pod specs whose text is all there: no Helm actions inside them. */
export function literalPodSpecs(document: DocumentModel): readonly PodSpecModel[] {
  return memo(literal, document, () => document.podSpecs.filter((podSpec) => !podSpec.object.templated));
}

/**
 * Pod specs that are complete objects: not templated, and not a kustomize patch whose volumes,
 * mounts and pull secrets may come from a base we cannot see.
 */
export function completePodSpecs(document: DocumentModel): readonly PodSpecModel[] {
  return memo(complete, document, () => literalPodSpecs(document).filter((podSpec) => !podSpec.object.partial));
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
