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
import type { DocumentModel } from '../model/types';

type Models = readonly DocumentModel[];

export interface FileDerivation<T> {
  (documents: Models): T;
}

/**
 * `derive` memoised for the latest array it was asked about; `agrees(before, after)` says that a
 * document changed from `before` to `after` leaves the value as it was. One value, held strongly,
 * not one per array in a WeakMap: a new array comes with every keystroke, and V8's scavenger keeps
 * every WeakMap entry alive until a full collection (memo.ts). The file rules of one analysis all
 * ask about the same array; an analysis of another file in between costs one derivation afresh.
 */
export function fileDerived<T>(derive: (documents: Models) => T, agrees: (before: DocumentModel, after: DocumentModel) => boolean): FileDerivation<T> {
  let last: { readonly documents: Models; readonly value: T } | undefined;
  return (documents) => {
    if (last?.documents === documents) return last.value;
    const carried = last !== undefined && madeFrom(documents) === last.documents && carriesOver(last.documents, documents, agrees);
    const value = carried ? last!.value : derive(documents);
    last = { documents, value };
    return value;
  };
}

/**
 * The latest models array and the one it was made from, for the carry-over: one link, so that a
 * file's arrays do not stay alive in a chain. (A WeakRef to the last array would not do either:
 * V8 keeps a WeakRef's target alive until the current task ends, and the CLI or a test analysing
 * thousands of files in one task kept every array.)
 */
let link: { readonly next: Models; readonly previous: Models } | undefined;

/** Records that `next` was made from `previous` by replacing some of its documents. */
export function succeeds(next: Models, previous: Models): void {
  link = { next, previous };
}

function madeFrom(documents: Models): Models | undefined {
  return link?.next === documents ? link.previous : undefined;
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
