/**
 * An image from a registry that needs credentials, in a pod that has no imagePullSecrets and
 * whose ServiceAccount (when this file defines it) supplies none: the kubelet pulls anonymously
 * and the pod ends in ErrImagePull / ImagePullBackOff.
 */
import { memoKey } from '../memo';
import { Candidate, candidatesOf, credentialSources, UncoveredImage, uncoveredImageFindings, UncoveredImageFindings } from './pull-secrets';
import type { FileFinding, FileRule } from './types';

const FINDINGS = memoKey<UncoveredImageFindings>('private-image-without-pull-secret findings');

const toFinding = (image: UncoveredImage): FileFinding => ({
  rule: 'private-image-without-pull-secret',
  document: image.document,
  message: `${image.pulled.label} comes from ${image.verdict.host}, which needs credentials, but ${credentialSources(image)}. The pull will fail with ImagePullBackOff. If this registry is public, add it to the setting kubeVolumes.publicRegistries (CLI: --public-registry HOST).`,
  fieldPath: image.pulled.path,
  range: image.pulled.image.range,
  data: { registry: image.verdict.host, podSpecPath: image.podSpec.path, serviceAccount: image.serviceAccount },
});

export const privateImageWithoutPullSecret: FileRule<Candidate[]> = {
  id: 'private-image-without-pull-secret',
  scope: 'file',
  // Whether a document has candidates: its images (candidatesOf); pull secrets and pods count as written or not.
  reads: ['image', 'image.reference'],
  defaultSeverity: 'warning',
  description: 'An image comes from a private registry, but neither the pod nor its ServiceAccount (in the same file) has imagePullSecrets.',
  collect: (document, options) => candidatesOf(document, options, 'private'),
  relate: (documents, facts, _options, file) => uncoveredImageFindings(file, FINDINGS, toFinding).of(documents, facts, file),
};
