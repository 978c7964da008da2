/**
 * Source fields the API server rejects for their value rather than their absence: an nfs
 * `path` that is not absolute; a csi `driver` longer than 63 characters or not a DNS subdomain,
 * or a `nodePublishSecretRef` without a name; a clusterTrustBundle with both or neither of
 * `name` and `signerName`, or a `labelSelector` next to `name`; ephemeral claim-template
 * metadata other than labels and annotations, or a claim spec the server refuses (claim-spec.ts:
 * access modes, storage request, volumeMode, storageClassName); and, in a Pod, an image volume without
 * `reference` or a claim named like the one an ephemeral volume of the same Pod creates.
 * https://kubernetes.io/docs/concepts/storage/volumes/
 */
import { isScalar, Pair, YAMLMap } from 'yaml';
import { child } from '../model/field-path';
import type { PodSpecModel, VolumeModel } from '../model/types';
import { asMap, findPair, getNode, keyRange, keyText, Range, scalarRef } from '../model/yaml-nodes';
import { memoKey } from '../memo';
import { claimSpecProblems } from './claim-spec';
import { rejection } from './consequence';
import { DNS_SUBDOMAIN } from './formats';
import { completePodSpecs } from './scope';
import { VOLUME_NAMES } from './fields';
import type { DocumentRule, Finding } from './types';
import { entries, fieldOf, isEmptyField, soleSources } from './volume-fields';

const ID = 'invalid-source-field';

interface Problem { path: string; range: Range; why: string; says: string }

function nfsProblems(map: YAMLMap, base: string): Problem[] {
  const path = scalarRef(findPair(map, 'path')?.value);
  return path && path.value !== '' && !path.value.startsWith('/')
    ? [{ path: child(base, 'path'), range: path.range, why: `nfs path "${path.value}" must be absolute (the export's path on the server).`, says: 'Invalid value: must be an absolute path' }]
    : [];
}

function csiProblems(map: YAMLMap, base: string, anchor: Range): Problem[] {
  const problems: Problem[] = [];
  const driver = scalarRef(findPair(map, 'driver')?.value);
  if (driver && driver.value.length > 63) problems.push({ path: child(base, 'driver'), range: driver.range, why: `csi driver "${driver.value}" is longer than 63 characters.`, says: 'Too long: may not be more than 63 bytes' });
  else if (driver && driver.value !== '' && !DNS_SUBDOMAIN.test(driver.value.toLowerCase())) problems.push({ path: child(base, 'driver'), range: driver.range, why: `csi driver "${driver.value}" is not a DNS subdomain (letters, digits, '-' and '.', like secrets-store.csi.k8s.io).`, says: 'Invalid value: a lowercase RFC 1123 subdomain' });
  const secretRef = asMap(findPair(map, 'nodePublishSecretRef')?.value);
  if (secretRef && isEmptyField(secretRef, 'name')) problems.push({ path: child(base, 'nodePublishSecretRef.name'), range: fieldOf(map, 'nodePublishSecretRef', base)?.keyRange ?? anchor, why: 'nodePublishSecretRef names no Secret.', says: 'Required value' });
  return problems;
}

/** The value of a pair decodes to Go's zero value: null, "", 0 or false (an empty list is not: it is not nil). */
function isZeroValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return isScalar(value) && (value.value === null || value.value === '' || value.value === 0 || value.value === false);
}

/** The pair of `key`, unless its value is null: a null pointer field is unset to the API server. */
function setPair(map: YAMLMap, key: string): Pair | undefined {
  const pair = findPair(map, key);
  return pair && !(pair.value === null || (isScalar(pair.value) && pair.value.value === null)) ? pair : undefined;
}

function trustBundleProblems(map: YAMLMap, base: string, anchor: Range): Problem[] {
  const name = setPair(map, 'name');
  const signer = setPair(map, 'signerName');
  const selector = setPair(map, 'labelSelector');
  if (name && signer) return [{ path: base, range: keyRange(signer) ?? anchor, why: 'clusterTrustBundle takes name or signerName, not both.', says: 'Invalid value: only one of name and signerName may be used' }];
  if (!name && !signer) return [{ path: base, range: anchor, why: 'clusterTrustBundle needs name (one bundle) or signerName (the bundles of a signer).', says: 'Required value: either name or signerName must be specified' }];
  if (name && selector) return [{ path: child(base, 'labelSelector'), range: keyRange(selector) ?? anchor, why: 'labelSelector only filters the bundles of a signerName; with name it is not allowed.', says: 'Invalid value: labelSelector must be unset if name is specified' }];
  return [];
}

function ephemeralProblems(map: YAMLMap, base: string): Problem[] {
  const templatePair = findPair(map, 'volumeClaimTemplate');
  const template = asMap(templatePair?.value);
  // No template at all is missing-source-field's.
  if (!template || !templatePair) return [];
  const specPair = findPair(template, 'spec');
  const spec = claimSpecProblems(asMap(specPair?.value), child(base, 'volumeClaimTemplate.spec'), keyRange(specPair ?? templatePair)!);
  return [...metadataProblems(template, base), ...spec];
}

function metadataProblems(template: YAMLMap, base: string): Problem[] {
  const metadata = asMap(getNode(template, 'metadata'));
  const path = child(base, 'volumeClaimTemplate.metadata');
  // The server compares each other field with its zero value (validateFieldAllowList), so the
  // `creationTimestamp: null` that kubectl prints, or an empty name, is accepted.
  const forbidden = (p: Pair): boolean => !['labels', 'annotations'].includes(keyText(p) ?? '') && !isZeroValue(p.value) && keyRange(p) !== undefined;
  return (metadata?.items ?? []).filter(forbidden).map((p) => ({
    path: child(path, keyText(p)!),
    range: keyRange(p)!,
    why: `metadata.${keyText(p)} cannot be set in an ephemeral volume's claim template: only labels and annotations; the claim is named <pod>-<volume>.`,
    says: 'Forbidden: cannot be set for an ephemeral volume',
  }));
}

const GENERATED_CLAIMS = memoKey<ReadonlySet<string>>('claims the ephemeral volumes create');

/** The claims a Pod's ephemeral volumes create (`<pod>-<volume>`), worked out once per pod spec, not once per claim volume. */
function generatedClaims(podSpec: PodSpecModel): ReadonlySet<string> {
  return podSpec.memo.get(GENERATED_CLAIMS, () => new Set(podSpec.podVolumes.filter((v) => v.sources.some((s) => s.key === 'ephemeral') && v.name).map((v) => `${podSpec.object.name}-${v.name!.value}`)));
}

/** Checks that only apply to Pod objects, whose name the server knows. */
function podProblems(podSpec: PodSpecModel, volume: VolumeModel, key: string, map: YAMLMap, base: string, anchor: Range): Problem[] {
  if (podSpec.object.kind !== 'Pod') return [];
  if (key === 'image' && isEmptyField(map, 'reference')) return [{ path: child(base, 'reference'), range: anchor, why: 'An image volume in a Pod needs reference (the image to mount).', says: 'Required value' }];
  const claim = key === 'persistentVolumeClaim' ? scalarRef(findPair(map, 'claimName')?.value) : undefined;
  if (claim && podSpec.object.name && generatedClaims(podSpec).has(claim.value) && volume.sources.length === 1) {
    return [{ path: child(base, 'claimName'), range: claim.range, why: `Claim "${claim.value}" is the one the Pod's ephemeral volume creates; mount that volume instead.`, says: 'Invalid value: must not reference a PVC that gets created for an ephemeral volume' }];
  }
  return [];
}

export const invalidSourceField: DocumentRule = {
  id: ID,
  scope: 'document',
  reads: [...VOLUME_NAMES, 'nfs.path', 'csi.driver', 'nodePublishSecretRef.name', 'ephemeral.**', 'image.reference', 'persistentVolumeClaim.claimName'],
  defaultSeverity: 'error',
  description: 'A volume source field has a value the API server rejects (relative nfs path, malformed csi driver, clusterTrustBundle name with signerName, an ephemeral claim template\'s metadata, access modes or size, ...).',
  check(document) {
    const findings: Finding[] = [];
    for (const { podSpec, volume, source } of soleSources(completePodSpecs(document))) {
      if (!source.map) continue;
      const problems = [
        ...(source.key === 'nfs' ? nfsProblems(source.map, source.path) : []),
        ...(source.key === 'csi' ? csiProblems(source.map, source.path, source.keyRange) : []),
        ...(source.key === 'ephemeral' ? ephemeralProblems(source.map, source.path) : []),
        ...(source.key === 'projected' ? entries(source.map, 'sources', source.path).flatMap((e) => {
          const bundle = asMap(findPair(e.map, 'clusterTrustBundle')?.value);
          return bundle ? trustBundleProblems(bundle, child(e.path, 'clusterTrustBundle'), keyRange(findPair(e.map, 'clusterTrustBundle')!)!) : [];
        }) : []),
        ...podProblems(podSpec, volume, source.key, source.map, source.path, source.keyRange),
      ];
      for (const problem of problems) {
        findings.push({
          rule: ID,
          message: `${problem.why} ${rejection(podSpec, `${problem.path}: ${problem.says}`)}`,
          fieldPath: problem.path,
          range: problem.range,
          data: { source: source.key },
        });
      }
    }
    return findings;
  },
};
