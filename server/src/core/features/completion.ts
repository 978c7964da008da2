/**
 * Completion: volume names in mounts (those this container does not mount yet first), volume
 * types with a ready body, enum values, and the ConfigMaps, Secrets and claims the file defines.
 */
import type { DocumentModel } from '../model/types';
import type { DocumentSummary } from '../rules/file-derived';
import { VOLUME_SOURCE_KEYS } from '../model/volume-sources';
import { SNIPPETS } from './snippets';
import { podSpecAt } from './target';
import { textContextAt, TextContext } from './text-context';
import { VOLUME_TYPE_DOCS } from './volume-docs';
import { lookupTable } from '../lookup-table';

export type CompletionKind = 'reference' | 'value' | 'field' | 'snippet';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** Snippet syntax when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly sortText: string;
  /** Document-relative range the entry replaces: the whole word under the cursor. */
  readonly replace: { start: number; end: number };
}

/** Bodies inserted after a volume type key; VS Code indents continuation lines like the first. */
const SOURCE_BODIES: Record<string, string> = lookupTable({
  emptyDir: 'emptyDir: {}',
  configMap: 'configMap:\n  name: ${1:config}',
  secret: 'secret:\n  secretName: ${1:secret}\n  defaultMode: ${2:0400}',
  persistentVolumeClaim: 'persistentVolumeClaim:\n  claimName: ${1:claim}',
  hostPath: 'hostPath:\n  path: ${1:/var/log}\n  type: ${2|Directory,DirectoryOrCreate,File,FileOrCreate,Socket,CharDevice,BlockDevice|}',
  projected: 'projected:\n  sources:\n    - secret:\n        name: ${1:secret}\n    - configMap:\n        name: ${2:config}',
  downwardAPI: 'downwardAPI:\n  items:\n    - path: ${1:labels}\n      fieldRef:\n        fieldPath: ${2:metadata.labels}',
  ephemeral: 'ephemeral:\n  volumeClaimTemplate:\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: ${1:1Gi}',
  csi: 'csi:\n  driver: ${1:secrets-store.csi.k8s.io}\n  readOnly: true',
  nfs: 'nfs:\n  server: ${1:nfs.example.com}\n  path: ${2:/exports}',
  image: 'image:\n  reference: ${1:registry.example.com/artifact:1.0}\n  pullPolicy: IfNotPresent',
});

/** Enum values, keyed by `parent.key` (or `key`). */
const ENUMS: Record<string, readonly string[]> = lookupTable({
  'emptyDir.medium': ['""', 'Memory', 'HugePages'],
  'hostPath.type': ['""', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  mountPropagation: ['None', 'HostToContainer', 'Bidirectional'],
  recursiveReadOnly: ['Disabled', 'IfPossible', 'Enabled'],
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
  'image.pullPolicy': ['Always', 'IfNotPresent', 'Never'],
  accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  volumeMode: ['Filesystem', 'Block'],
});

/** Which kind of object a name field refers to. */
const REFERENCES: Record<string, { kind: string; secretTypes?: string[] }> = lookupTable({
  'configMap.name': { kind: 'ConfigMap' },
  'secret.secretName': { kind: 'Secret' },
  'persistentVolumeClaim.claimName': { kind: 'PersistentVolumeClaim' },
  'imagePullSecrets.name': { kind: 'Secret', secretTypes: ['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg'] },
});

const parentOf = (path: readonly string[]): string | undefined => path.filter((k) => k !== '[]').pop();
const endsWith = (path: readonly string[], ...tail: string[]): boolean => tail.every((k, i) => path[path.length - tail.length + i] === k);

function entry(label: string, kind: CompletionKind, context: TextContext, rest: Partial<CompletionEntry> = {}): CompletionEntry {
  return { label, kind, insertText: label, snippet: false, sortText: label, replace: { start: context.prefixStart, end: context.wordEnd }, ...rest };
}

function volumeNames(model: DocumentModel, offset: number, context: TextContext): CompletionEntry[] {
  const podSpec = podSpecAt(model, offset);
  if (!podSpec) return [];
  const container = podSpec.containers.find((c) => c.node.range && c.node.range[0] <= offset && offset <= c.node.range[1]);
  const mountedHere = new Set(container ? [...container.mounts, ...container.devices].map((m) => m.name?.value) : []);
  const candidates = [
    ...podSpec.volumes.map((v) => ({ name: v.name?.value, detail: v.sources[0] ? `${v.sources[0].key} volume` : 'volume' })),
    ...podSpec.claimTemplates.map((t) => ({ name: t.name?.value, detail: 'volumeClaimTemplate (one claim per replica)' })),
  ];
  return candidates
    .filter((c): c is { name: string; detail: string } => c.name !== undefined && c.name !== context.prefix)
    .map((c) => entry(c.name, 'reference', context, {
      detail: mountedHere.has(c.name) ? `${c.detail}, already mounted here` : c.detail,
      sortText: `${mountedHere.has(c.name) ? 1 : 0}${c.name}`,
    }));
}

function objectNames(documents: readonly DocumentSummary[], wanted: { kind: string; secretTypes?: string[] }, context: TextContext): CompletionEntry[] {
  const names = new Set<string>();
  for (const document of documents) {
    for (const object of document.objects) {
      if (object.kind !== wanted.kind || !object.name) continue;
      if (wanted.secretTypes && !wanted.secretTypes.includes(object.type ?? '')) continue;
      names.add(object.name);
    }
  }
  return [...names].map((name) => entry(name, 'reference', context, { detail: `${wanted.kind} in this file` }));
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;

/** The document has nothing but comments and markers apart from the cursor's line: a manifest can start here. */
function isBlankBesides(text: string, offset: number): boolean {
  const start = lineStart(text, offset);
  const end = text.indexOf('\n', offset);
  const others = text.slice(0, start) + (end === -1 ? '' : text.slice(end));
  return others.split('\n').every((l) => /^\s*(#.*|---.*|\.\.\.)?\s*$/.test(l));
}

/** Whole-manifest snippets, at the start of a line outside any object (`kv-` prefixes). */
function snippets(context: TextContext): CompletionEntry[] {
  return SNIPPETS.map((s) => entry(s.prefix, 'snippet', context, { detail: s.description, insertText: s.body, snippet: true }));
}

function volumeTypes(context: TextContext): CompletionEntry[] {
  return VOLUME_SOURCE_KEYS.filter((k) => SOURCE_BODIES[k]).map((key) =>
    entry(key, 'field', context, {
      insertText: SOURCE_BODIES[key],
      snippet: true,
      detail: `${key} volume`,
      documentation: VOLUME_TYPE_DOCS[key]?.summary,
      sortText: String(VOLUME_SOURCE_KEYS.indexOf(key)).padStart(2, '0'),
    }));
}

/**
 * Completions at a document-relative offset. `documents` summarise all documents of the file (for
 * references to ConfigMaps, Secrets and claims defined elsewhere in it): summaries, not models,
 * because a document analysed on another thread has no tree here until something reads it (parallel.ts).
 */
export function completionsAt(model: DocumentModel, documents: readonly DocumentSummary[], offset: number): CompletionEntry[] {
  const context = textContextAt(model.text, offset);
  const path = context.path;
  if (!context.inValue) {
    if (path.length === 0 && context.prefixStart === lineStart(model.text, offset) && isBlankBesides(model.text, offset)) return snippets(context);
    if (endsWith(path, 'volumes', '[]')) return volumeTypes(context);
    // A bare list item, as in `accessModes:` then `- Read...`.
    const list = path[path.length - 1] === '[]' ? path[path.length - 2] : undefined;
    return (list && ENUMS[list] ? ENUMS[list] : []).map((v) => entry(v, 'value', context));
  }
  const key = context.key!;
  const parent = parentOf(path);
  if (key === 'name' && (endsWith(path, 'volumeMounts', '[]') || endsWith(path, 'volumeDevices', '[]'))) return volumeNames(model, offset, context);
  const reference = REFERENCES[`${parent}.${key}`];
  if (reference) return objectNames(documents, reference, context);
  const values = ENUMS[`${parent}.${key}`] ?? ENUMS[key];
  return (values ?? []).map((v) => entry(v, 'value', context));
}
