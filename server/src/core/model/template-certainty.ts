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
import type { YAMLMap } from 'yaml';
import type { TemplateAction } from './helm';
import type { ObjectModel } from './types';
import { asMap, asSeq, findPair, getNode } from './yaml-nodes';

type NodeRange = [number, number, number];

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * Where the text that can shape `map` ends: the first line after the map that is written at a
 * smaller column (a key of an enclosing map), else the end of the text. Blank lines, comments
 * and lines made of actions alone do not end it: an action there writes into the map.
 */
function regionEnd(text: string, map: YAMLMap, column: number): number {
  const end = (map.range as NodeRange)[1];
  for (let line = text.indexOf('\n', end); line !== -1; line = text.indexOf('\n', line + 1)) {
    const next = text.indexOf('\n', line + 1);
    const content = text.slice(line + 1, next === -1 ? text.length : next);
    const literal = content.replace(/\{\{[\s\S]*?\}\}/g, '').trim();
    if (literal === '' || literal.startsWith('#')) continue;
    if (columnOf(text, line + 1 + content.search(/\S/)) < column) return line + 1;
  }
  return text.length;
}

/** The text of one key's value in `map`: from the key to the next key of the map, or to the map's region end. */
function pairRegion(map: YAMLMap, key: string, end: number): { start: number; end: number } | undefined {
  const index = map.items.findIndex((pair) => findPair(map, key) === pair);
  if (index === -1) return undefined;
  const start = ((map.items[index].key as { range?: NodeRange }).range ?? [0])[0];
  const next = map.items[index + 1]?.key as { range?: NodeRange } | undefined;
  return { start, end: next?.range ? next.range[0] : end };
}

const inside = (action: TemplateAction, region: { start: number; end: number }): boolean => action.start >= region.start && action.start < region.end;

/** An action that could write a key of a map whose keys stand at `column`. */
function couldAddKey(action: TemplateAction, column: number): boolean {
  return action.emits && action.lineStart && (action.indent === undefined || action.indent <= column);
}

/** The keys of `map` other than its literal ones could be written by an action in its region. */
function keysCertain(text: string, map: YAMLMap, actions: readonly TemplateAction[], except?: { start: number; end: number }): boolean {
  const start = (map.range as NodeRange)[0];
  const column = columnOf(text, start);
  const region = { start, end: regionEnd(text, map, column) };
  return !actions.some((a) => inside(a, region) && !(except && inside(a, except)) && couldAddKey(a, column));
}

/**
 * An action written after a key on its line (`name: {{ include "x" . }}`,
 * `configMap: {{- toYaml .Values.cm | nindent 12 }}`): it fills that key's value and nothing
 * else. One after a bare `- ` writes a whole entry.
 */
function fillsAValue(text: string, action: TemplateAction): boolean {
  const lineBegin = text.lastIndexOf('\n', action.start - 1) + 1;
  const before = text.slice(lineBegin, action.start).replace(/\{\{[\s\S]*?\}\}/g, '');
  return !action.lineStart && /^\s*(?:-\s+)?[^\s#'"{-][^:#]*:(?:\s|$)/.test(before);
}

/** The line of `offset` holds no action from there on: the scalar there is written out. */
function literalFrom(text: string, offset: number): boolean {
  const lineEnd = text.indexOf('\n', offset);
  return !text.slice(offset, lineEnd === -1 ? undefined : lineEnd).includes('{{');
}

/**
 * The list at `key` of `map` exists, every entry's name (at `namePath` in it) is written out,
 * and the only actions among the entries fill a value of one of them.
 */
function listCertain(text: string, map: YAMLMap, key: string, namePath: readonly string[], actions: readonly TemplateAction[]): { start: number; end: number } | undefined {
  const region = pairRegion(map, key, regionEnd(text, map, columnOf(text, (map.range as NodeRange)[0])));
  const list = asSeq(getNode(map, key));
  if (!region || !list) return undefined;
  // After the last entry, a control action (the `end` of an `if` around the whole block or object) conditions nothing inside.
  const listEnd = (list.range as NodeRange)[1];
  const harmless = (a: TemplateAction): boolean => fillsAValue(text, a) || (!a.emits && a.start >= listEnd);
  if (actions.some((a) => inside(a, region) && !harmless(a))) return undefined;
  const named = list.items.every((entry) => {
    let node: unknown = entry;
    for (const segment of namePath) node = getNode(asMap(node), segment);
    const range = (node as { range?: NodeRange } | undefined)?.range;
    return range !== undefined && literalFrom(text, range[0]);
  });
  return named ? region : undefined;
}

/**
 * True when every volume (and, in a StatefulSet, every claim template) that the rendered pod
 * spec can have is written out in `text`: the lists exist, hold no action, and no action in the
 * pod spec (or the StatefulSet spec) could write another such key.
 */
export function volumeNamesCertain(text: string, object: ObjectModel, podSpec: YAMLMap, actions: readonly TemplateAction[]): boolean {
  const volumes = listCertain(text, podSpec, 'volumes', ['name'], actions);
  if (!volumes || !keysCertain(text, podSpec, actions, volumes)) return false;
  if (object.kind !== 'StatefulSet') return true;
  const spec = asMap(getNode(object.node, 'spec'));
  if (!spec) return false;
  const claims = findPair(spec, 'volumeClaimTemplates') ? listCertain(text, spec, 'volumeClaimTemplates', ['metadata', 'name'], actions) : { start: 0, end: 0 };
  // The StatefulSet spec holds the pod template, whose own actions were judged above: only its own keys matter here.
  const template = pairRegion(spec, 'template', text.length);
  return claims !== undefined && !actions.some((a) => inside(a, { start: (spec.range as NodeRange)[0], end: regionEnd(text, spec, columnOf(text, (spec.range as NodeRange)[0])) })
    && !(template && inside(a, template)) && !inside(a, claims) && couldAddKey(a, columnOf(text, (spec.range as NodeRange)[0])));
}
