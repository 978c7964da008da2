/** Reading Secret and ConfigMap objects: their type, and the keys of `data` and `stringData`. */
import type { Pair } from 'yaml';
import type { DocumentModel, ObjectModel } from '../model/types';
import { asMap, findPair, getNode, getString, keyRange, keyText, rangeOf, Range } from '../model/yaml-nodes';
import { lookupTable } from '../lookup-table';
import { memoKey } from '../memo';

export interface DataKey {
  readonly key: string;
  readonly pair: Pair;
  /** `data` or `stringData` (or `binaryData`). */
  readonly field: string;
  readonly keyRange: Range;
}

const BY_KIND = memoKey<Map<string, readonly ObjectModel[]>>('objects by kind');

/**
 * Objects of a kind in a document (the root object and List items), not in Helm templates; found
 * once per document model, as file rules ask for them in every document on each keystroke.
 */
export function objectsOfKind(document: DocumentModel, kind: string): readonly ObjectModel[] {
  const kinds = document.memo.get(BY_KIND, () => new Map());
  let objects = kinds.get(kind);
  if (!objects) kinds.set(kind, (objects = document.objects.filter((o) => o.kind === kind && (o.apiVersion === undefined || o.apiVersion === 'v1') && !o.templated)));
  return objects;
}

export function dataKeys(object: ObjectModel, fields: readonly string[] = ['data', 'stringData']): DataKey[] {
  const keys: DataKey[] = [];
  for (const field of fields) {
    for (const pair of asMap(getNode(object.node, field))?.items ?? []) {
      const key = keyText(pair);
      const range = keyRange(pair);
      if (key !== undefined && range) keys.push({ key, pair, field, keyRange: range });
    }
  }
  return keys;
}

/** A Secret's type as the API server defaults it (Opaque), and where to point at it. */
export function secretType(object: ObjectModel): { value: string; range: Range; written: boolean } {
  const pair = findPair(object.node, 'type');
  const value = getString(object.node, 'type');
  const nameNode = findPair(asMap(getNode(object.node, 'metadata')), 'name')?.value;
  const range = (pair && value !== undefined ? rangeOf(pair.value) : undefined) ?? rangeOf(nameNode) ?? object.range;
  return { value: value || 'Opaque', range, written: value !== undefined && value !== '' };
}

export const PULL_SECRET_TYPES: Record<string, string> = lookupTable({
  'kubernetes.io/dockerconfigjson': '.dockerconfigjson',
  'kubernetes.io/dockercfg': '.dockercfg',
});
