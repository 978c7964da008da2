/**
 * The shape of volume sources, volumeMounts, volumeDevices and imagePullSecrets entries, checked
 * against our JSON Schemas (schemas/*.schema.json), compiled into code at build time
 * (scripts/compile-schemas.mjs).
 * YAML is turned into plain values first (YAML 1.1, as Kubernetes reads it), without nulls:
 * a null field is simply unset to the API server.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isSeq, YAMLMap } from 'yaml';
import * as compiled from './compiled.generated';
import { findPair } from '../model/yaml-nodes';

export type SchemaTarget = 'volumeSources' | 'volumeMount' | 'volumeDevice' | 'imagePullSecret';

export interface SchemaProblem {
  readonly keyword: 'additionalProperties' | 'type' | 'enum';
  /** Keys and indices from the validated node to the offending one. */
  readonly segments: readonly (string | number)[];
  /** For an unknown key: the key, and the fields the schema knows at that level. */
  readonly key?: string;
  readonly known?: readonly string[];
  /** For a wrong type or value: what the schema expects. */
  readonly expected?: string;
  readonly allowed?: readonly string[];
  readonly description?: string;
}

const VALIDATORS: Record<SchemaTarget, ValidateFunction> = compiled;

/** Plain values of a YAML node, leaving out null map values (unset to the API server). */
function plain(node: unknown): unknown {
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = (pair.key as { value?: unknown } | null)?.value;
      const value = plain(pair.value);
      if (key === undefined || key === null || value === null || value === undefined) continue;
      const field = String(key);
      // Assigning `__proto__` would set the copy's prototype and hide the key from the schema: that one is defined.
      if (field === '__proto__') Object.defineProperty(out, field, { value, enumerable: true, writable: true, configurable: true });
      else out[field] = value;
    }
    return out;
  }
  if (isSeq(node)) return node.items.map(plain);
  // Timestamps and base-60 numbers are already strings, as go-yaml v2 reads them (model/yaml-options.ts).
  return (node as { value?: unknown } | null)?.value ?? null;
}

function toProblem(error: ErrorObject): SchemaProblem | undefined {
  const segments = error.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  const parent = error.parentSchema as { properties?: Record<string, unknown>; description?: string } | undefined;
  if (error.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    return { keyword: 'additionalProperties', segments, key, known: Object.keys(parent?.properties ?? {}) };
  }
  if (error.keyword === 'type') return { keyword: 'type', segments, expected: [(error.params as { type: string | string[] }).type].flat().join(' or '), description: parent?.description };
  // An empty string allowed in an enum means "the default"; it is not a value to suggest.
  if (error.keyword === 'enum') return { keyword: 'enum', segments, allowed: (error.params as { allowedValues: string[] }).allowedValues.filter((v) => v !== ''), description: parent?.description };
  return undefined;
}

/**
 * Problems of `node` against a schema. For volume sources, `node` is the volume entry and only
 * the keys listed in `only` (its sources) are checked: the entry's own keys are another rule's.
 */
export function schemaProblems(target: SchemaTarget, node: YAMLMap, only?: readonly string[]): SchemaProblem[] {
  let value = plain(node) as Record<string, unknown>;
  if (only) value = Object.fromEntries(only.filter((k) => findPair(node, k)).map((k) => [k, value[k]]).filter(([, v]) => v !== undefined));
  const validate = VALIDATORS[target];
  if (validate(value)) return [];
  return (validate.errors ?? []).map(toProblem).filter((p): p is SchemaProblem => p !== undefined);
}

/** The YAML node at `segments` below `root`, and the map holding its last key. */
export function nodeAt(root: YAMLMap, segments: readonly (string | number)[]): { node: unknown; parent?: YAMLMap } {
  let node: unknown = root;
  let parent: YAMLMap | undefined;
  for (const segment of segments) {
    if (typeof segment === 'number' && isSeq(node)) {
      parent = undefined;
      node = node.items[segment];
    } else if (isMap(node)) {
      parent = node;
      node = findPair(node, String(segment))?.value;
    } else {
      return { node: undefined };
    }
  }
  return { node, parent };
}

/** `a.b[0].c` from a base path and segments. */
export function pathOf(base: string, segments: readonly (string | number)[]): string {
  return segments.reduce<string>((path, s) => (typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${s}` : s), base);
}
