/** Small, typed accessors over the `yaml` package's node tree; they never throw on odd shapes. */
import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export type Range = { start: number; end: number };

/** The source range of a node's value, without trailing comments or line breaks. */
export function rangeOf(node: unknown): Range | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
}

export function findPair(map: YAMLMap | undefined, key: string): Pair | undefined {
  if (!map) return undefined;
  for (const item of map.items) if (keyText(item) === key) return item;
  return undefined;
}

export function getNode(map: YAMLMap | undefined, key: string): unknown {
  return findPair(map, key)?.value ?? undefined;
}

/** A scalar's value as a string, if the node is a non-null scalar (numbers and booleans included). */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export function getString(map: YAMLMap | undefined, key: string): string | undefined {
  return scalarString(getNode(map, key));
}

export function asScalar(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

/** A reference to a scalar value in the source: its value and where it is. */
export interface ScalarRef {
  readonly value: string;
  readonly range: Range;
}

export function scalarRef(node: unknown): ScalarRef | undefined {
  const value = scalarString(node);
  const range = rangeOf(node);
  return value !== undefined && range ? { value, range } : undefined;
}

/** The range of a pair's key, the place to point at when a whole field is wrong. */
export function keyRange(pair: Pair): Range | undefined {
  return rangeOf(pair.key);
}

/** An absent value or an explicit null (`key:`, `key: null`, `key: ~`). */
export function isNullNode(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}
