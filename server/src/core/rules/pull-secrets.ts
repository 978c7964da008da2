/**
 * Shared by the two pull-secret rules: which images of a file need credentials that the pod,
 * or the ServiceAccount it runs as, does not supply. A pod with its own imagePullSecrets gets
 * none from its ServiceAccount (admission copies them only into pods that list none).
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#add-imagepullsecrets-to-a-service-account
 */
import type { ContainerModel, DocumentModel, PodSpecModel } from '../model/types';
import { classifyRegistry, isLiteralImage, RegistryAccess, RegistryVerdict } from '../registries';
import { isTemplatedFile } from './file-derived';
import { ServiceAccountIndex, serviceAccountIndex } from './file-index';
import { completePodSpecs } from './scope';
import type { RuleOptions } from './types';

export interface UncoveredImage {
  readonly document: number;
  readonly podSpec: PodSpecModel;
  readonly container: ContainerModel;
  readonly verdict: RegistryVerdict;
  /** The ServiceAccount the pod runs as, and whether the file defines it (without pull secrets). */
  readonly serviceAccount: string;
  readonly serviceAccountInFile: boolean;
}

/** An image of a pod with no imagePullSecrets of its own, from a registry of the access kind asked for. */
export interface Candidate {
  readonly podSpec: PodSpecModel;
  readonly container: ContainerModel;
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
    for (const container of podSpec.containers) {
      if (!container.image || !isLiteralImage(container.image.value)) continue;
      const verdict = classifyRegistry(container.image.value, options.publicRegistries);
      if (verdict.access === access) candidates.push({ podSpec, container, verdict });
    }
  }
  return candidates.length > 0 ? candidates : undefined;
}

/** The candidates that nothing in the file gives credentials for. */
export function uncoveredImages(documents: readonly DocumentModel[], candidates: readonly (readonly Candidate[] | undefined)[]): UncoveredImage[] {
  // In a Helm template any ServiceAccount or pod list may be generated: nothing here is certain.
  if (isTemplatedFile(documents)) return [];
  const found: UncoveredImage[] = [];
  let accounts: ServiceAccountIndex | undefined;
  for (let index = 0; index < candidates.length; index++) {
    for (const { podSpec, container, verdict } of candidates[index] ?? []) {
      accounts ??= serviceAccountIndex(documents);
      const serviceAccount = podSpec.serviceAccountName ?? 'default';
      const account = accounts.find(serviceAccount, podSpec.object.namespace)?.account;
      if (account && account.imagePullSecrets.length > 0) continue;
      found.push({ document: index, podSpec, container, verdict, serviceAccount, serviceAccountInFile: account !== undefined });
    }
  }
  return found;
}

/** Why no credentials reach the kubelet, in the words of the message. */
export function credentialSources(image: UncoveredImage): string {
  return image.serviceAccountInFile
    ? `neither the pod nor its ServiceAccount "${image.serviceAccount}" (defined in this file) lists imagePullSecrets`
    : `the pod lists no imagePullSecrets (its ServiceAccount "${image.serviceAccount}" is not in this file; it would have to supply them)`;
}
