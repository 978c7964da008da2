/**
 * Text edits on block YAML that keep the file's own style: its indentation, its list style
 * (`- ` at the key's column or indented), its comments. Offsets are document-relative.
 */
import { isMap, isSeq, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { resolveUnambiguousPlain } from '../model/patch-scalar';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break of the line holding `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

const range = (node: unknown): [number, number, number] | undefined => (node as { range?: [number, number, number] } | null)?.range;

/** The line break style of the text. */
export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Where content ends: after the last line of a node, before trailing blank lines and comments of the parent. */
function afterNode(text: string, node: unknown): number {
  const r = range(node)!;
  return nextLineStart(text, Math.max(r[0], r[1] - 1));
}

/** Indents every line of a block by `indent` spaces. */
export function indentBlock(block: string, indent: number, lineBreak: string): string {
  const pad = ' '.repeat(indent);
  return block.split('\n').map((l) => (l ? pad + l : l)).join(lineBreak);
}

/**
 * Appends an item (YAML text of a map, first line without the dash) to a block sequence,
 * with the dash at the column of the existing dashes.
 */
export function appendToSequence(text: string, seq: YAMLSeq, item: string): TextEdit | undefined {
  if (seq.flow || seq.items.length === 0) return undefined;
  const first = seq.items[0];
  const last = seq.items[seq.items.length - 1];
  const contentColumn = columnOf(text, range(first)![0]);
  const line = text.slice(lineStartOf(text, range(first)![0]), range(first)![0]);
  const dashColumn = line.lastIndexOf('-');
  if (dashColumn < 0) return undefined;
  const lineBreak = eol(text);
  const [head, ...rest] = item.split('\n');
  const body = [' '.repeat(dashColumn) + '-' + ' '.repeat(contentColumn - dashColumn - 1) + head, ...rest.map((l) => (l ? ' '.repeat(contentColumn) + l : l))];
  const at = afterNode(text, last);
  const prefix = at === text.length && !text.endsWith('\n') ? lineBreak : '';
  return { start: at, end: at, newText: prefix + body.join(lineBreak) + lineBreak };
}

/** The column of a block map's keys and the list style it uses (dash indented past the key or not). */
function mapStyle(text: string, map: YAMLMap): { keyColumn: number; listIndent: number } | undefined {
  const firstKey = (map.items[0] as Pair | undefined)?.key;
  if (map.flow || !range(firstKey)) return undefined;
  const keyColumn = columnOf(text, range(firstKey)![0]);
  // Find a block sequence value in the map to copy its dash indentation; default to 2.
  let listIndent = 2;
  for (const pair of map.items) {
    if (isSeq(pair.value) && !pair.value.flow && pair.value.items.length > 0 && range(pair.value.items[0])) {
      const itemStart = range(pair.value.items[0])![0];
      const dash = text.slice(lineStartOf(text, itemStart), itemStart).lastIndexOf('-');
      if (dash >= 0) listIndent = dash - keyColumn;
      break;
    }
  }
  return { keyColumn, listIndent };
}

/**
 * Adds `key:` holding a block list to a block map, after its last entry, in the map's own style
 * and line breaks. Each item is the YAML of one entry (lines joined by \n), without the dash.
 */
export function addListToMap(text: string, map: YAMLMap, key: string, items: string | readonly string[]): TextEdit | undefined {
  const style = mapStyle(text, map);
  const last = map.items[map.items.length - 1] as Pair | undefined;
  if (!style || !last) return undefined;
  const lineBreak = eol(text);
  const dashColumn = style.keyColumn + Math.max(0, style.listIndent);
  const itemLines = (item: string): string[] => {
    const [head, ...rest] = item.split('\n');
    return [`${' '.repeat(dashColumn)}-${head ? ` ${head}` : ''}`, ...rest.map((l) => (l ? ' '.repeat(dashColumn + 2) + l : l))];
  };
  const lines = [`${' '.repeat(style.keyColumn)}${key}:`, ...(typeof items === 'string' ? [items] : items).flatMap(itemLines)];
  const at = afterNode(text, last.value ?? last.key);
  const prefix = at === text.length && !text.endsWith('\n') ? lineBreak : '';
  return { start: at, end: at, newText: prefix + lines.join(lineBreak) + lineBreak };
}

/** Adds `key: value` to a block map, at its key column. */
export function addScalarToMap(text: string, map: YAMLMap, key: string, value: string): TextEdit | undefined {
  const style = mapStyle(text, map);
  const last = map.items[map.items.length - 1] as Pair | undefined;
  if (!style || !last) return undefined;
  const at = afterNode(text, last.value ?? last.key);
  const lineBreak = eol(text);
  const prefix = at === text.length && !text.endsWith('\n') ? lineBreak : '';
  return { start: at, end: at, newText: `${prefix}${' '.repeat(style.keyColumn)}${key}: ${value}${lineBreak}` };
}

/** Deletes the whole lines of a sequence item (its dash line through its last line). */
export function removeSequenceItem(text: string, seq: YAMLSeq, index: number): TextEdit | undefined {
  const item = seq.items[index];
  if (seq.flow || !range(item)) return undefined;
  if (seq.items.length === 1) return undefined; // removing the last item would leave `key:` null; the caller removes the key
  const start = lineStartOf(text, range(item)![0]);
  const end = afterNode(text, item);
  return { start, end, newText: '' };
}

/** Replaces a scalar's text, keeping its quotes. */
export function replaceScalar(text: string, r: { start: number; end: number }, value: string): TextEdit {
  const quote = text[r.start] === '"' || text[r.start] === "'" ? text[r.start] : '';
  return { start: r.start, end: r.end, newText: `${quote}${value}${quote}` };
}

/** Deletes a map entry's whole lines (key line through the last line of its value). */
export function removePairLines(text: string, pair: Pair): TextEdit | undefined {
  const keyRange = range(pair.key);
  if (!keyRange) return undefined;
  const start = lineStartOf(text, keyRange[0]);
  return { start, end: afterNode(text, pair.value ?? pair.key), newText: '' };
}

export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow;
}

/** A map entry's text (key through the end of its value), re-indented to column 0. */
export function pairText(text: string, pair: Pair): string | undefined {
  const keyRange = range(pair.key);
  const valueRange = range(pair.value) ?? keyRange;
  if (!keyRange || !valueRange) return undefined;
  const column = columnOf(text, keyRange[0]);
  return text.slice(keyRange[0], valueRange[1]).replace(/\r\n/g, '\n').replace(/\s+$/, '').split('\n')
    .map((l, i) => (i === 0 ? l : l.slice(Math.min(column, l.length - l.trimStart().length))))
    .join('\n');
}

/**
 * `value` as a YAML scalar that reads back as that string, the way Kubernetes reads YAML (1.1):
 * plain when it does (`regcred`), quoted when a plain one would be something else (`"0123"` is
 * 83 unquoted, `"on"` true, `"a: b"` a map).
 */
export function yamlString(value: string): string {
  // Characters that are plain in block and flow context alike (the fixes write into both).
  const plain = /^[A-Za-z0-9][A-Za-z0-9._\/-]*$/.test(value) ? resolveUnambiguousPlain(value) : undefined;
  return plain?.value === value ? value : JSON.stringify(value);
}
