/**
 * Updates a parsed document for an edit inside one scalar, without parsing it again.
 *
 * Why: most keystrokes change the inside of a name, a path or an image tag. Parsing the document
 * again costs 0.5–3 ms for a workload and 70 ms for a 13,000-line CRD document. The edited scalar
 * is replaced by the one the parser would make of its new text (resolved with the same YAML 1.1
 * options, so `0644` still becomes 420), and every node after it moves by the edit's length, in
 * place: copying the nodes after the edit instead cost 20 ms a keystroke in that CRD, most of it
 * allocating. The tree is therefore the caller's alone, and the previous version of it is gone.
 * Plain scalars and quoted ones without escapes are patched; any edit that could change the
 * structure (a line break, an indicator, a quote, a key, a tagged or anchored scalar, a document
 * with errors) returns undefined and leaves the tree as it was: the caller parses.
 * test/patch-scalar.test.ts checks every patch against a fresh parse.
 */
import { Document, isCollection, isDocument, isMap, isPair, isScalar, Node, Pair, parseDocument, Scalar, ScalarTag, YAMLSeq } from 'yaml';
import { YAML_OPTIONS } from './yaml-options';

/** An edit in the previous document's coordinates: [start, end) replaced by `length` characters. */
export interface DocumentEdit {
  readonly start: number;
  readonly end: number;
  readonly length: number;
}

type NodeRange = [number, number, number];

/** Characters whose meaning in a flow collection (`[a, b]`, `{a: b}`) differs from a block one. */
const FLOW_SENSITIVE = /[,[\]{}:]/;
const LINE_BREAK = /[\n\r]/;

/** Where a node hangs: a pair's value, a sequence's item, or the document's root. */
type Slot = { readonly pair: Pair } | { readonly seq: YAMLSeq; readonly index: number } | { readonly root: true };

/** A patch made in place: the document, and what the edited scalar was and is. */
export interface ScalarPatch {
  readonly document: Document.Parsed;
  /**
   * The keys of the pairs from the root down to the scalar, sequence indices left out:
   * `['spec', 'volumes', 'name']` for `spec.volumes[0].name`, `[..., 'args']` for `args[1]`. A key
   * that is not a string is ''.
   */
  readonly keys: readonly string[];
  readonly before: Scalar;
  readonly after: Scalar;
}

interface Found {
  readonly scalar: Scalar;
  readonly inFlow: boolean;
  readonly slot: Slot;
  readonly keys: readonly string[];
}

/** The value scalar that contains the whole edit (not at its first character), with whether it sits in a flow collection, its slot and the keys above it. */
function scalarAround(root: unknown, edit: DocumentEdit): Found | undefined {
  let node = root;
  let inFlow = false;
  let slot: Slot = { root: true };
  const keys: string[] = [];
  for (;;) {
    if (isScalar(node)) {
      const [start, end] = node.range as NodeRange;
      return start < edit.start && edit.end <= end ? { scalar: node, inFlow, slot, keys } : undefined;
    }
    if (!isCollection(node)) return undefined;
    inFlow ||= node.flow === true;
    const inside = (child: unknown): boolean => {
      const range = (child as Node | null)?.range;
      return range !== undefined && range !== null && range[0] <= edit.start && edit.end <= range[2];
    };
    let next: unknown;
    for (let index = 0; index < node.items.length && next === undefined; index++) {
      const item = node.items[index];
      if (isPair(item)) {
        if (inside(item.key)) return undefined; // keys decide the structure: parse again
        if (inside(item.value)) {
          [next, slot] = [item.value, { pair: item }];
          keys.push(isScalar(item.key) && typeof item.key.value === 'string' ? item.key.value : '');
        }
      } else if (inside(item)) [next, slot] = [item, { seq: node as YAMLSeq, index }];
    }
    if (next === undefined) return undefined;
    node = next;
  }
}

/**
 * Plain text that the lexer reads as one plain scalar, whatever surrounds it: no space, so no
 * comment and no `key: value`; no indicator first; no `:` last (a key); no `...` first (a document
 * end at the start of a line). Names, paths, images, numbers and modes are written so.
 */
const UNAMBIGUOUS_PLAIN = /^(?!\.\.\.)[\w./$()=+~][\w./$()=+~@%:#-]*(?<!:)$/;

/** The schema, and the options its tags resolve with, of every document parsed with YAML_OPTIONS. */
const { schema: SCHEMA, options: DOCUMENT_OPTIONS } = new Document(null, YAML_OPTIONS);
const IMPLICIT_TAGS = (SCHEMA.tags as ScalarTag[]).filter((tag) => tag.default === true && tag.test !== undefined);

/**
 * What the composer makes of an unambiguous plain value (compose-scalar.js in the `yaml` package):
 * the first implicit tag whose test matches resolves it, else it is a string. Parsing the text as a
 * document of its own gives the same scalar, and was an eighth of a keystroke in a small file;
 * test/patch-scalar.test.ts compares the two on random values.
 */
export function resolveUnambiguousPlain(source: string): Scalar | undefined {
  if (!UNAMBIGUOUS_PLAIN.test(source)) return undefined;
  const tag = IMPLICIT_TAGS.find((candidate) => candidate.test!.test(source));
  let failed = false;
  const resolved = tag ? tag.resolve(source, () => { failed = true; }, DOCUMENT_OPTIONS) : source;
  if (failed) return undefined;
  const scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
  scalar.source = source;
  scalar.type = Scalar.PLAIN;
  if (tag?.format) scalar.format = tag.format;
  return scalar;
}

/** The scalar the parser would make of `source` alone, if it is one plain scalar spanning all of it. */
function resolvePlain(source: string, inFlow: boolean): Scalar | undefined {
  if (source.length === 0 || LINE_BREAK.test(source) || (inFlow && FLOW_SENSITIVE.test(source))) return undefined;
  const unambiguous = resolveUnambiguousPlain(source);
  if (unambiguous) return unambiguous;
  const alone = parseDocument(source, YAML_OPTIONS);
  const scalar = alone.contents;
  if (alone.errors.length > 0 || alone.warnings.length > 0 || !isScalar(scalar)) return undefined;
  const [start, end] = scalar.range as NodeRange;
  if (scalar.type !== Scalar.PLAIN || start !== 0 || end !== source.length || scalar.tag || scalar.anchor || scalar.comment) return undefined;
  return scalar;
}

/**
 * A quoted scalar still quoted at both ends whose inside needs no unescaping: its value is its
 * inside. Backslashes (escapes), a doubled '' and line breaks (folding) make the parser read more
 * than the text, so those parse again.
 */
function resolveQuoted(scalar: Scalar, source: string): Scalar | undefined {
  const quote = scalar.type === Scalar.QUOTE_DOUBLE ? '"' : "'";
  if (source.length < 2 || source[0] !== quote || source[source.length - 1] !== quote) return undefined;
  const inside = source.slice(1, -1);
  if ((quote === '"' ? /["\\\n\r]/ : /['\n\r]/).test(inside)) return undefined;
  return Object.assign(copyOf(scalar), { value: inside, source: inside });
}

/** The scalar that the new `source` of `scalar` parses to, without its place in the document (range, comments). */
function resolve(scalar: Scalar, source: string, inFlow: boolean): Scalar | undefined {
  if (scalar.type === Scalar.PLAIN) return resolvePlain(source, inFlow);
  if (scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE) return resolveQuoted(scalar, source);
  return undefined;
}

/**
 * A shallow copy made through the node's own constructor: copying property descriptors instead
 * (as the package's clone() does) is ten times slower and leaves objects that are slow to read.
 */
function copyOf(scalar: Scalar): Scalar {
  return Object.assign(new Scalar(scalar.value), scalar);
}

/**
 * Moves by `delta` every offset at or after `from` in the tree; nodes that end before `from` lie
 * wholly before the edit. With `suffixMoved`, nodes that start at or after `from` are left to
 * moveAfter's loop, and only the nodes that span the edit are visited. A map's items are always
 * pairs (a sequence's items are nodes, pairs only if the package ever makes them), and only collections have items.
 */
function shift(node: Node | null | undefined, from: number, delta: number, skip: Scalar, suffixMoved: boolean): void {
  const range = node?.range;
  if (!range || range[2] < from || node === skip || (suffixMoved && range[0] >= from)) return;
  // In place: the composer gives each node an array of its own (patch-scalar.test.ts compares every
  // range with a fresh parse, and a shared array would move twice). A new array per node made a
  // keystroke in a 13,000-line document allocate a megabyte.
  if (range[0] >= from) range[0] += delta;
  if (range[1] >= from) range[1] += delta;
  range[2] += delta;
  const items = (node as { items?: unknown[] }).items;
  if (items === undefined) return;
  const all = isMap(node);
  for (const item of items as (Node | Pair<Node | null, Node | null> | null)[]) {
    if (all || isPair(item)) {
      shift((item as Pair<Node | null, Node | null>).key, from, delta, skip, suffixMoved);
      shift((item as Pair<Node | null, Node | null>).value, from, delta, skip, suffixMoved);
    } else {
      shift(item as Node | null, from, delta, skip, suffixMoved);
    }
  }
}

/**
 * Every node of a document in document order (a collection before its items, a key before its
 * value), so sorted by start; null when some node starts before the one listed before it, which
 * the package does not promise never to happen. Listed at a document's first patch and kept with
 * it: the patch keeps the order, and swaps the new scalar in for the old. A WeakMap suits this
 * key, unlike a keystroke's models (core/memo.ts): a patched tree lives on from keystroke to keystroke.
 */
const inOrder = new WeakMap<Document.Parsed, Node[] | null>();

function nodesInOrder(document: Document.Parsed): Node[] | null {
  let nodes = inOrder.get(document);
  if (nodes === undefined) {
    const listed: Node[] = [];
    const list = (node: unknown): void => {
      const range = (node as Node | null)?.range;
      if (!range) return;
      listed.push(node as Node);
      for (const item of (node as { items?: unknown[] }).items ?? []) {
        if (isPair(item)) {
          list(item.key);
          list(item.value);
        } else list(item);
      }
    };
    list(document.contents);
    nodes = listed.every((node, i) => i === 0 || listed[i - 1].range![0] <= node.range![0]) ? listed : null;
    inOrder.set(document, nodes);
  }
  return nodes;
}

/** The index of the first node that starts at or after `offset`. */
function firstFrom(nodes: readonly Node[], offset: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nodes[mid].range![0] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Moves every offset at or after `from` by `delta`, and puts `replaced` in the list in place of
 * `skip`. The nodes that start after the edit are a run at the end of the list, moved in one loop;
 * only the nodes that span the edit (its ancestors) are walked. Walking every node after the edit
 * took a third of a keystroke in the 13,000-line CRD.
 */
function moveAfter(document: Document.Parsed, from: number, delta: number, skip: Scalar, replaced: Scalar): void {
  const nodes = nodesInOrder(document);
  if (!nodes) {
    shift(document.contents as Node | null, from, delta, skip, false);
    return;
  }
  shift(document.contents as Node | null, from, delta, skip, true);
  for (let i = firstFrom(nodes, from); i < nodes.length; i++) {
    const range = nodes[i].range as NodeRange;
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  for (let i = firstFrom(nodes, replaced.range![0]); i < nodes.length && nodes[i].range![0] === replaced.range![0]; i++) {
    if (nodes[i] === skip) nodes[i] = replaced;
  }
}

function put(slot: Slot, document: Document.Parsed, scalar: Scalar): void {
  if ('pair' in slot) slot.pair.value = scalar;
  else if ('seq' in slot) slot.seq.items[slot.index] = scalar;
  else document.contents = scalar as Scalar.Parsed;
}

/**
 * Updates `previous` in place to the document it would parse to after `edit`, where `text` is the
 * new text of the document, and says which scalar it replaced; returns undefined, with `previous` untouched, when the
 * edit is not confined to the inside of one value scalar.
 */
export function patchScalar(previous: Document.Parsed, text: string, edit: DocumentEdit): ScalarPatch | undefined {
  // A %YAML directive changes how plain scalars resolve; the scalar is resolved on its own with YAML_OPTIONS.
  if (previous.errors.length > 0 || previous.warnings.length > 0 || !isDocument(previous) || previous.directives?.yaml.explicit) return undefined;
  const found = scalarAround(previous.contents, edit);
  if (!found || found.scalar.tag || found.scalar.anchor) return undefined;
  const [start, end, nodeEnd] = found.scalar.range as NodeRange;
  const delta = edit.length - (edit.end - edit.start);
  const resolved = resolve(found.scalar, text.slice(start, end + delta), found.inFlow);
  if (!resolved) return undefined;
  // Everything the parser derives from the text comes from the new scalar; its place and comments from the old one.
  // resolve() always makes a scalar of its own (never `found.scalar` itself): no copy needed.
  const replaced = resolved;
  replaced.range = [start, end + delta, nodeEnd + delta];
  for (const key of ['comment', 'commentBefore', 'spaceBefore'] as const) {
    if (found.scalar[key] === undefined) delete replaced[key];
    else (replaced as unknown as Record<string, unknown>)[key] = found.scalar[key];
  }
  moveAfter(previous, end, delta, found.scalar, replaced);
  put(found.slot, previous, replaced);
  const range = previous.range as NodeRange;
  previous.range = range.map((offset) => (offset >= end ? offset + delta : offset)) as NodeRange;
  return { document: previous, keys: found.keys, before: found.scalar, after: replaced };
}
