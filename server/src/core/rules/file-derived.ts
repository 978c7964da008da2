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
 * `derive` memoised per array; `agrees(before, after)` says that a document changed from `before`
 * to `after` leaves the value as it was.
 */
export function fileDerived<T>(derive: (documents: Models) => T, agrees: (before: DocumentModel, after: DocumentModel) => boolean): FileDerivation<T> {
  const values = new WeakMap<Models, T>();
  return (documents) => {
    if (values.has(documents)) return values.get(documents)!;
    const previous = predecessors.get(documents);
    const value = previous && values.has(previous) && carriesOver(previous, documents, agrees) ? values.get(previous)! : derive(documents);
    values.set(documents, value);
    return value;
  };
}

/**
 * The models array each one was made from, for the carry-over. One link only: the previous
 * array's own link is dropped, so a file's arrays do not stay alive in a chain. (A WeakRef to the
 * last array would not do: V8 keeps a WeakRef's target alive until the current task ends, and the
 * CLI or a test analysing thousands of files in one task kept every array.)
 */
const predecessors = new WeakMap<Models, Models>();

/** Records that `next` was made from `previous` by replacing some of its documents. */
export function succeeds(next: Models, previous: Models): void {
  predecessors.delete(previous);
  predecessors.set(next, previous);
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
