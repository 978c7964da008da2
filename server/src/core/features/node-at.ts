/** Finds the map entry under a cursor and the keys that lead to it (`[]` for a list item). */
import { isMap, isPair, isScalar, isSeq, Pair } from 'yaml';
import type { DocumentModel } from '../model/types';
import { keyText, rangeOf } from '../model/yaml-nodes';

export interface EntryAt {
  readonly path: readonly string[];
  readonly pair: Pair;
  /** The cursor is on the key (else on a scalar value). */
  readonly onKey: boolean;
}

function contains(node: unknown, offset: number): boolean {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r !== undefined && r[0] <= offset && offset <= r[1];
}

function search(node: unknown, offset: number, path: string[]): EntryAt | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair) ?? '';
      if (contains(pair.key, offset)) return { path: [...path, key], pair, onKey: true };
      if (isScalar(pair.value) && contains(pair.value, offset)) return { path: [...path, key], pair, onKey: false };
      if (contains(pair.value, offset)) return search(pair.value, offset, [...path, key]);
    }
  } else if (isSeq(node)) {
    for (const entry of node.items) if (contains(entry, offset)) return search(entry, offset, [...path, '[]']);
  }
  return undefined;
}

export function entryAt(model: DocumentModel, offset: number): EntryAt | undefined {
  for (const object of model.objects) {
    if (!contains(object.node, offset)) continue;
    const found = search(object.node, offset, []);
    if (found) return found;
  }
  return undefined;
}

export function rangeOfEntry(entry: EntryAt) {
  return rangeOf(entry.onKey ? entry.pair.key : entry.pair.value);
}
