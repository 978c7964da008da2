/**
 * Lookups that file rules make per pod or per Secret, built once per check. File rules run over
 * every document of a file on each keystroke: a search of all documents for each pod or Secret is
 * quadratic, and took seconds per keystroke on a file of 21,000 documents.
 */
import type { Range } from '../model/yaml-nodes';
import type { DocumentModel } from '../model/types';
import { AccountSummary, DocumentSummary, fileDerived } from './file-derived';
import { literalPodSpecs } from './scope';

/** Two objects may be in the same namespace unless both name a different one (a file often leaves it to kubectl -n). */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface IndexedAccount {
  readonly account: AccountSummary;
  readonly document: number;
}

/** The file's ServiceAccounts by name; `find` returns the first in file order, as a search would. */
export class ServiceAccountIndex {
  private readonly byName = new Map<string, IndexedAccount[]>();
  /** Whether any ServiceAccount of the file lists imagePullSecrets. */
  readonly anyPullSecrets: boolean;

  constructor(documents: readonly DocumentSummary[]) {
    let anyPullSecrets = false;
    documents.forEach((document, index) => {
      for (const account of document.accounts) {
        if (account.name !== undefined) push(this.byName, account.name, { account, document: index });
        anyPullSecrets ||= account.imagePullSecrets.length > 0;
      }
    });
    this.anyPullSecrets = anyPullSecrets;
  }

  find(name: string, namespace: string | undefined): IndexedAccount | undefined {
    return this.byName.get(name)?.find(({ account }) => sameNamespace(account.namespace, namespace));
  }
}

/**
 * The index of a file's documents, built once for all the rules that run over the same list, and
 * kept for the next list while the documents that changed have no ServiceAccount before or after.
 * (A changed document keeps its index in the list, so the index's document numbers stay right.)
 */
export const serviceAccountIndex = fileDerived(
  (documents) => new ServiceAccountIndex(documents),
  (before, after) => before.accounts.length === 0 && after.accounts.length === 0,
);

/** Where a Secret name is used for pulling: a pod's imagePullSecrets entry, or a ServiceAccount's. */
export interface PullSecretUse {
  readonly namespace: string | undefined;
  readonly document: number;
  /** The pod's entry; undefined for a ServiceAccount's. */
  readonly range?: Range;
}

/** A pull-secret use within its own document: the Secret's name, and where (the document index comes later). */
export type DocumentUse = Omit<PullSecretUse, 'document'> & { readonly name: string };

/** A document's own pull-secret uses, for a file rule to collect once per analysed document. */
export function documentUses(document: DocumentModel): DocumentUse[] {
  const found: DocumentUse[] = [];
  for (const podSpec of literalPodSpecs(document)) {
    for (const ref of podSpec.imagePullSecrets) found.push({ name: ref.value, namespace: podSpec.object.namespace, range: ref.range });
  }
  for (const account of document.serviceAccounts) {
    for (const name of account.imagePullSecrets) found.push({ name, namespace: account.object.namespace });
  }
  return found;
}

/**
 * The file's pull-secret uses of the Secrets named in `names`, by name (`uses[i]` are document
 * i's). Only those names: a file rule asks on every keystroke, and most files have Opaque Secrets
 * that nothing pulls with, so an index of every use was thousands of objects per keystroke.
 */
export function pullSecretUses(uses: readonly ({ readonly uses: readonly DocumentUse[] } | undefined)[], names: ReadonlySet<string>): Map<string, PullSecretUse[]> {
  const byName = new Map<string, PullSecretUse[]>();
  for (let index = 0; index < uses.length; index++) {
    const list = uses[index]?.uses;
    if (list === undefined) continue;
    for (const { name, namespace, range } of list) if (names.has(name)) push(byName, name, { namespace, document: index, range });
  }
  return byName;
}
