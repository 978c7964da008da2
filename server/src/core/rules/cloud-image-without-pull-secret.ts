/**
 * An image from a cloud registry (ECR, Artifact Registry / GCR, ACR) with no imagePullSecrets.
 * Nodes in that cloud usually pull with their own identity, so this is only worth knowing:
 * it fails on clusters elsewhere, or when the node's identity lacks read access.
 */
import { memoKey } from '../memo';
import { Candidate, candidatesOf, credentialSources, UncoveredImage, uncoveredImageFindings, UncoveredImageFindings } from './pull-secrets';
import type { FileFinding, FileRule } from './types';

const FINDINGS = memoKey<UncoveredImageFindings>('cloud-image-without-pull-secret findings');

const toFinding = (image: UncoveredImage): FileFinding => ({
  rule: 'cloud-image-without-pull-secret',
  document: image.document,
  message: `${image.pulled.label} is in ${image.verdict.cloud} (${image.verdict.host}) and ${credentialSources(image)}. That works when the nodes pull with their own cloud identity (usual on that cloud's managed clusters); elsewhere, add imagePullSecrets.`,
  fieldPath: image.pulled.path,
  range: image.pulled.image.range,
  data: { registry: image.verdict.host, podSpecPath: image.podSpec.path, serviceAccount: image.serviceAccount },
});

export const cloudImageWithoutPullSecret: FileRule<Candidate[]> = {
  id: 'cloud-image-without-pull-secret',
  scope: 'file',
  // Whether a document has candidates: its images (candidatesOf); pull secrets and pods count as written or not.
  reads: ['image', 'image.reference'],
  defaultSeverity: 'info',
  description: 'An image comes from a cloud registry and no pull secret is given; it works only where the nodes\' own identity can pull.',
  collect: (document, options) => candidatesOf(document, options, 'cloud'),
  relate: (documents, facts, _options, file) => uncoveredImageFindings(file, FINDINGS, toFinding).of(documents, facts, file),
};
