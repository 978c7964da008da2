/**
 * Shared by the two pull-secret rules: which images of a file need credentials that the pod,
 * or the ServiceAccount it runs as, does not supply. A pod with its own imagePullSecrets gets
 * none from its ServiceAccount (admission copies them only into pods that list none).
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#add-imagepullsecrets-to-a-service-account
 */
import type { DocumentModel, PodSpecModel } from '../model/types';
import { getNode, scalarRef, ScalarRef } from '../model/yaml-nodes';
import { classifyRegistry, isLiteralImage, RegistryAccess, RegistryVerdict } from '../registries';
import type { MemoKey } from '../memo';
import { DocumentSummary, FileMemo, isTemplatedFile } from './file-derived';
import { ServiceAccountIndex, serviceAccountIndex } from './file-index';
import { completePodSpecs } from './scope';
import type { FileFinding, RuleOptions } from './types';
import { soleSource } from './volume-fields';

/**
 * An image the kubelet pulls for a pod with the pod's pull secrets: a container's, or an image
 * volume's reference (the kubelet pulls those with the same credentials).
 * https://kubernetes.io/docs/concepts/storage/volumes/#image
 */
export interface PulledImage {
  readonly image: ScalarRef;
  /** The field path of the image value. */
  readonly path: string;
  /** How a message names it: `Image "x"`, or `Image volume "v" ("x")`. */
  readonly label: string;
}

function pulledImages(podSpec: PodSpecModel): PulledImage[] {
  const images: PulledImage[] = [];
  for (const container of podSpec.containers) {
    if (container.image) images.push({ image: container.image, path: `${container.path}.image`, label: `Image "${container.image.value}"` });
  }
  for (const volume of podSpec.podVolumes) {
    const source = soleSource(volume);
    const reference = source?.key === 'image' ? scalarRef(getNode(source.map, 'reference')) : undefined;
    if (reference) images.push({ image: reference, path: `${source!.path}.reference`, label: `Image volume ${volume.name ? `"${volume.name.value}" ` : ''}("${reference.value}")` });
  }
  return images;
}

export interface UncoveredImage {
  readonly document: number;
  readonly podSpec: PodSpecFacts;
  readonly pulled: PulledImage;
  readonly verdict: RegistryVerdict;
  /** The ServiceAccount the pod runs as, and whether the file defines it (without pull secrets). */
  readonly serviceAccount: string;
  readonly serviceAccountInFile: boolean;
}

/** What the pull-secret rules read of a pod spec: plain data, as facts must be. */
export interface PodSpecFacts {
  readonly path: string;
  readonly namespace?: string;
  readonly serviceAccountName?: string;
}

export function podSpecFacts(podSpec: PodSpecModel): PodSpecFacts {
  return { path: podSpec.path, namespace: podSpec.object.namespace, serviceAccountName: podSpec.serviceAccountName };
}

/** An image of a pod with no imagePullSecrets of its own, from a registry of the access kind asked for. */
export interface Candidate {
  readonly podSpec: PodSpecFacts;
  readonly pulled: PulledImage;
  readonly verdict: RegistryVerdict;
}

/**
 * What one document says about its images: it does not depend on the other documents, so a file
 * rule collects it once per analysed document (undefined when the document has none).
 */
export function candidatesOf(document: DocumentModel, options: RuleOptions, access: RegistryAccess): Candidate[] | undefined {
  const candidates: Candidate[] = [];
  for (const podSpec of completePodSpecs(document)) {
    if (podSpec.hasImagePullSecrets) continue;
    let facts: PodSpecFacts | undefined;
    for (const pulled of pulledImages(podSpec)) {
      if (!isLiteralImage(pulled.image.value)) continue;
      const verdict = classifyRegistry(pulled.image.value, options.publicRegistries);
      if (verdict.access === access) candidates.push({ podSpec: (facts ??= podSpecFacts(podSpec)), pulled, verdict });
    }
  }
  return candidates.length > 0 ? candidates : undefined;
}

/** The candidates of document `index` that nothing in the file gives credentials for. */
function uncoveredIn(candidates: readonly Candidate[], index: number, accounts: ServiceAccountIndex): UncoveredImage[] {
  const found: UncoveredImage[] = [];
  for (const { podSpec, pulled, verdict } of candidates) {
    const serviceAccount = podSpec.serviceAccountName ?? 'default';
    const account = accounts.find(serviceAccount, podSpec.namespace)?.account;
    if (account && account.imagePullSecrets.length > 0) continue;
    found.push({ document: index, podSpec, pulled, verdict, serviceAccount, serviceAccountInFile: account !== undefined });
  }
  return found;
}

const NONE: readonly FileFinding[] = Object.freeze([]);

/**
 * One pull-secret rule's findings: its candidates that nothing in the file gives credentials for,
 * each made into a finding by `toFinding`. A document's findings are kept from the previous call
 * while its candidates and the file's ServiceAccount index are the same objects, at the same
 * index: a keystroke changes one document's candidates, and making every finding of a file again
 * (hundreds of messages at 5,000 documents) was about a quarter of the keystroke there. One per
 * rule and file, kept in the file's memo (see uncoveredImageFindings).
 */
export class UncoveredImageFindings {
  private last?: {
    readonly candidates: readonly (readonly Candidate[] | undefined)[];
    readonly accounts: ServiceAccountIndex;
    readonly findings: readonly (readonly FileFinding[])[];
  };

  constructor(private readonly toFinding: (image: UncoveredImage) => FileFinding) {}

  of(documents: readonly DocumentSummary[], candidates: readonly (readonly Candidate[] | undefined)[], file: FileMemo): FileFinding[] {
    // In a Helm template any ServiceAccount or pod list may be generated: nothing here is certain.
    if (isTemplatedFile(documents, file) || !candidates.some((list) => list !== undefined)) return [];
    const accounts = serviceAccountIndex(documents, file);
    const last = this.last?.accounts === accounts && this.last.candidates.length === candidates.length ? this.last : undefined;
    // Plain loops over contiguous arrays (no flat()): this runs over every document of the file on each keystroke.
    const byDocument: (readonly FileFinding[])[] = new Array(candidates.length);
    const all: FileFinding[] = [];
    for (let index = 0; index < candidates.length; index++) {
      const list = candidates[index];
      const found = list === undefined ? NONE : last !== undefined && last.candidates[index] === list ? last.findings[index] : uncoveredIn(list, index, accounts).map(this.toFinding);
      byDocument[index] = found;
      for (const finding of found) all.push(finding);
    }
    this.last = { candidates, accounts, findings: byDocument };
    return all;
  }
}

/** The rule's findings for this file, kept in the file's memo under `key`. */
export function uncoveredImageFindings(file: FileMemo, key: MemoKey<UncoveredImageFindings>, toFinding: (image: UncoveredImage) => FileFinding): UncoveredImageFindings {
  return file.memo.get(key, () => new UncoveredImageFindings(toFinding));
}

/** Why no credentials reach the kubelet, in the words of the message. */
export function credentialSources(image: UncoveredImage): string {
  return image.serviceAccountInFile
    ? `neither the pod nor its ServiceAccount "${image.serviceAccount}" (defined in this file) lists imagePullSecrets`
    : `the pod lists no imagePullSecrets (its ServiceAccount "${image.serviceAccount}" is not in this file; it would have to supply them)`;
}
