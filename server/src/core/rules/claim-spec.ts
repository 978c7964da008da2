/**
 * What the API server requires of a PersistentVolumeClaim spec (ValidatePersistentVolumeClaimSpec),
 * which it runs on an ephemeral volume's claim template in a Pod and in every pod template it
 * validates: at least one access mode, each a known one, ReadWriteOncePod alone; a storage
 * request greater than zero; a volumeMode of Filesystem or Block; a storageClassName that is a
 * DNS subdomain.
 * https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims
 */
import { isScalar, YAMLMap } from 'yaml';
import { child } from '../model/field-path';
import { asMap, asSeq, findPair, keyRange, Range, scalarRef } from '../model/yaml-nodes';
import { DNS_SUBDOMAIN, QUANTITY } from './formats';

export interface ClaimSpecProblem {
  readonly path: string;
  readonly range: Range;
  readonly why: string;
  /** The API server's words after the path, for searching. */
  readonly says: string;
}

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Filesystem', 'Block'];

/** Whether `value` is a quantity of zero or less; undefined when it is no quantity (a decoding error, not this check's). */
function notPositive(value: string): boolean | undefined {
  const match = QUANTITY.exec(value.trim());
  if (!match) return undefined;
  return match[1] === '-' || Number(match[2]) === 0;
}

function accessModeProblems(spec: YAMLMap | undefined, base: string, anchor: Range): ClaimSpecProblem[] {
  const pair = findPair(spec, 'accessModes');
  const modes = asSeq(pair?.value)?.items ?? [];
  const path = child(base, 'accessModes');
  if (modes.length === 0 && (pair === undefined || !isScalar(pair.value) || pair.value.value === null)) {
    return [{ path, range: (pair && keyRange(pair)) ?? anchor, why: 'The claim needs at least one access mode (usually ReadWriteOnce).', says: 'Required value: at least 1 access mode is required' }];
  }
  const problems: ClaimSpecProblem[] = [];
  const written = modes.map(scalarRef).filter((m) => m !== undefined);
  for (const mode of written) {
    if (!ACCESS_MODES.includes(mode.value)) problems.push({ path, range: mode.range, why: `Access mode "${mode.value}" is not one of ${ACCESS_MODES.join(', ')}.`, says: `Unsupported value: "${mode.value}"` });
  }
  const known = written.filter((m) => ACCESS_MODES.includes(m.value));
  const alone = known.find((m) => m.value === 'ReadWriteOncePod');
  if (alone && known.some((m) => m.value !== 'ReadWriteOncePod')) {
    problems.push({ path, range: alone.range, why: 'ReadWriteOncePod cannot be combined with other access modes.', says: 'Forbidden: may not use ReadWriteOncePod with other access modes' });
  }
  return problems;
}

function storageProblems(spec: YAMLMap | undefined, base: string, anchor: Range): ClaimSpecProblem[] {
  const resources = findPair(spec, 'resources');
  const requests = findPair(asMap(resources?.value), 'requests');
  const storage = findPair(asMap(requests?.value), 'storage');
  const path = `${child(base, 'resources')}[storage]`;
  if (!storage) {
    const at = (requests && keyRange(requests)) ?? (resources && keyRange(resources)) ?? anchor;
    return [{ path, range: at, why: 'The claim needs a size: resources.requests.storage (such as 1Gi).', says: 'Required value' }];
  }
  const size = scalarRef(storage.value);
  if (size && notPositive(size.value)) return [{ path, range: size.range, why: `The storage request ${size.value} must be greater than zero.`, says: 'Invalid value: must be greater than zero' }];
  return [];
}

function modeAndClassProblems(spec: YAMLMap | undefined, base: string): ClaimSpecProblem[] {
  const problems: ClaimSpecProblem[] = [];
  const volumeMode = scalarRef(findPair(spec, 'volumeMode')?.value);
  if (volumeMode && !VOLUME_MODES.includes(volumeMode.value)) {
    problems.push({ path: child(base, 'volumeMode'), range: volumeMode.range, why: `volumeMode "${volumeMode.value}" is not Filesystem or Block (the case matters).`, says: `Unsupported value: "${volumeMode.value}"` });
  }
  const className = scalarRef(findPair(spec, 'storageClassName')?.value);
  if (className && className.value !== '' && !DNS_SUBDOMAIN.test(className.value)) {
    problems.push({ path: child(base, 'storageClassName'), range: className.range, why: `storageClassName "${className.value}" is not a valid StorageClass name (lowercase letters, digits, '-' and '.').`, says: 'Invalid value: a lowercase RFC 1123 subdomain' });
  }
  return problems;
}

/** The problems of the claim spec at `spec` (absent: every required field is missing); `anchor` is where to point when there is no better place. */
export function claimSpecProblems(spec: YAMLMap | undefined, base: string, anchor: Range): ClaimSpecProblem[] {
  return [...accessModeProblems(spec, base, anchor), ...storageProblems(spec, base, anchor), ...modeAndClassProblems(spec, base)];
}
