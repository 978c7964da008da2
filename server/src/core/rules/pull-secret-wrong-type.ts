/**
 * A Secret in the same file that a pod or ServiceAccount lists in imagePullSecrets, but whose
 * type is not kubernetes.io/dockerconfigjson (or kubernetes.io/dockercfg), often Opaque because
 * a template left the type out. The kubelet silently skips such Secrets when it pulls, so the
 * pull fails (ErrImagePull, ImagePullBackOff) although the reference looks right.
 * https://kubernetes.io/docs/concepts/configuration/secret/#docker-config-secrets
 */
import { child } from '../model/field-path';
import type { DocumentModel } from '../model/types';
import { memoKey } from '../memo';
import { isTemplatedFile } from './file-derived';
import type { RelatedLocation } from './types';
import { DocumentUse, documentUses, pullSecretUses, sameNamespace } from './file-index';
import { objectsOfKind, PULL_SECRET_TYPES, secretType } from './secret-objects';
import type { FileFinding, FileRule } from './types';

const ID = 'pull-secret-wrong-type';

/** A named Secret of a type the kubelet skips for pulls, as plain data (facts are, see FileRule.collect). */
type UntypedSecret = {
  readonly secret: { readonly name: string; readonly namespace?: string; readonly pathPrefix: string };
  readonly type: ReturnType<typeof secretType>;
};

interface SecretFacts {
  /** The document's named Secrets whose type is not a pull-secret type. */
  readonly secrets: readonly UntypedSecret[];
  readonly uses: readonly DocumentUse[];
}

function untypedSecrets(document: DocumentModel): UntypedSecret[] {
  const found: UntypedSecret[] = [];
  for (const object of objectsOfKind(document, 'Secret')) {
    const type = secretType(object);
    const { name, namespace, pathPrefix } = object;
    if (!PULL_SECRET_TYPES[type.value] && name !== undefined) found.push({ secret: { name, namespace, pathPrefix }, type });
  }
  return found;
}

/** Every used Secret of the wrong type in the file, with where it is used. */
function wrongTypeFindings(facts: readonly (SecretFacts | undefined)[]): FileFinding[] {
  const findings: FileFinding[] = [];
  // Plain loops over the facts column: a keystroke that stillHold cannot vouch for runs this over every document.
  const withSecrets: number[] = [];
  const names = new Set<string>();
  for (let index = 0; index < facts.length; index++) {
    const secrets = facts[index]?.secrets;
    if (secrets === undefined || secrets.length === 0) continue;
    withSecrets.push(index);
    for (const { secret } of secrets) names.add(secret.name);
  }
  if (names.size === 0) return findings;
  const uses = pullSecretUses(facts, names);
  for (const index of withSecrets) {
    for (const { secret, type } of facts[index]!.secrets) {
      const used = (uses.get(secret.name) ?? []).filter((use) => sameNamespace(use.namespace, secret.namespace));
      if (used.length === 0) continue;
      const related: RelatedLocation[] = used.flatMap((use) => use.range
        ? [{ message: 'used as a pull secret here', range: use.range, document: use.document === index ? undefined : use.document }]
        : []);
      findings.push({
        rule: ID,
        document: index,
        message: `Secret "${secret.name}" is used in imagePullSecrets but its type is ${type.value}${type.written ? '' : ' (no type given)'}: the kubelet only uses Secrets of type kubernetes.io/dockerconfigjson (or kubernetes.io/dockercfg) for pulls and silently skips this one, so the pull fails with ErrImagePull / ImagePullBackOff. Set type: kubernetes.io/dockerconfigjson (with the key .dockerconfigjson); a Secret's type cannot change, so one already in the cluster must be deleted and created again.`,
        fieldPath: child(secret.pathPrefix, 'type'),
        range: type.range,
        related,
        data: { secret: secret.name, type: type.value, suggestions: ['kubernetes.io/dockerconfigjson'] },
      });
    }
  }
  return findings;
}

type Latest = { last?: { readonly facts: readonly (SecretFacts | undefined)[]; readonly findings: FileFinding[] } };
const LATEST = memoKey<Latest>('pull-secret-wrong-type findings');

/** The same Secrets used, by name and namespace, in the same order (where they are is stillHold's concern). */
function sameUses(before: readonly DocumentUse[], after: readonly DocumentUse[]): boolean {
  return before.length === after.length && before.every((use, i) => use.name === after[i].name && use.namespace === after[i].namespace);
}

/**
 * Whether the findings made for `last.facts` hold for `facts` as well: every document whose facts
 * changed had no Secret of the wrong type before or after, uses the same Secrets as before, and is
 * not where any finding points (a use there may have moved). A keystroke outside Secrets and pull
 * secrets keeps every finding: making them again read every document of the file (about 1.2 ms
 * at 5,000 documents).
 */
function stillHold(last: NonNullable<Latest['last']>, facts: readonly (SecretFacts | undefined)[]): boolean {
  if (last.facts.length !== facts.length) return false;
  let changed: Set<number> | undefined;
  for (let index = 0; index < facts.length; index++) {
    const before = last.facts[index];
    const after = facts[index];
    if (before === after) continue;
    if ((before?.secrets.length ?? 0) > 0 || (after?.secrets.length ?? 0) > 0 || !sameUses(before?.uses ?? [], after?.uses ?? [])) return false;
    (changed ??= new Set()).add(index);
  }
  return changed === undefined || !last.findings.some((finding) => finding.related?.some((r) => r.document !== undefined && changed!.has(r.document)));
}

export const pullSecretWrongType: FileRule<SecretFacts> = {
  id: ID,
  scope: 'file',
  // Secrets of a type the kubelet ignores, and pull-secret uses: a ServiceAccount's entry counts once its name is not empty.
  reads: ['type', 'imagePullSecrets', 'imagePullSecrets.name'],
  defaultSeverity: 'warning',
  description: 'A Secret used in imagePullSecrets is not of type kubernetes.io/dockerconfigjson (or dockercfg), so the kubelet ignores it.',
  collect(document) {
    const secrets = untypedSecrets(document);
    const uses = documentUses(document);
    return secrets.length > 0 || uses.length > 0 ? { secrets, uses } : undefined;
  },
  relate(documents, facts, _options, file) {
    if (isTemplatedFile(documents, file)) return [];
    const latest = file.memo.get(LATEST, (): Latest => ({}));
    const findings = latest.last && stillHold(latest.last, facts) ? latest.last.findings : wrongTypeFindings(facts);
    latest.last = { facts, findings };
    return findings;
  },
};
