/**
 * Values file rules derive from every document of a file (is any document a template, the
 * ServiceAccount index), computed once per models array and carried over to the next array when
 * the documents that changed between them agree on what the value reads.
 *
 * Why: on each keystroke the engine hands the file rules a new models array that differs from the
 * previous one in the edited document only. Deriving afresh reads all 5,000 models of a large file,
 * scattered in a heap of hundreds of megabytes, and that costs a cache miss per document; comparing
 * the two arrays is a scan of two contiguous lists of pointers.
 */
import { Memo, memoKey } from '../memo';
import type { DocumentModel } from '../model/types';

type Models = readonly DocumentModel[];

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
  /** One link only, so that a file's arrays do not stay alive in a chain. */
  private link?: { readonly next: Models; readonly previous: Models };

  /** Records that `next` was made from `previous` by replacing some of its documents. */
  succeeds(next: Models, previous: Models): void {
    this.link = { next, previous };
  }

  /** The array `documents` was made from, when it is the latest. */
  madeFrom(documents: Models): Models | undefined {
    return this.link?.next === documents ? this.link.previous : undefined;
  }
}

export interface FileDerivation<T> {
  (documents: Models, file: FileMemo): T;
}

/**
 * `derive` memoised, per file, for the latest array it was asked about; `agrees(before, after)`
 * says that a document changed from `before` to `after` leaves the value as it was. The file
 * rules of one pass all ask about the same array.
 */
export function fileDerived<T>(derive: (documents: Models) => T, agrees: (before: DocumentModel, after: DocumentModel) => boolean): FileDerivation<T> {
  type Latest = { last?: { readonly documents: Models; readonly value: T } };
  const latest = memoKey<Latest>('a value derived from every document');
  return (documents, file) => {
    const slot = file.memo.get(latest, (): Latest => ({}));
    const last = slot.last;
    if (last?.documents === documents) return last.value;
    const carried = last !== undefined && file.madeFrom(documents) === last.documents && carriesOver(last.documents, documents, agrees);
    const value = carried ? last!.value : derive(documents);
    slot.last = { documents, value };
    return value;
  };
}

/** Whether two lists of documents have the same length and agree where they hold different documents. */
export function carriesOver<D>(before: readonly D[], after: readonly D[], agrees: (before: D, after: D) => boolean): boolean {
  if (before.length !== after.length) return false;
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
