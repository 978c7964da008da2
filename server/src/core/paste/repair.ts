/**
 * Paste repair: rebuilds the nesting of a manifest that lost its indentation (copied from a web
 * page) from the structure of Kubernetes objects. Every line keeps its text; only its
 * indentation is computed. Where more than one nesting fits the object structure and they mean
 * different data, the repair says so instead of picking one.
 */
import { parseDocument } from 'yaml';
import { ownEntry } from '../lookup-table';
import { FieldShape, rootType, TYPES } from './structure';

type Fields = Record<string, FieldShape>;

interface MapFrame { readonly kind: 'map'; readonly fields: Fields | 'free'; readonly keys: readonly string[]; readonly indent: number; readonly type: string }
interface ListFrame { readonly kind: 'list'; readonly item: string | 'scalar'; readonly indent: number; readonly type: string }
type Frame = MapFrame | ListFrame;

interface Line {
  readonly text: string;
  readonly kind: 'blank' | 'comment' | 'marker' | 'key' | 'item';
  readonly key?: string;
  /** The value after `key:` (empty when the key opens a block). */
  readonly value?: string;
  /** For an item: the text after `- ` when it is a plain value. */
  readonly scalar?: string;
}

export type RepairResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string; readonly line?: number };

const KEY_LINE = /^([^\s:#'"-][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s+(.*))?$/;

function classify(raw: string): Line | { error: string } {
  const text = raw.trim();
  if (text === '') return { text, kind: 'blank' };
  if (text.startsWith('#')) return { text, kind: 'comment' };
  if (/^(---|\.\.\.)(\s|$)/.test(text)) return { text, kind: 'marker' };
  const item = /^-(?:\s+(.*))?$/.exec(text);
  const body = item ? (item[1] ?? '') : text;
  const key = KEY_LINE.exec(body);
  const value = key?.[2]?.replace(/\s+#.*$/, '') ?? '';
  if (key && /^[|>]/.test(value)) return { error: `a block scalar (${key[1]}: ${value}) whose content lines lost their indentation cannot be rebuilt` };
  if (item) return key ? { text, kind: 'item', key: key[1], value } : { text, kind: 'item', scalar: body };
  if (key) return { text, kind: 'key', key: key[1], value };
  return { error: `"${text}" is neither a key nor a list item` };
}

/** The frame a field opens, if it holds a block (its value is on the following lines). */
function opened(shape: FieldShape, indent: number, name: string): Frame | undefined {
  switch (shape.kind) {
    case 'map': return { kind: 'map', fields: TYPES[shape.type], keys: [], indent, type: shape.type };
    case 'free': return { kind: 'map', fields: 'free', keys: [], indent, type: name };
    case 'list': return { kind: 'list', item: shape.item, indent, type: name };
    case 'scalarList': return { kind: 'list', item: 'scalar', indent, type: name };
    default: return undefined;
  }
}

function fieldShape(frame: MapFrame, key: string, value: string): FieldShape | undefined {
  if (frame.keys.includes(key)) return undefined;
  // Free-form maps (labels, data, limits) hold scalars only.
  if (frame.fields === 'free') return value !== '' ? { kind: 'scalar' } : undefined;
  return ownEntry(frame.fields, key);
}

interface Placement { readonly stack: readonly Frame[]; readonly indent: number }

/** Puts `key: value` into the map at the top of `stack`, opening the block its value starts. */
function placeKey(stack: readonly Frame[], key: string, value: string): Placement | undefined {
  const frame = stack[stack.length - 1] as MapFrame;
  const shape = fieldShape(frame, key, value);
  if (!shape) return undefined;
  const updated: MapFrame = { ...frame, keys: [...frame.keys, key] };
  const next = [...stack.slice(0, -1), updated];
  const child = value === '' ? opened(shape, frame.indent + 2, key) : undefined;
  return { stack: child ? [...next, child] : next, indent: frame.indent };
}

/** Every way a line can be placed: into each enclosing map or list that accepts it, innermost first. */
function placements(stack: readonly Frame[], line: Line): Placement[] {
  const found: Placement[] = [];
  for (let depth = stack.length; depth > 0; depth--) {
    const base = stack.slice(0, depth);
    const frame = base[depth - 1];
    if (line.kind === 'key' && frame.kind === 'map') {
      const placed = placeKey(base, line.key!, line.value!);
      if (placed) found.push(placed);
    } else if (line.kind === 'item' && frame.kind === 'list') {
      if (frame.item === 'scalar') {
        if (line.scalar !== undefined) found.push({ stack: base, indent: frame.indent });
        continue;
      }
      if (line.key === undefined) continue;
      const item: MapFrame = { kind: 'map', fields: TYPES[frame.item], keys: [], indent: frame.indent + 2, type: frame.item };
      const placed = placeKey([...base, item], line.key, line.value!);
      if (placed) found.push({ stack: placed.stack, indent: frame.indent });
    }
  }
  return found;
}

const MAX_STEPS = 20_000;

/**
 * The data a nesting produces, as a comparable string; undefined when it is no valid YAML or
 * cannot become data (an alias to no anchor, an alias bomb): such a nesting is no repair.
 */
function dataOf(text: string): string | undefined {
  // toJS warns on the console about keys that are collections, and the server forwards the console to the editor as errors.
  const document = parseDocument(text, { version: '1.1', logLevel: 'error' });
  if (document.errors.length > 0) return undefined;
  try {
    return JSON.stringify(document.toJS({ maxAliasCount: 100 }));
  } catch {
    return undefined;
  }
}

/** All complete nestings (indentation per line), stopping at two with different data. */
function nestings(lines: readonly Line[], root: Frame): { results: number[][]; exhausted: boolean } {
  const results: number[][] = [];
  const seen = new Set<string>();
  let steps = 0;
  const indents: number[] = new Array(lines.length).fill(0);
  const visit = (i: number, stack: readonly Frame[]): boolean => {
    if (++steps > MAX_STEPS) return false;
    while (i < lines.length && lines[i].kind !== 'key' && lines[i].kind !== 'item') i++;
    if (i === lines.length) {
      const data = dataOf(render(lines, indents));
      if (data !== undefined && !seen.has(data)) {
        seen.add(data);
        results.push([...indents]);
      }
      return results.length < 2;
    }
    for (const placement of placements(stack, lines[i])) {
      indents[i] = placement.indent;
      if (!visit(i + 1, placement.stack)) return false;
    }
    return true;
  };
  const finished = visit(0, [root]);
  return { results, exhausted: !finished && steps > MAX_STEPS };
}

/** The lines with their indentation; comments take the indentation of the next content line. */
function render(lines: readonly Line[], indents: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let indent = indents[i];
    if (line.kind === 'comment') {
      const next = lines.findIndex((l, j) => j > i && (l.kind === 'key' || l.kind === 'item'));
      indent = next === -1 ? 0 : indents[next];
    }
    out.push(line.kind === 'blank' || line.kind === 'marker' ? line.text : ' '.repeat(indent) + line.text);
  }
  return out.join('\n');
}

export function repairIndentation(text: string): RepairResult {
  const rawLines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const lines: Line[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const line = classify(rawLines[i]);
    if ('error' in line) return { ok: false, reason: `Line ${i + 1}: ${line.error}.`, line: i };
    lines.push(line);
  }
  const kind = lines.find((l) => l.kind === 'key' && l.key === 'kind')?.value?.trim();
  const root: MapFrame = { kind: 'map', fields: rootType(kind), keys: [], indent: 0, type: kind ?? 'object' };
  const { results, exhausted } = nestings(lines, root);
  if (exhausted) return { ok: false, reason: 'The manifest is too large or too irregular to rebuild with confidence.' };
  if (results.length === 0) {
    const unknown = lines.findIndex((l) => (l.kind === 'key' || l.kind === 'item') && placements([root], l).length === 0 && l.key === undefined);
    return { ok: false, reason: `No nesting of this ${kind ?? 'object'} fits the Kubernetes object structure${unknown >= 0 ? ` (line ${unknown + 1})` : ''}: a field may be misspelt or of a kind kube-volumes does not know.` };
  }
  if (results.length > 1) {
    const line = results[0].findIndex((indent, i) => indent !== results[1][i]);
    return { ok: false, reason: `Line ${line + 1} ("${lines[line].text}") fits in more than one place, with different meanings; indent it by hand and run the repair again.`, line };
  }
  const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
  return { ok: true, text: render(lines, results[0]).split('\n').join(lineBreak) + (text.endsWith('\n') ? lineBreak : '') };
}
