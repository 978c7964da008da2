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
import type { TemplateAction } from './helm';
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

/**
 * An action that could write a key of the map: one that writes a line of its own at the map's
 * column or less (or at a column it does not fix), or one that writes after the map's parent key
 * on its line (`spec: {{- include "claims" . | nindent 2 }}`).
 */
function couldAddKey(action: TemplateAction, region: MapRegion): boolean {
  if (!action.emits) return false;
  if (inside(action, region.parentLine)) return true;
  // An `indent N` or `nindent N` that ends its pipeline fixes the column; `| trim` after it, or one inside an argument, does not.
  return action.lineStart && (action.finalIndent === undefined || action.finalIndent <= region.column);
}

/**
 * An action written in the value of a key on its line (`configMap: {{- toYaml .Values.cm | nindent 12 }}`,
 * `name: "{{ .Release.Name }}-cfg"`): it fills that value and nothing else. One after a bare `- `
 * or between flow entries writes a whole entry.
 */
function fillsAValue(action: TemplateAction): boolean {
  // The line before it ends in a value: `key: `, `key: "`, `key: "text`, also inside a flow map (`- {name: c, configMap: {name: "`).
  return !action.lineStart && /(?:^|[\s{,])[^\s#'"{}[\],:-][^:#{}[\],]*:\s+["']?[^"',{}[\]]*$/.test(action.before);
}

/** Where a name scalar's text ends: a quoted one at its quote; a plain one runs on to a comma, bracket, comment or line end. */
function nameEnd(text: string, value: Scalar): number {
  const end = (value.range as NodeRange)[1];
  if (value.type === Scalar.QUOTE_DOUBLE || value.type === Scalar.QUOTE_SINGLE) return end;
  const stop = text.slice(end).search(/[,\]}\n]| #/);
  return stop === -1 ? text.length : end + stop;
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
function listCertain(text: string, map: YAMLMap, region: Region, key: string, namePath: readonly string[], actions: readonly TemplateAction[]): Region | undefined {
  const list = asSeq(getNode(map, key));
  const listRegion = pairRegion(map, key, region);
  if (!list || !listRegion) return undefined;
  const keyLine = { start: listRegion.start, end: lineEnd(text, listRegion.start) };
  const harmless = (a: TemplateAction): boolean => !inside(a, keyLine) && (!a.emits || fillsAValue(a));
  if (actions.some((a) => inside(a, listRegion) && !harmless(a))) return undefined;
  return list.items.every((entry) => literallyNamed(text, entry, namePath)) ? listRegion : undefined;
}

/**
 * No action in the map's region could write a key of it, and no `else` comes after the list: the
 * lines of an `else` branch that the blanked parse reads under another key may, rendered, go on
 * the list (`{{- if .x }} nodeSelector: ... {{- else }} - name: scratch ... {{- end }}`).
 */
function keysCertain(region: MapRegion, list: Region, actions: readonly TemplateAction[]): boolean {
  return !actions.some((a) => inside(a, region) && (couldAddKey(a, region) || (a.isElse && a.start >= list.end)));
}

/**
 * True when every volume (and, in a StatefulSet, every claim template) that the rendered pod
 * spec can have is written out in `text`: the lists exist, their names are literal, and no
 * action in the pod spec (or the StatefulSet spec) could write another such list or entry.
 * `blanked` is `text` with its actions blanked.
 */
export function volumeNamesCertain(text: string, blanked: string, object: ObjectModel, podSpec: YAMLMap, actions: readonly TemplateAction[]): boolean {
  const podRegion = regionOf(blanked, podSpec);
  const volumes = listCertain(text, podSpec, podRegion, 'volumes', [], actions);
  if (!volumes || !keysCertain(podRegion, volumes, actions)) return false;
  if (object.kind !== 'StatefulSet') return true;
  const spec = asMap(getNode(object.node, 'spec'));
  if (!spec) return false;
  const specRegion = regionOf(blanked, spec);
  if (!findPair(spec, 'volumeClaimTemplates')) return keysCertain(specRegion, { start: specRegion.end, end: specRegion.end }, actions);
  const claims = listCertain(text, spec, specRegion, 'volumeClaimTemplates', ['metadata'], actions);
  return claims !== undefined && keysCertain(specRegion, claims, actions);
}
