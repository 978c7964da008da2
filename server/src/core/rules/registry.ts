/** Every rule kube-volumes runs. Adding a rule: see CONTRIBUTING.md. */
import { browserWithoutShm } from './browser-without-shm';
import { claimTemplateShadowsVolume } from './claim-template-shadows-volume';
import { cloudImageWithoutPullSecret } from './cloud-image-without-pull-secret';
import { configMountHidesDirectory } from './config-mount-hides-directory';
import { credentialsInConfigMap } from './credentials-in-configmap';
import { databaseOnEmptyDir } from './database-on-emptydir';
import { decimalFileMode } from './decimal-file-mode';
import { deprecatedVolumeType } from './deprecated-volume-type';
import { duplicateClaimVolume } from './duplicate-claim-volume';
import { duplicateMountPath } from './duplicate-mount-path';
import { duplicateVolumeName } from './duplicate-volume-name';
import { fieldAtWrongLevel } from './field-at-wrong-level';
import { fileOrCreateParent } from './file-or-create-parent';
import { hostPathDevShm } from './host-path-dev-shm';
import { ignoredPullSecretEntry } from './ignored-pull-secret-entry';
import { ignoredServiceAccountPullSecrets } from './ignored-service-account-pull-secrets';
import { projectedTokenPathClash } from './projected-token-path-clash';
import { impossibleObjectName } from './impossible-object-name';
import { invalidFieldValue } from './invalid-field-value';
import { invalidFileMode } from './invalid-file-mode';
import { invalidHostPath } from './invalid-host-path';
import { invalidItemPath } from './invalid-item-path';
import { invalidMountPropagation } from './invalid-mount-propagation';
import { invalidPullSecretEntry } from './invalid-pull-secret-entry';
import { invalidRecursiveReadOnly } from './invalid-recursive-read-only';
import { invalidSizeLimit } from './invalid-size-limit';
import { invalidSourceField } from './invalid-source-field';
import { invalidSubPath } from './invalid-sub-path';
import { invalidTokenExpiration } from './invalid-token-expiration';
import { invalidVolumeDevice } from './invalid-volume-device';
import { invalidVolumeName } from './invalid-volume-name';
import { memoryEmptyDirWithoutSizeLimit } from './memory-emptydir-without-size-limit';
import { missingMountField } from './missing-mount-field';
import { missingSourceField } from './missing-source-field';
import { mountWithoutVolume } from './mount-without-volume';
import { multipleVolumeSources } from './multiple-volume-sources';
import { newerThanTargetVersion } from './newer-than-target-version';
import { privateImageWithoutPullSecret } from './private-image-without-pull-secret';
import { projectedSourceConflict } from './projected-source-conflict';
import { pullSecretMissingKey } from './pull-secret-missing-key';
import { pullSecretWrongType } from './pull-secret-wrong-type';
import { readOnlyFalseNoEffect } from './read-only-false-no-effect';
import { relativeHostPath } from './relative-host-path';
import { relativeMountPath } from './relative-mount-path';
import { sensitiveHostPath } from './sensitive-host-path';
import { subPathExprVariable } from './sub-path-expr-variable';
import { subPathNeverUpdated } from './sub-path-never-updated';
import { subPathOnImageVolume } from './sub-path-on-image-volume';
import { tooManyDocuments } from './too-many-documents';
import type { DocumentRule, FileRule, Rule } from './types';
import { unknownEmptyDirMedium } from './unknown-emptydir-medium';
import { unknownField } from './unknown-field';
import { unknownVolumeField } from './unknown-volume-field';
import { unmountedClaimTemplate } from './unmounted-claim-template';
import { unsupportedDownwardApiField } from './unsupported-downward-api-field';
import { unusedVolume } from './unused-volume';
import { volumeWithoutSource } from './volume-without-source';
import { worldReadableSecret } from './world-readable-secret';
import { yamlSyntax } from './yaml-syntax';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  mountWithoutVolume,
  duplicateVolumeName,
  multipleVolumeSources,
  unknownVolumeField,
  unknownField,
  invalidFieldValue,
  volumeWithoutSource,
  duplicateMountPath,
  fieldAtWrongLevel,
  invalidVolumeName,
  missingMountField,
  missingSourceField,
  invalidSourceField,
  invalidFileMode,
  invalidHostPath,
  invalidItemPath,
  invalidSubPath,
  invalidMountPropagation,
  invalidRecursiveReadOnly,
  invalidVolumeDevice,
  invalidPullSecretEntry,
  invalidSizeLimit,
  projectedSourceConflict,
  invalidTokenExpiration,
  unsupportedDownwardApiField,
  unusedVolume,
  memoryEmptyDirWithoutSizeLimit,
  privateImageWithoutPullSecret,
  cloudImageWithoutPullSecret,
  subPathNeverUpdated,
  subPathExprVariable,
  readOnlyFalseNoEffect,
  decimalFileMode,
  worldReadableSecret,
  databaseOnEmptyDir,
  unknownEmptyDirMedium,
  sensitiveHostPath,
  hostPathDevShm,
  browserWithoutShm,
  pullSecretMissingKey,
  pullSecretWrongType,
  ignoredPullSecretEntry,
  credentialsInConfigMap,
  configMountHidesDirectory,
  claimTemplateShadowsVolume,
  unmountedClaimTemplate,
  duplicateClaimVolume,
  deprecatedVolumeType,
  newerThanTargetVersion,
  relativeMountPath,
  relativeHostPath,
  impossibleObjectName,
  subPathOnImageVolume,
  fileOrCreateParent,
  ignoredServiceAccountPullSecrets,
  projectedTokenPathClash,
  tooManyDocuments,
];

export const DOCUMENT_RULES = RULES.filter((r): r is DocumentRule => r.scope === 'document');
export const FILE_RULES = RULES.filter((r): r is FileRule => r.scope === 'file');

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
