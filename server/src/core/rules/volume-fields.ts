/**
 * Reading inside volume sources: the one source the API server validates (with two or more,
 * only the multiple-sources error is worth reporting), the file lists they project, and their
 * file modes. Shared by the rules on modes, item paths and required source fields.
 */
import { isMap, isScalar, Pair, Scalar, YAMLMap } from 'yaml';
import { child, item } from '../model/field-path';
import type { PodSpecModel, VolumeModel } from '../model/types';
import { asMap, asSeq, findPair, isNullNode, keyRange, keyText, rangeOf, Range } from '../model/yaml-nodes';
import { nearestName } from '../nearest-name';

export interface SourceRef {
  readonly key: string;
  readonly map?: YAMLMap;
  readonly path: string;
  readonly keyRange: Range;
}

/** The volume's source when it has exactly one. */
export function soleSource(volume: VolumeModel): SourceRef | undefined {
  if (volume.sources.length !== 1) return undefined;
  const source = volume.sources[0];
  return { key: source.key, map: asMap(source.pair.value), path: child(volume.path, source.key), keyRange: source.keyRange };
}

/** A field that is present (possibly null): its value node, field path and where to point. */
export interface FieldRef {
  readonly node: unknown;
  readonly path: string;
  /** The value, or the key when the value is null. */
  readonly range: Range;
  readonly keyRange: Range;
}

export function fieldOf(map: YAMLMap | undefined, key: string, base: string): FieldRef | undefined {
  const pair = findPair(map, key);
  const kr = pair && keyRange(pair);
  if (!pair || !kr) return undefined;
  return { node: pair.value, path: child(base, key), range: (isNullNode(pair.value) ? undefined : rangeOf(pair.value)) ?? kr, keyRange: kr };
}

/** A string field that is absent, null or empty: what the API server calls "Required value". */
export function isEmptyField(map: YAMLMap | undefined, key: string): boolean {
  const pair = findPair(map, key);
  return !pair || isNullNode(pair.value) || (isScalar(pair.value) && pair.value.value === '');
}

/** Maps of a sequence field, with their field paths. */
export function entries(map: YAMLMap | undefined, key: string, base: string): { map: YAMLMap; path: string }[] {
  const list: { map: YAMLMap; path: string }[] = [];
  asSeq(findPair(map, key)?.value)?.items.forEach((entry, index) => {
    if (isMap(entry)) list.push({ map: entry, path: item(child(base, key), index) });
  });
  return list;
}

/** A source that projects files: a volume's configMap, secret or downwardAPI, or one inside `projected.sources[i]`. */
export interface FileSource {
  readonly kind: 'configMap' | 'secret' | 'downwardAPI' | 'serviceAccountToken' | 'clusterTrustBundle';
  readonly map: YAMLMap;
  readonly path: string;
  /** Inside a projected volume: `name` names the Secret or ConfigMap, not `secretName`. */
  readonly projected: boolean;
}

const PROJECTABLE = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'] as const;

/** The file-producing sources of a volume's sole source (several for a projected volume). */
export function fileSources(source: SourceRef): FileSource[] {
  if (!source.map) return [];
  if (source.key === 'secret' || source.key === 'configMap' || source.key === 'downwardAPI') {
    return [{ kind: source.key, map: source.map, path: source.path, projected: false }];
  }
  if (source.key !== 'projected') return [];
  const found: FileSource[] = [];
  for (const entry of entries(source.map, 'sources', source.path)) {
    for (const kind of PROJECTABLE) {
      const map = asMap(findPair(entry.map, kind)?.value);
      if (map) found.push({ kind, map, path: child(entry.path, kind), projected: true });
    }
  }
  return found;
}

/** A file mode field (`defaultMode`, `items[].mode`) holding a number. */
export interface ModeField {
  readonly scalar: Scalar;
  readonly value: number;
  /** The mode as written in the source (`0644`, `420`, `0o644`). */
  readonly written: string;
  readonly path: string;
  readonly range: Range;
  /** The files it applies to hold Secret data. */
  readonly secret: boolean;
}

function modeAt(map: YAMLMap, key: string, base: string, secret: boolean, text: string): ModeField | undefined {
  const pair = findPair(map, key);
  const scalar = pair?.value;
  const range = rangeOf(scalar);
  if (!isScalar(scalar) || typeof scalar.value !== 'number' || !range) return undefined;
  return { scalar, value: scalar.value, written: text.slice(range.start, range.end), path: child(base, key), range, secret };
}

/** Every file mode of a volume's sole source: defaultMode, and the mode of each item. */
export function modeFields(source: SourceRef, text: string): ModeField[] {
  if (!source.map) return [];
  const files = fileSources(source);
  const holdsSecret = files.some((f) => f.kind === 'secret');
  const modes: (ModeField | undefined)[] = [];
  if (['secret', 'configMap', 'downwardAPI', 'projected'].includes(source.key)) modes.push(modeAt(source.map, 'defaultMode', source.path, holdsSecret, text));
  for (const file of files) {
    for (const entry of entries(file.map, 'items', file.path)) modes.push(modeAt(entry.map, 'mode', entry.path, file.kind === 'secret', text));
  }
  return modes.filter((m): m is ModeField => m !== undefined);
}

/** Where to point when a map lacks a field: its first key (one line, unlike the whole map). */
export function firstKeyRange(map: YAMLMap, fallback: Range): Range {
  const first = map.items[0];
  return (first && keyRange(first)) ?? fallback;
}

/** A path with a `..` element, as the API server splits it (on '/'). */
export function hasBacksteps(path: string): boolean {
  return path.split('/').includes('..');
}

/**
 * Why a path inside a volume (an item path, a subPath) is rejected, in the API server's words,
 * or undefined when it is fine: it must be relative, have no `..` element and, for file
 * paths, not start with `..` (reserved for the kubelet's own `..data` links).
 */
export function localPathProblem(path: string, reservedPrefix: boolean): string | undefined {
  if (path.startsWith('/')) return 'must be a relative path';
  if (hasBacksteps(path)) return "must not contain '..'";
  if (reservedPrefix && path.startsWith('..')) return "must not start with '..'";
  return undefined;
}

/** Every volume of these pod specs that has exactly one source, with that source. */
export function* soleSources(podSpecs: readonly PodSpecModel[]): Generator<{ podSpec: PodSpecModel; volume: VolumeModel; source: SourceRef }> {
  for (const podSpec of podSpecs) {
    for (const volume of podSpec.podVolumes) {
      const source = soleSource(volume);
      if (source) yield { podSpec, volume, source };
    }
  }
}

/** Every file-producing source of one kind in these pod specs (projected ones included). */
export function* fileSourcesOfKind(podSpecs: readonly PodSpecModel[], kind: FileSource['kind']): Generator<{ podSpec: PodSpecModel; volume: VolumeModel; file: FileSource }> {
  for (const { podSpec, volume, source } of soleSources(podSpecs)) {
    for (const file of fileSources(source)) if (file.kind === kind) yield { podSpec, volume, file };
  }
}

/** Every file mode written in these pod specs' volumes. */
export function* modesOf(podSpecs: readonly PodSpecModel[], text: string): Generator<{ podSpec: PodSpecModel; volume: VolumeModel; mode: ModeField }> {
  for (const { podSpec, volume, source } of soleSources(podSpecs)) {
    for (const mode of modeFields(source, text)) yield { podSpec, volume, mode };
  }
}

/**
 * The key written instead of a required field that is missing: the usual wrong name (`name`
 * under `secret`) or a misspelling (`secretname`). The required-field rules report it; the
 * unknown-field rule leaves it to them (root cause only).
 */
export function standIn(map: YAMLMap | undefined, field: string, instead?: string): Pair | undefined {
  if (!map || !isEmptyField(map, field)) return undefined;
  return map.items.find((pair) => {
    const key = keyText(pair);
    return key !== undefined && key !== field && (key === instead || nearestName(key, [field]) === field);
  });
}

/**
 * A path that is absolute on a Linux or a Windows node: `/data`, `C:\data`, `c:/data`, or a
 * Windows UNC path or named pipe (`\\.\pipe\docker_engine`).
 */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/** A value a tool substitutes before kubectl sees it (`$(VAR)`, `${VAR}`, `{{ .Values.x }}`): not a path yet. */
export function isPlaceholder(value: string): boolean {
  return /\$|\{\{/.test(value);
}
