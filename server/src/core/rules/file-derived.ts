/**
 * Values file rules derive from every document of a file (is any document a template, the
 * ServiceAccount index), computed once per summaries array and carried over to the next array when
 * the documents that changed between them agree on what the value reads.
 *
 * Why: on each keystroke the engine hands the file rules a new models array that differs from the
 * previous one in the edited document only. Deriving afresh reads all 5,000 models of a large file,
 * scattered in a heap of hundreds of megabytes, and that costs a cache miss per document; comparing
 * the two arrays is a scan of two contiguous lists of pointers.
 */
import { Memo, memoKey } from '../memo';
import { findPair, getString, keyRange, Range } from '../model/yaml-nodes';
import type { DocumentModel, ObjectModel, ServiceAccountModel } from '../model/types';

/** What the file rules read of a ServiceAccount: plain data, so that another thread can send it. */
export interface AccountSummary {
  readonly name?: string;
  readonly namespace?: string;
  readonly imagePullSecrets: readonly string[];
  /** Its `imagePullSecrets` key, or the whole object when it has none. */
  readonly pullSecretsRange: Range;
}

/** An object of a document, as the features that look across documents read it (completion, quick fixes). */
export interface ObjectSummary {
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  /** A Secret's `type`, as written. */
  readonly type?: string;
}

/**
 * What the file rules, and the editor features that look across documents, read of a document
 * besides the rules' own facts. Plain data, like the facts, so that a document analysed on another
 * thread needs no tree here (see analysis/parallel.ts): a quick fix that lists the file's pull
 * secrets parsed every such document again, for seconds in a file of thousands.
 */
export interface DocumentSummary {
  readonly templated: boolean;
  readonly accounts: readonly AccountSummary[];
  readonly objects: readonly ObjectSummary[];
}

/** A document with nothing to say: one shared object. */
export const PLAIN_DOCUMENT: DocumentSummary = Object.freeze({ templated: false, accounts: Object.freeze([]), objects: Object.freeze([]) });

function accountSummary({ object, imagePullSecrets }: ServiceAccountModel): AccountSummary {
  const pair = findPair(object.node, 'imagePullSecrets');
  return { name: object.name, namespace: object.namespace, imagePullSecrets, pullSecretsRange: (pair && keyRange(pair)) ?? object.range };
}

function objectSummary({ kind, name, namespace, node }: ObjectModel): ObjectSummary {
  return kind === 'Secret' ? { kind, name, namespace, type: getString(node, 'type') } : { kind, name, namespace };
}

export function summaryOf(model: DocumentModel): DocumentSummary {
  return canonicalSummary({ templated: model.templated, accounts: model.serviceAccounts.map(accountSummary), objects: model.objects.map(objectSummary) });
}

/** `summary`, or the shared object when it says nothing (a summary sent from another thread is a copy). */
export function canonicalSummary(summary: DocumentSummary): DocumentSummary {
  return !summary.templated && summary.accounts.length === 0 && summary.objects.length === 0 ? PLAIN_DOCUMENT : summary;
}

type Models = readonly DocumentSummary[];

/**
 * What the engine keeps for one file from one pass of the file rules to the next: the values
 * they derived (`memo`), and the models array each new one was made from. One per analyser
 * (FileAnalyzer's FactColumns), so that it goes when the file does, and files edited in turn keep
 * their own. (Kept in module-level caches, a closed file's models stayed in memory until another
 * file replaced them; in WeakMaps by models array, each keystroke's array outlived its scavenges,
 * see memo.ts.)
 */
export class FileMemo {
  readonly memo = new Memo();
  /** Documents past the engine's limit, left out of the analysis (too-many-documents.ts). */
  omittedDocuments = 0;
  /** The length of the last document read, where too-many-documents points. */
  lastDocumentLength = 0;
  /** One link only, so that a file's arrays do not stay alive in a chain. */
  private link?: Link;

  /**
   * Records that `next` was made from `previous` by replacing the documents at `changed` (when
   * known: the caller compared them already, and a scan of both arrays at 5,000 documents reads
   * 80 KB that a keystroke's other work has pushed out of the cache).
   */
  succeeds(next: Models, previous: Models, changed?: readonly number[]): void {
    this.link = { next, previous, changed };
  }

  /** The array `documents` was made from, and where they may differ, when it is the latest. */
  madeFrom(documents: Models): Link | undefined {
    return this.link?.next === documents ? this.link : undefined;
  }
}

interface Link {
  readonly next: Models;
  readonly previous: Models;
  /** The indices at which `next` may differ from `previous`; every index when undefined. */
  readonly changed?: readonly number[];
}

export interface FileDerivation<T> {
  (documents: Models, file: FileMemo): T;
}

/**
 * `derive` memoised, per file, for the latest array it was asked about; `agrees(before, after)`
 * says that a document changed from `before` to `after` leaves the value as it was. The file
 * rules of one pass all ask about the same array.
 */
export function fileDerived<T>(derive: (documents: Models) => T, agrees: (before: DocumentSummary, after: DocumentSummary) => boolean): FileDerivation<T> {
  type Latest = { last?: { readonly documents: Models; readonly value: T } };
  const latest = memoKey<Latest>('a value derived from every document');
  return (documents, file) => {
    const slot = file.memo.get(latest, (): Latest => ({}));
    const last = slot.last;
    if (last?.documents === documents) return last.value;
    const link = file.madeFrom(documents);
    const carried = last !== undefined && link?.previous === last.documents && carriesOver(last.documents, documents, agrees, link.changed);
    const value = carried ? last!.value : derive(documents);
    slot.last = { documents, value };
    return value;
  };
}

/**
 * Whether two lists of documents have the same length and agree where they hold different
 * documents; `changed`, when given, lists the only indices at which they may hold different ones.
 */
export function carriesOver<D>(before: readonly D[], after: readonly D[], agrees: (before: D, after: D) => boolean, changed?: readonly number[]): boolean {
  if (before.length !== after.length) return false;
  if (changed !== undefined) return changed.every((i) => before[i] === after[i] || agrees(before[i], after[i]));
  for (let i = 0; i < after.length; i++) {
    if (before[i] !== after[i] && !agrees(before[i], after[i])) return false;
  }
  return true;
}

/** Whether any document of the file is a Helm template, where file rules stay silent. */
export const isTemplatedFile = fileDerived(
  (documents) => documents.some((d) => d.templated),
  (before, after) => before.templated === after.templated,
);
