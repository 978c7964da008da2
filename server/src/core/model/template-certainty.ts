/**
 * Which names of a Helm template's pod spec are certain: written out, with no action that could
 * add to them or change them when the chart is rendered. A template whose volumes are all literal
 * can still mount a name none of them has; that is an error in every rendering, so it is
 * reported even though the object has actions elsewhere (an image, labels, resources).
 *
 * An action can only change what lies where its output goes. Its output starts where it stands;
 * one written after a key on the same line (`image: "{{ .Values.image }}"`,
 * `labels: {{- include "labels" . | nindent 4 }}`) fills that key's value; one alone on its line
 * writes lines at the column its `indent N` / `nindent N` gives, or anywhere when it gives none.
 * Control actions (if, range, with, end) write nothing, but make what is between them
 * conditional, so none may stand among the volumes. Templates whose branches each write a
 * `volumes:` key repeat the key, which the parser reports, and such documents stay silent.
 */
import { isScalar, Scalar, YAMLMap } from 'yaml';
import { actionsWhole, TemplateAction } from './helm';
import type { ObjectModel } from './types';
import { asMap, asSeq, findPair, getNode, scalarString } from './yaml-nodes';

type NodeRange = [number, number, number];

interface Region {
  readonly start: number;
  readonly end: number;
}

/** Where a block map's text lies: its region, the column of its keys, and its parent key's line. */
interface MapRegion extends Region {
  readonly column: number;
  readonly parentLine: Region;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** A line of the blanked text (actions turned to spaces, multi-line ones too) that writes no YAML: blank or a comment. */
function holdsNoYaml(line: string): boolean {
  const literal = line.trim();
  return literal === '' || literal.startsWith('#');
}

/**
 * The text that can shape a block map, read in `blanked` (the template with its actions blanked,
 * so that the lines inside a multi-line action or comment hold nothing): from the line of its
 * parent key (`spec:`), over the lines that hold no YAML between it and the first key, to the first
 * line after the map written at a smaller column (a key of an enclosing map), else the text's end.
 */
function regionOf(blanked: string, map: YAMLMap): MapRegion {
  const [first, end] = map.range as NodeRange;
  const column = columnOf(blanked, first);
  let start = first - column;
  while (start > 0) {
    start = blanked.lastIndexOf('\n', start - 2) + 1;
    if (!holdsNoYaml(blanked.slice(start, lineEnd(blanked, start)))) break;
  }
  const parentLine = { start, end: lineEnd(blanked, start) };
  // A block map's value ends at the start of the line after it; a flow map's inside a line.
  for (let line = blanked[end - 1] === '\n' ? end : lineEnd(blanked, end) + 1; line < blanked.length; line = lineEnd(blanked, line) + 1) {
    const content = blanked.slice(line, lineEnd(blanked, line));
    if (!holdsNoYaml(content) && content.search(/\S/) < column) return { start, end: line, column, parentLine };
  }
  return { start, end: blanked.length, column, parentLine };
}

/** The text of one key's value in `map`: from the key to the next key of the map, or to the end of `region`. */
function pairRegion(map: YAMLMap, key: string, region: Region): Region | undefined {
  const index = map.items.indexOf(findPair(map, key)!);
  if (index === -1) return undefined;
  const start = ((map.items[index].key as { range?: NodeRange }).range ?? [0])[0];
  const next = map.items[index + 1]?.key as { range?: NodeRange } | undefined;
  return { start, end: next?.range ? next.range[0] : region.end };
}

const inside = (action: TemplateAction, region: Region): boolean => action.start >= region.start && action.start < region.end;

/** A reference to a value, piped only through functions that keep it one scalar (`.Values.replicaCount | default 1`). */
const SIMPLE_REFERENCE = /^[.$][\w.$]*(?:\s*\|\s*(?:quote|squote|lower|upper|trim|toString|int|int64|float64|b64enc|default\s+(?:"[^"]*"|[\w.$]+)|trunc\s+\d+|trimSuffix\s+"[^"]*"|replace\s+"[^"]*"\s+"[^"]*"))*$/;
/** A named template that by convention writes a name (`include "app.fullname" .`), possibly truncated or quoted. */
const NAME_TEMPLATE = /^(?:include|template)\s+"[\w.-]*(?:fullname|name|Name|chart)"\s+[.$][\w.$]*(?:\s*\|\s*(?:quote|trunc\s+\d+|trimSuffix\s+"[^"]*"))*$/;

/**
 * An action whose output cannot reach back to `column` or less, so it cannot write a key of a map
 * whose keys stand there, nor an entry of a list whose dashes stand there:
 * - one that starts its line and ends its pipeline with `indent N` / `nindent N`, N > column;
 * - inside a quoted value (`image: "{{ .Values.image }}"`);
 * - the whole value of a key with an `nindent N` past column (`securityContext: {{- toYaml . | nindent 8 }}`);
 * - in a value, a reference to a value or a template that writes a name (`name: {{ include "app.fullname" . }}-cfg`).
 * Anything else (an include without indent, `| trim` after it, text after a value, a comment,
 * a line too long to read) may write lines anywhere.
 */
function writesOnlyDeeper(action: TemplateAction, column: number): boolean {
  const deeper = action.finalIndent !== undefined && action.finalIndent > column;
  if (action.lineStart) return deeper;
  if (action.truncated) return false;
  const literal = action.before;
  if (/:\s+["'][^"']*$/.test(literal)) return true;
  const inValue = /(?:^|[\s{,])[^\s#'"{}[\],:-][^:#{}[\],]*:\s+[^"',{}[\]#]*$/.test(literal);
  if (inValue && action.earlierOnLine === 0 && /:\s*$/.test(literal) && deeper) return true;
  return inValue && (SIMPLE_REFERENCE.test(action.body) || NAME_TEMPLATE.test(action.body));
}

/**
 * An action that could write a key of the map: any that writes on the map's parent key line
 * (`spec: {{- include "claims" . | nindent 2 }}`), or any other whose output is not confined
 * deeper than the map's keys.
 */
function couldAddKey(action: TemplateAction, region: MapRegion): boolean {
  if (!action.emits) return false;
  return inside(action, region.parentLine) || !writesOnlyDeeper(action, region.column);
}

/**
 * A control action that starts its line and has text after it there (`{{ if .x }}#{{ end }}- {name: extra}`,
 * `{{- if .t }}tolerations:{{- end }}`): blanked, the parser reads a comment or a key that the
 * rendered text may not have, so the structure it sees is not the one rendered.
 */
function togglesText(blanked: string, action: TemplateAction): boolean {
  return !action.emits && action.lineStart && blanked.slice(action.end, lineEnd(blanked, action.end)).trim() !== '';
}

/** Where a name scalar's text ends: a quoted one at its quote; a plain one runs on to a comma, bracket, comment or line end. */
function nameEnd(text: string, value: Scalar): number {
  const end = (value.range as NodeRange)[1];
  if (value.type === Scalar.QUOTE_DOUBLE || value.type === Scalar.QUOTE_SINGLE) return end;
  // Searched on its own line only: each name costs its line, not the rest of the document.
  const lineStop = lineEnd(text, end);
  const stop = text.slice(end, lineStop).search(/[,\]}]| #/);
  return stop === -1 ? lineStop : end + stop;
}

/**
 * The map's `name` is a string written out: no action between its key and its value, nor in the
 * value's own text (`name: {{ .x }}-data` is blanked to "-data", `name: data {{ .x }}` renders
 * "data xyz"; an aliased name is read where its anchor is).
 */
export function nameWrittenOut(text: string, map: YAMLMap | undefined): boolean {
  const pair = findPair(map, 'name');
  const keyStart = (pair?.key as { range?: NodeRange } | undefined)?.range?.[0];
  const value = pair?.value;
  if (keyStart === undefined || !isScalar(value) || scalarString(value) === undefined) return false;
  const valueStart = (value.range as NodeRange)[0];
  const toValue = valueStart > keyStart ? text.slice(keyStart, valueStart) : text.slice(keyStart, lineEnd(text, keyStart));
  return !toValue.includes('{{') && !text.slice(valueStart, nameEnd(text, value)).includes('{{');
}

/** The entry's name, at `namePath` in it (`metadata.name` of a claim template), is written out. */
function literallyNamed(text: string, entry: unknown, namePath: readonly string[]): boolean {
  let map = asMap(entry);
  for (const segment of namePath) map = asMap(getNode(map, segment));
  return nameWrittenOut(text, map);
}

/**
 * The list at `key` of `map` exists, every entry's name is written out, and no action among the
 * entries can write an entry: only control actions (whose branches the blanked parse reads into
 * the list) and actions that fill one field of an entry. An action on the key's own line
 * (`volumes: {{- include "extra" . | nindent 8 }}`) writes entries.
 */
function listCertain(text: string, blanked: string, map: YAMLMap, region: Region, key: string, namePath: readonly string[], actions: readonly TemplateAction[]): Region | undefined {
  const list = asSeq(getNode(map, key));
  const listRegion = pairRegion(map, key, region);
  if (!list || !listRegion) return undefined;
  const keyLine = { start: listRegion.start, end: lineEnd(text, listRegion.start) };
  // Entries start at the list's dashes; in a flow list they may stand at any column, so no indent keeps an action's output off them.
  const dashColumn = list.flow ? Infinity : list.items.length > 0 ? columnOf(text, ((list.items[0] as { range?: NodeRange }).range ?? [listRegion.start])[0]) - 2 : columnOf(text, listRegion.start);
  const harmless = (a: TemplateAction): boolean => !inside(a, keyLine) && !a.trimsAfter && (a.emits ? writesOnlyDeeper(a, dashColumn) : !togglesText(blanked, a));
  if (actions.some((a) => inside(a, listRegion) && !harmless(a))) return undefined;
  return list.items.every((entry) => literallyNamed(text, entry, namePath)) ? listRegion : undefined;
}

/**
 * No action in the map's region could write a key of it, none toggles text, no `else` comes after
 * the list (the lines of an `else` branch that the blanked parse reads under another key may,
 * rendered, go on the list: `{{- if .x }} nodeSelector: ... {{- else }} - name: scratch ... {{- end }}`),
 * and no block's end leaves deeper lines to join the key before it.
 */
function keysCertain(blanked: string, region: MapRegion, list: Region, actions: readonly TemplateAction[]): boolean {
  // Inside the list, a block's end among an entry's fields is read with the list either way (listCertain judged those).
  return !actions.some((a) => inside(a, region) && (couldAddKey(a, region) || togglesText(blanked, a) || a.trimsAfter || (a.isElse && a.start >= list.end)
    || (!inside(a, list) && continuesDeeper(blanked, a, region.column))));
}

/**
 * An `end` (or `else`) followed by lines deeper than the map's keys: the blanked parse puts them
 * under the key inside the block, but where the block renders nothing they continue the key
 * before it (`volumes:` entries after `{{- if .x }} tolerations: {{- end }}`).
 */
function continuesDeeper(blanked: string, action: TemplateAction, column: number): boolean {
  if (!/^(?:end|else)\b/.test(action.body)) return false;
  for (let line = lineEnd(blanked, action.end) + 1; line < blanked.length; line = lineEnd(blanked, line) + 1) {
    const content = blanked.slice(line, lineEnd(blanked, line));
    if (!holdsNoYaml(content)) return content.search(/\S/) > column;
  }
  return false;
}

/**
 * Blocks (if, with, range, define) that open and close within the document: a document split by
 * a `---` inside a block may render as one, and a `define` holds text rendered somewhere else.
 */
function blocksBalanced(actions: readonly TemplateAction[]): boolean {
  let depth = 0;
  for (const action of actions) {
    if (/^define\b/.test(action.body)) return false;
    if (/^(?:if|with|range|block)\b/.test(action.body)) depth++;
    else if (/^end\b/.test(action.body) && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * True when every volume (and, in a StatefulSet, every claim template) that the rendered pod
 * spec can have is written out in `text`: the lists exist, their names are literal, and no
 * action in the pod spec (or the StatefulSet spec) could write another such list or entry.
 * `blanked` is `text` with its actions blanked.
 */
export function volumeNamesCertain(text: string, blanked: string, object: ObjectModel, podSpec: YAMLMap, actions: readonly TemplateAction[]): boolean {
  if (!actionsWhole(text) || !blocksBalanced(actions)) return false;
  const podRegion = regionOf(blanked, podSpec);
  const noList = { start: podRegion.end, end: podRegion.end };
  // No volumes list is an empty one, as long as nothing can write one.
  const volumes = findPair(podSpec, 'volumes') ? listCertain(text, blanked, podSpec, podRegion, 'volumes', [], actions) : noList;
  if (!volumes || !keysCertain(blanked, podRegion, volumes, actions)) return false;
  if (object.kind !== 'StatefulSet') return true;
  const spec = asMap(getNode(object.node, 'spec'));
  if (!spec) return false;
  const specRegion = regionOf(blanked, spec);
  const claims = findPair(spec, 'volumeClaimTemplates') ? listCertain(text, blanked, spec, specRegion, 'volumeClaimTemplates', ['metadata'], actions) : { start: specRegion.end, end: specRegion.end };
  return claims !== undefined && keysCertain(blanked, specRegion, claims, actions);
}
