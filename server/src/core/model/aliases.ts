/**
 * Anchors, aliases and `<<` merge keys, resolved as go-yaml v2 resolves them before the API server
 * sees the object. Without this, `name: *vol` is a volume with no name and `- <<: *base` a mount
 * without a mountPath: false errors on manifests the cluster accepts.
 *
 * An alias is replaced by the node it names (shared, not copied: rules only read the tree), so a
 * finding inside aliased content points at the anchor's text and carries the alias site's field
 * path. A merge key is replaced by the pairs of the maps it merges, in go-yaml v2's order (see
 * mergeInto). A document whose expansion would exceed MAX_EXPANDED_NODES (an alias bomb) is left
 * as it is.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, YAMLMap } from 'yaml';

const MAX_EXPANDED_NODES = 200_000;

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/**
 * How many nodes the tree would have with every alias expanded (each shared node counted once per
 * use), and how many aliases and merge keys it has. Walked in document order, with an anchor
 * defined once its node is complete, as the parser does: an alias inside its own anchor's node
 * names an earlier anchor or none, so the expansion has no cycle.
 */
function survey(root: unknown): { expanded: number; aliases: number; merges: number } {
  const defined = new Map<string, unknown>();
  const sizes = new Map<unknown, number>();
  let aliases = 0;
  let merges = 0;
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      aliases++;
      const target = defined.get(node.source);
      return target === undefined ? 1 : sizes.get(target) ?? 1;
    }
    let total = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          if (isMergeKey(item.key)) merges++;
          total += size(item.key) + size(item.value);
        } else total += size(item);
      }
    }
    sizes.set(node, total);
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) defined.set(anchor, node);
    return total;
  };
  return { expanded: size(root), aliases, merges };
}

/**
 * Replaces the aliases and merge keys of a freshly parsed document in place. Returns whether it
 * changed anything (such a document is then always parsed again on an edit, never patched).
 */
export function resolveAliases(document: Document.Parsed): boolean {
  const { expanded, aliases, merges } = survey(document.contents);
  if ((aliases === 0 && merges === 0) || expanded > MAX_EXPANDED_NODES) return false;
  // Anchors are looked up by the most recent definition before each alias, so walk in order again.
  const defined = new Map<string, unknown>();
  // An alias returns the node it names without visiting it again: every collection is visited once.
  const resolve = (node: unknown): unknown => {
    if (isAlias(node)) return defined.get(node.source) ?? node;
    if (isMap(node) || isSeq(node)) {
      node.items = (node.items as unknown[]).map((item) => {
        if (!isPair(item)) return resolve(item);
        item.key = resolve(item.key);
        item.value = resolve(item.value);
        return item;
      }) as typeof node.items;
      if (isMap(node)) mergeInto(node);
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) defined.set(anchor, node);
    return node;
  };
  document.contents = resolve(document.contents) as typeof document.contents;
  return true;
}

/**
 * Replaces the `<<` pairs of a map as go-yaml v2 decodes them: pairs are applied in order, and a
 * merge sets every key of the merged map, replacing what is already there (so a key written
 * before `<<` loses, and of two merge keys the later wins); in a list of maps, earlier maps win.
 * YAML's own merge rule (the map's keys always win) is go-yaml v3's, which Kubernetes does not use.
 */
function mergeInto(map: YAMLMap): void {
  if (!map.items.some((pair) => isMergeKey(pair.key))) return;
  const byKey = new Map<unknown, Pair>();
  const set = (pair: Pair): void => {
    // Deleting first keeps a key where it was last set: a merged key after the map's own keys.
    byKey.delete(keyOf(pair));
    byKey.set(keyOf(pair), pair);
  };
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) {
      set(pair);
      continue;
    }
    const sources = isSeq(pair.value) ? [...pair.value.items].reverse() : [pair.value];
    for (const source of sources) {
      if (isMap(source)) for (const inherited of source.items as Pair[]) if (!isMergeKey(inherited.key)) set(inherited);
    }
  }
  map.items = [...byKey.values()];
}
