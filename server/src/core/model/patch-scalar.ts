/**
 * Updates a parsed document for an edit inside one scalar, without parsing it again.
 *
 * Why: most keystrokes change the inside of a name, a path or an image tag. Parsing the document
 * again costs 0.5–3 ms for a workload and 70 ms for a 13,000-line CRD document; this costs a copy
 * of the nodes after the edit. The edited scalar gets the value the parser would give its new text
 * (resolved with the same YAML 1.1 options, so `0644` still becomes 420), every node after it
 * moves by the edit's length, and the nodes before it are shared with the previous tree, which
 * nothing mutates. Plain scalars and quoted ones without escapes are patched; any edit that could
 * change the structure (a line break, an indicator, a quote, a key, a tagged or anchored scalar, a
 * document with errors) returns undefined: the caller parses.
 * test/patch-scalar.test.ts checks every patch against a fresh parse.
 */
import { Alias, Document, isAlias, isCollection, isDocument, isMap, isPair, isScalar, isSeq, Node, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
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

/** The value scalar that contains the whole edit (not at its first character), with whether it sits in a flow collection. */
function scalarAround(root: unknown, edit: DocumentEdit): { scalar: Scalar; inFlow: boolean } | undefined {
  let node = root;
  let inFlow = false;
  for (;;) {
    if (isScalar(node)) {
      const [start, end] = node.range as NodeRange;
      return start < edit.start && edit.end <= end ? { scalar: node, inFlow } : undefined;
    }
    if (!isCollection(node)) return undefined;
    inFlow ||= node.flow === true;
    const inside = (child: unknown): boolean => {
      const range = (child as Node | null)?.range;
      return range !== undefined && range !== null && range[0] <= edit.start && edit.end <= range[2];
    };
    let next: unknown;
    for (const item of node.items) {
      if (isPair(item)) {
        if (inside(item.key)) return undefined; // keys decide the structure: parse again
        if (inside(item.value)) next = item.value;
      } else if (inside(item)) next = item;
      if (next !== undefined) break;
    }
    if (next === undefined) return undefined;
    node = next;
  }
}

/** The scalar the parser would make of `source` alone, if it is one plain scalar spanning all of it. */
function resolvePlain(source: string, inFlow: boolean): Scalar | undefined {
  if (source.length === 0 || LINE_BREAK.test(source) || (inFlow && FLOW_SENSITIVE.test(source))) return undefined;
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
function copyOf<T>(node: T): T {
  const fresh = isScalar(node) ? new Scalar(node.value)
    : isMap(node) ? new YAMLMap(node.schema)
    : isSeq(node) ? new YAMLSeq(node.schema)
    : isPair(node) ? new Pair(node.key)
    : isAlias(node) ? new Alias(node.source)
    : undefined;
  if (!fresh) throw new Error('unexpected node in a parsed document');
  return Object.assign(fresh, node) as T;
}

/**
 * The tree with every offset at or after `from` moved by `delta`. Nodes that end before `from`
 * lie wholly before the edit and are shared; `replaced` stands in for the edited scalar.
 */
function shifted<T>(node: T, from: number, delta: number, edited: Scalar, replaced: Scalar): T {
  if (node === edited) return replaced as T;
  if (isPair(node)) {
    const key = shifted(node.key, from, delta, edited, replaced);
    const value = shifted(node.value, from, delta, edited, replaced);
    if (key === node.key && value === node.value) return node;
    const pair = copyOf(node as Pair);
    pair.key = key;
    pair.value = value;
    return pair as T;
  }
  const range = (node as Node | null)?.range as NodeRange | undefined;
  if (!range || range[2] < from) return node;
  const copy = copyOf(node as Node);
  copy.range = range.map((offset) => (offset >= from ? offset + delta : offset)) as NodeRange;
  if (isMap(copy) || isSeq(copy)) copy.items = (copy.items as unknown[]).map((item) => shifted(item, from, delta, edited, replaced)) as typeof copy.items;
  return copy as T;
}

/**
 * The document `previous` would parse to after `edit`, where `text` is the new text of the
 * document; undefined when the edit is not confined to the inside of one value scalar.
 */
export function patchScalar(previous: Document.Parsed, text: string, edit: DocumentEdit): Document.Parsed | undefined {
  // A %YAML directive changes how plain scalars resolve; the scalar is resolved on its own with YAML_OPTIONS.
  if (previous.errors.length > 0 || previous.warnings.length > 0 || !isDocument(previous) || previous.directives?.yaml.explicit) return undefined;
  const found = scalarAround(previous.contents, edit);
  if (!found || found.scalar.tag || found.scalar.anchor) return undefined;
  const [start, end, nodeEnd] = found.scalar.range as NodeRange;
  const delta = edit.length - (edit.end - edit.start);
  const resolved = resolve(found.scalar, text.slice(start, end + delta), found.inFlow);
  if (!resolved) return undefined;
  // Everything the parser derives from the text comes from the new scalar; its place and comments from the old one.
  const replaced = copyOf(resolved);
  replaced.range = [start, end + delta, nodeEnd + delta];
  for (const key of ['comment', 'commentBefore', 'spaceBefore'] as const) {
    if (found.scalar[key] === undefined) delete replaced[key];
    else (replaced as unknown as Record<string, unknown>)[key] = found.scalar[key];
  }
  const document = Object.create(Document.prototype, Object.getOwnPropertyDescriptors(previous)) as Document.Parsed;
  document.contents = shifted(previous.contents, end, delta, found.scalar, replaced);
  document.range = (previous.range as NodeRange).map((offset) => (offset >= end ? offset + delta : offset)) as NodeRange;
  return document;
}
