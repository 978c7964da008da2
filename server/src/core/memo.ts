/**
 * Values worked out once per object and kept on that object, so that they die with it.
 *
 * Why not a WeakMap keyed by the object: the engine makes a new document model, a new models
 * array and new diagnostics on every keystroke, and the young-generation collector of Node 20's
 * V8 keeps alive every entry of a WeakMap that lives in the old generation, whatever became of its
 * key, until the next full collection. Each keystroke's model, pod spec lists and schema problems
 * were copied by every scavenge after it: at 10 documents, 14 KB per keystroke still alive at the
 * next scavenge, about 850 KB copied by each (bench/notes.md). A value held by its key is
 * unreachable as soon as the key is.
 */

/** Names one kind of memoised value; the type parameter is the value's type. */
export interface MemoKey<T> {
  readonly description: string;
  /** Never set: it only carries T. */
  readonly value?: T;
}

export function memoKey<T>(description: string): MemoKey<T> {
  return { description };
}

/** The memoised values of one object. Created empty with the object; its map only when a value is kept. */
export class Memo {
  private values?: Map<MemoKey<unknown>, unknown>;

  /** The value kept under `key`, made by `make` on the first call. */
  get<T>(key: MemoKey<T>, make: () => T): T {
    if (this.values?.has(key)) return this.values.get(key) as T;
    const value = make();
    (this.values ??= new Map()).set(key, value);
    return value;
  }
}
