/**
 * A pod that lists its own imagePullSecrets while its ServiceAccount, defined in the same file,
 * lists others: ServiceAccount admission copies the account's pull secrets only into pods that
 * list none, so the pod gets only its own, and images that need the account's fail to pull.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#add-imagepullsecrets-to-a-service-account
 */
import type { PodSpecModel } from '../model/types';
import { findPair, keyRange, Range } from '../model/yaml-nodes';
import { isTemplatedFile } from './file-derived';
import { serviceAccountIndex } from './file-index';
import { completePodSpecs } from './scope';
import type { FileFinding, FileRule } from './types';

const ID = 'ignored-service-account-pull-secrets';

/** A pod spec that lists pull secrets, as plain data (facts are, see FileRule.collect). */
interface ListingPodSpec {
  readonly path: string;
  readonly namespace?: string;
  readonly serviceAccountName?: string;
  readonly imagePullSecrets: readonly string[];
  /** Its `imagePullSecrets` key. */
  readonly range: Range;
}

function listing(podSpec: PodSpecModel): ListingPodSpec | undefined {
  const pair = findPair(podSpec.node, 'imagePullSecrets');
  const range = pair && keyRange(pair);
  if (!range) return undefined;
  const { path, serviceAccountName } = podSpec;
  return { path, namespace: podSpec.object.namespace, serviceAccountName, imagePullSecrets: podSpec.imagePullSecrets.map((s) => s.value), range };
}

export const ignoredServiceAccountPullSecrets: FileRule<ListingPodSpec[]> = {
  id: ID,
  scope: 'file',
  // Pod specs that list pull secrets at all: which ones they list is read in relate.
  reads: [],
  defaultSeverity: 'info',
  description: 'A pod lists its own imagePullSecrets, so it gets none of those its ServiceAccount (in the same file) lists.',
  collect(document) {
    const podSpecs = completePodSpecs(document).filter((podSpec) => podSpec.hasImagePullSecrets).map(listing).filter((p) => p !== undefined);
    return podSpecs.length > 0 ? podSpecs : undefined;
  },
  relate(documents, facts, _options, file) {
    // In a Helm template the lists may be generated: nothing here is certain.
    if (!facts.some((f) => f !== undefined) || isTemplatedFile(documents, file)) return [];
    const accounts = serviceAccountIndex(documents, file);
    if (!accounts.anyPullSecrets) return [];
    const findings: FileFinding[] = [];
    facts.forEach((podSpecs, index) => {
      for (const { path, namespace, serviceAccountName, imagePullSecrets, range } of podSpecs ?? []) {
        const name = serviceAccountName ?? 'default';
        const found = accounts.find(name, namespace);
        const own = new Set(imagePullSecrets);
        const missing = found?.account.imagePullSecrets.filter((s) => s !== '' && !own.has(s)) ?? [];
        if (!found || missing.length === 0) continue;
        const accountRange = found.account.pullSecretsRange;
        const list = missing.map((s) => `"${s}"`).join(', ');
        findings.push({
          rule: ID,
          document: index,
          message: `This pod lists its own imagePullSecrets, so it does not get ${list} from its ServiceAccount "${name}": admission copies a ServiceAccount's pull secrets only into pods that list none. Add ${missing.length === 1 ? 'it' : 'them'} here if the images need ${missing.length === 1 ? 'it' : 'them'}, or remove the pod's list to use the ServiceAccount's.`,
          fieldPath: `${path}.imagePullSecrets`,
          range,
          related: [{ message: `ServiceAccount "${name}" lists ${list}`, range: accountRange, document: found.document === index ? undefined : found.document }],
          data: { serviceAccount: name, missing, podSpecPath: path },
        });
      }
    });
    return findings;
  },
};
