/**
 * Quick fixes, built from a finding's rule id, field path and `data` (never from its message).
 * Every edit keeps the file's indentation and list style; test/fixes.test.ts applies each fix
 * offered on the shared cases and checks the finding is gone and nothing new appeared.
 */
import { isSeq, YAMLMap, YAMLSeq } from 'yaml';
import type { ContainerModel, DocumentModel, MountModel, PodSpecModel, VolumeModel } from '../model/types';
import { asMap, asSeq, findPair, getNode, getString } from '../model/yaml-nodes';
import { repairIndentation } from '../paste/repair';
import type { DocumentSummary } from '../rules/file-derived';
import {
  addListToMap, addScalarToMap, appendToSequence, columnOf, isBlockMap, lineStartOf, pairText, removePairLines, yamlString,
  removeSequenceItem, replaceScalar, TextEdit,
} from './yaml-edit';
import { lookupTable } from '../lookup-table';

/** An edit of the finding's document, or of another document of the file (`document`, its index). */
export interface FixEdit extends TextEdit {
  readonly document?: number;
}

export interface Fix {
  readonly title: string;
  readonly preferred: boolean;
  readonly edits: readonly FixEdit[];
}

/** What a fix knows of the finding: the same fields a diagnostic carries. */
export interface FindingRef {
  readonly rule: string;
  readonly fieldPath: string;
  readonly data?: Record<string, unknown>;
  /** Document-relative offsets of the finding. */
  readonly start: number;
  readonly end: number;
}

function podSpecOf(model: DocumentModel, fieldPath: string): PodSpecModel | undefined {
  return model.podSpecs.find((p) => fieldPath === p.path || fieldPath.startsWith(`${p.path}.`));
}

function volumeAt(podSpec: PodSpecModel, fieldPath: string): VolumeModel | undefined {
  return podSpec.volumes.find((v) => fieldPath === v.path || fieldPath.startsWith(`${v.path}.`));
}

/** The volumeMounts or volumeDevices entry at `path` (a finding's field path less its field), and its container. */
function mountAt(model: DocumentModel, path: string): { container: ContainerModel; mount: MountModel } | undefined {
  for (const container of model.podSpecs.flatMap((p) => p.containers)) {
    const mount = [...container.mounts, ...container.devices].find((m) => m.path === path);
    if (mount) return { container, mount };
  }
  return undefined;
}

/** A volume entry for a name, of the kind a user most often wants. */
const NEW_VOLUME: Record<string, (name: string) => string> = lookupTable({
  emptyDir: (name) => `name: ${name}\nemptyDir: {}`,
  configMap: (name) => `name: ${name}\nconfigMap:\n  name: ${name}`,
  secret: (name) => `name: ${name}\nsecret:\n  secretName: ${name}`,
  persistentVolumeClaim: (name) => `name: ${name}\npersistentVolumeClaim:\n  claimName: ${name}`,
});

/** Adds an item to a list field of a map, creating the field when the map has none. */
function addToList(text: string, map: YAMLMap, key: string, item: string): TextEdit | undefined {
  const seq = asSeq(getNode(map, key));
  if (seq) return appendToSequence(text, seq, item);
  return getNode(map, key) === undefined && isBlockMap(map) ? addListToMap(text, map, key, item) : undefined;
}

function mountFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const podSpec = podSpecOf(model, finding.fieldPath);
  const name = finding.data?.name;
  if (!podSpec || typeof name !== 'string') return [];
  const fixes: Fix[] = [];
  const suggestions = Array.isArray(finding.data?.suggestions) ? (finding.data!.suggestions as string[]) : [];
  suggestions.forEach((s, i) => fixes.push({ title: `Change to '${s}'`, preferred: i === 0, edits: [replaceScalar(model.text, finding, s)] }));
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return fixes; // not a valid volume name: only renaming helps
  for (const [kind, body] of Object.entries(NEW_VOLUME)) {
    if (finding.data?.device && kind !== 'persistentVolumeClaim') continue;
    const edit = addToList(model.text, podSpec.node, 'volumes', body(name));
    if (edit) fixes.push({ title: `Add ${kind} volume '${name}'`, preferred: suggestions.length === 0 && kind === 'emptyDir', edits: [edit] });
  }
  if (podSpec.object.kind === 'StatefulSet') {
    const spec = asMap(getNode(podSpec.object.node, 'spec'));
    const template = `metadata:\n  name: ${name}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi`;
    const edit = spec && addToList(model.text, spec, 'volumeClaimTemplates', template);
    if (edit) fixes.push({ title: `Add volumeClaimTemplate '${name}'`, preferred: false, edits: [edit] });
  }
  return fixes;
}

function unusedVolumeFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const podSpec = podSpecOf(model, finding.fieldPath);
  const volume = podSpec && volumeAt(podSpec, finding.fieldPath);
  const seq = podSpec && asSeq(getNode(podSpec.node, 'volumes'));
  if (!podSpec || !volume || !seq) return [];
  const edit = seq.items.length === 1 ? removePairLines(model.text, findPair(podSpec.node, 'volumes')!) : removeSequenceItem(model.text, seq, volume.index);
  return edit ? [{ title: `Remove unused volume '${volume.name?.value}'`, preferred: true, edits: [edit] }] : [];
}

function sizeLimitFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const podSpec = podSpecOf(model, finding.fieldPath);
  const volume = podSpec && volumeAt(podSpec, finding.fieldPath);
  const emptyDir = asMap(volume?.sources.find((s) => s.key === 'emptyDir')?.pair.value);
  const edit = emptyDir && isBlockMap(emptyDir) ? addScalarToMap(model.text, emptyDir, 'sizeLimit', '1Gi') : undefined;
  return edit ? [{ title: 'Add sizeLimit: 1Gi', preferred: true, edits: [edit] }] : [];
}

function unknownFieldFixes(finding: FindingRef): Fix[] {
  const suggestions = Array.isArray(finding.data?.suggestions) ? (finding.data!.suggestions as string[]) : [];
  return suggestions.map((s, i) => ({ title: `Change to '${s}'`, preferred: i === 0, edits: [{ start: finding.start, end: finding.end, newText: s }] }));
}

/** Splits a volume with several sources: the first stays, each other becomes a volume of its own. */
function splitVolumeFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const podSpec = podSpecOf(model, finding.fieldPath);
  const volume = podSpec && volumeAt(podSpec, finding.fieldPath);
  const seq = podSpec && asSeq(getNode(podSpec.node, 'volumes'));
  if (!podSpec || !volume?.name || !seq || seq.flow || !isBlockMap(volume.node)) return [];
  const taken = new Set(podSpec.volumes.map((v) => v.name?.value));
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const source of volume.sources.slice(1)) {
    const name = freeName(`${volume.name.value}-${source.key.toLowerCase()}`, taken);
    const body = pairText(model.text, source.pair);
    const remove = removePairLines(model.text, source.pair);
    if (!body || !remove) return [];
    taken.add(name);
    added.push(`name: ${name}\n${body}`);
    edits.push(remove);
  }
  const appends = added.map((item) => appendToSequence(model.text, seq, item));
  if (appends.some((a) => !a)) return [];
  const append = { ...appends[0]!, newText: appends.map((a) => a!.newText).join('') };
  return [{ title: `Split into ${added.length + 1} volumes (keep ${volume.sources[0].key} in '${volume.name.value}')`, preferred: true, edits: [...edits, append] }];
}

/** `base`, or `base-2`, `base-3`... : the first name not taken, cut to a valid length. */
function freeName(base: string, taken: ReadonlySet<string | undefined>): string {
  const clean = base.slice(0, 60).replace(/-+$/, '');
  for (let i = 1; ; i++) {
    const name = i === 1 ? clean : `${clean}-${i}`;
    if (!taken.has(name)) return name;
  }
}

/** Replaces the finding's range (a value or a key) with each suggested text. */
function suggestionFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const suggestions = Array.isArray(finding.data?.suggestions) ? (finding.data!.suggestions as string[]) : [];
  return suggestions.map((s, i) => ({ title: `Change to ${s}`, preferred: i === 0, edits: [replaceScalar(model.text, finding, s)] }));
}

/** `name:` written under `secret:` where `secretName:` belongs, and the like: rename the key. */
function renameFieldFixes(finding: FindingRef): Fix[] {
  const { field, rename } = finding.data ?? {};
  if (typeof field !== 'string' || typeof rename !== 'string') return [];
  return [{ title: `Rename "${rename}" to "${field}"`, preferred: true, edits: [{ start: finding.start, end: finding.end, newText: field }] }];
}

function subPathExprFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const replacement = finding.data?.replacement;
  return typeof replacement === 'string' ? [{ title: `Change to ${replacement}`, preferred: true, edits: [replaceScalar(model.text, finding, replacement)] }] : [];
}

/** Deletes a `readOnly: false` line that changes nothing. */
function removeLineFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const start = lineStartOf(model.text, finding.start);
  if (!/^\s*$/.test(model.text.slice(start, finding.start))) return []; // `- readOnly: false` opens its item: leave it
  const end = model.text.indexOf('\n', finding.end);
  return [{ title: 'Remove readOnly: false', preferred: true, edits: [{ start, end: end === -1 ? model.text.length : end + 1, newText: '' }] }];
}

/** `mountPth:` where `mountPath:` belongs (missing-mount-field names the key it found): rename that key. */
function missingMountFieldFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const { field, rename } = finding.data ?? {};
  if (typeof field !== 'string' || typeof rename !== 'string' || !finding.fieldPath.endsWith(`.${field}`)) return [];
  const mount = mountAt(model, finding.fieldPath.slice(0, -field.length - 1))?.mount;
  // An empty `mountPath:` beside `mountPth:` would become a second mountPath key.
  if (!mount || findPair(mount.node, field) !== undefined) return [];
  const key = findPair(mount.node, rename)?.key;
  const range = (key as { range?: [number, number, number] } | undefined)?.range;
  return range ? [{ title: `Rename "${rename}" to "${field}"`, preferred: true, edits: [{ start: range[0], end: range[1], newText: field }] }] : [];
}

/**
 * A second mount at a path the container already mounts something at: move it to a directory of
 * its own below that path, named after its volume (`/config/app-secret`). Not preferred: the
 * application must then look there.
 */
function duplicateMountPathFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  if (!finding.fieldPath.endsWith('.mountPath') || typeof finding.data?.path !== 'string') return [];
  const found = mountAt(model, finding.fieldPath.slice(0, -'.mountPath'.length));
  const name = found?.mount.name?.value;
  if (!found || !name || !/^[a-z0-9-]+$/.test(name)) return [];
  const target = `${finding.data.path.replace(/\/+$/, '')}/${name}`;
  if (found.container.mounts.some((m) => m.target?.value.replace(/\/+$/, '') === target)) return [];
  return [{ title: `Change mountPath to ${target}`, preferred: false, edits: [replaceScalar(model.text, finding, target)] }];
}

/** imagePullSecrets written as a bare name (`- regcred`, or `imagePullSecrets: regcred`): the {name: ...} entry it means. */
function pullSecretEntryFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  if (finding.data?.remove === true && typeof finding.data.key === 'string') return removeEntryKeyFixes(model, finding, finding.data.key);
  const names = finding.data?.names;
  if (!Array.isArray(names) || names.length !== 1 || typeof names[0] !== 'string') return [];
  const written = model.text.slice(finding.start, finding.end);
  // A block scalar (`|` and its lines) has no one-line replacement.
  if (/^[|>]/.test(written)) return [];
  // The name as typed: unquoted, 0123 was read as 83, and the Secret is named 0123.
  const name = /^["']/.test(written) ? names[0] : written.trim();
  const entry = `{name: ${yamlString(name)}}`;
  const whole = /\.imagePullSecrets$/.test(finding.fieldPath);
  return [{ title: `Write it as ${whole ? `[${entry}]` : entry}`, preferred: true, edits: [{ start: finding.start, end: finding.end, newText: whole ? `[${entry}]` : entry }] }];
}

/** Removes a key of an imagePullSecrets entry with its value, whatever lines that takes; not inside a flow map. */
function removeEntryKeyFixes(model: DocumentModel, finding: FindingRef, key: string): Fix[] {
  const match = /\.imagePullSecrets\[(\d+)\]\.[^.]+$/.exec(finding.fieldPath);
  const podSpec = podSpecOf(model, finding.fieldPath);
  const entry = match && podSpec ? asMap(asSeq(getNode(podSpec.node, 'imagePullSecrets'))?.items[Number(match[1])]) : undefined;
  const pair = entry && !entry.flow ? findPair(entry, key) : undefined;
  const edit = pair && removePairLines(model.text, pair);
  // `- namespace: x` opens its entry: removing its line would take the item's dash with it.
  if (!edit || !/^\s*$/.test(model.text.slice(edit.start, finding.start))) return [];
  return [{ title: `Remove "${key}"`, preferred: true, edits: [edit] }];
}

/**
 * A name YAML 1.1 reads as a boolean or a number (`no`, `0123`), quoted. A volume's name and the
 * mounts that use it are quoted together: they match as they are (both read `false`), and
 * quoting one alone would part them.
 */
function quoteFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const written = finding.data?.quote;
  if (typeof written !== 'string') return [];
  const edits: TextEdit[] = [{ start: finding.start, end: finding.end, newText: `"${written}"` }];
  const podSpec = /\.(volumes|volumeMounts|volumeDevices)\[\d+\]\.name$/.test(finding.fieldPath) ? podSpecOf(model, finding.fieldPath) : undefined;
  const names = podSpec ? [...podSpec.volumes.map((v) => v.name), ...podSpec.containers.flatMap((c) => [...c.mounts, ...c.devices]).map((m) => m.name)] : [];
  for (const name of names) {
    if (!name || name.range.start === finding.start || model.text.slice(name.range.start, name.range.end) !== written) continue;
    edits.push({ start: name.range.start, end: name.range.end, newText: `"${written}"` });
  }
  const others = edits.length - 1;
  return [{ title: `Write "${written}" in quotes${others ? ` (and ${others} more use${others > 1 ? 's' : ''} of it)` : ''}`, preferred: true, edits }];
}

/** hostPath /dev/shm -> a Memory emptyDir with a size limit, in place. */
function devShmFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const podSpec = podSpecOf(model, finding.fieldPath);
  const volume = podSpec && volumeAt(podSpec, finding.fieldPath);
  const hostPath = volume?.sources.find((s) => s.key === 'hostPath');
  const end = (hostPath?.pair.value as { range?: [number, number, number] } | null)?.range?.[1];
  if (!hostPath || end === undefined) return [];
  const pad = ' '.repeat(columnOf(model.text, hostPath.keyRange.start) + 2);
  const lineBreak = model.text.includes('\r\n') ? '\r\n' : '\n';
  return [{
    title: 'Use a Memory emptyDir with sizeLimit: 1Gi instead of the node\'s /dev/shm',
    preferred: true,
    edits: [{ start: hostPath.keyRange.start, end, newText: `emptyDir:${lineBreak}${pad}medium: Memory${lineBreak}${pad}sizeLimit: 1Gi` }],
  }];
}

/** A browser container without /dev/shm: add a Memory emptyDir and mount it there. */
function browserShmFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const podSpec = podSpecOf(model, finding.fieldPath);
  const container = podSpec?.containers.find((c) => finding.fieldPath === c.path || finding.fieldPath.startsWith(`${c.path}.`));
  if (!podSpec || !container || podSpec.volumes.some((v) => v.name?.value === 'dshm')) return [];
  const volume = addToList(model.text, podSpec.node, 'volumes', 'name: dshm\nemptyDir:\n  medium: Memory\n  sizeLimit: 1Gi');
  const mount = addToList(model.text, container.node, 'volumeMounts', 'name: dshm\nmountPath: /dev/shm');
  if (!volume || !mount) return [];
  return [{ title: 'Mount a Memory emptyDir (sizeLimit: 1Gi) at /dev/shm', preferred: true, edits: [volume, mount].sort((a, b) => b.start - a.start) }];
}

/**
 * Pull secrets a pod of `namespace` could name: the registry Secrets of the file, then those its
 * ServiceAccounts list (an injector often gives only the namespace's `default` one a pull secret).
 */
function pullSecretNames(documents: readonly DocumentSummary[], namespace: string | undefined): string[] {
  const names = new Set<string>();
  const sameNamespace = (other: string | undefined): boolean => other === undefined || namespace === undefined || other === namespace;
  for (const document of documents) {
    for (const { kind, name, namespace: its, type } of document.objects) {
      if (kind === 'Secret' && name && sameNamespace(its) && (type === 'kubernetes.io/dockerconfigjson' || type === 'kubernetes.io/dockercfg')) names.add(name);
    }
  }
  for (const document of documents) {
    for (const account of document.accounts) if (sameNamespace(account.namespace)) account.imagePullSecrets.forEach((name) => names.add(name));
  }
  return [...names].filter((name) => name !== '');
}

/** The ServiceAccount `name` of the file that the pod runs as, with the index of its document. */
function serviceAccountOf(file: FileDocuments, name: string, namespace: string | undefined): { document: number; node: YAMLMap; text: string } | undefined {
  const matches = (accountName: string | undefined, accountNamespace: string | undefined): boolean =>
    accountName === name && (accountNamespace === undefined || namespace === undefined || accountNamespace === namespace);
  // Found by summary: only the account's own document is read as a model.
  const document = file.summaries.findIndex((summary) => summary.accounts.some((a) => matches(a.name, a.namespace)));
  if (document === -1) return undefined;
  const model = file.modelAt(document);
  const account = model.serviceAccounts.find((a) => matches(a.object.name, a.object.namespace));
  return account && { document, node: account.object.node, text: model.text };
}

/**
 * imagePullSecrets for a pod that pulls without credentials: on its pod spec, or on the
 * ServiceAccount it runs as when the file defines it without any (every pod of that account then
 * gets them), one fix per Secret the file names.
 */
function pullSecretFixes(model: DocumentModel, file: FileDocuments, finding: FindingRef): Fix[] {
  const podSpec = podSpecOf(model, finding.fieldPath);
  if (!podSpec || getNode(podSpec.node, 'imagePullSecrets') !== undefined) return [];
  const names = pullSecretNames(file.summaries, podSpec.object.namespace);
  const onPod = isBlockMap(podSpec.node) ? names.flatMap((name): Fix[] => {
    const edit = addListToMap(model.text, podSpec.node, 'imagePullSecrets', `name: ${yamlString(name)}`);
    return edit ? [{ title: `Add imagePullSecrets: [${name}] to the pod spec`, preferred: false, edits: [edit] }] : [];
  }) : [];
  const accountName = typeof finding.data?.serviceAccount === 'string' ? finding.data.serviceAccount : undefined;
  const account = accountName === undefined ? undefined : serviceAccountOf(file, accountName, podSpec.object.namespace);
  const onAccount = account && isBlockMap(account.node) && getNode(account.node, 'imagePullSecrets') === undefined ? names.flatMap((name): Fix[] => {
    const edit = addListToMap(account.text, account.node, 'imagePullSecrets', `name: ${yamlString(name)}`);
    return edit ? [{ title: `Add imagePullSecrets: [${name}] to ServiceAccount ${accountName}`, preferred: false, edits: [{ ...edit, document: account.document }] }] : [];
  }) : [];
  return [...onPod, ...onAccount].map((fix, i) => (i === 0 ? { ...fix, preferred: true } : fix));
}

/** Moves a misplaced list to where it belongs when the destination does not exist yet, or drops an exact duplicate. */
function misplacedFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const belongsAt = finding.data?.belongsAt;
  const misplaced = model.misplaced.find((m) => m.path === finding.fieldPath);
  if (!misplaced || typeof belongsAt !== 'string') return [];
  const targetParentPath = belongsAt.slice(0, belongsAt.lastIndexOf('.'));
  const targetKey = belongsAt.slice(belongsAt.lastIndexOf('.') + 1);
  const target = resolveMap(misplaced.object.node, misplaced.object.pathPrefix, targetParentPath);
  const block = misplaced.pair.value;
  const remove = removePairLines(model.text, misplaced.pair);
  if (!target || !remove || !isSeq(block) || block.flow) return [];
  const existing = getNode(target, targetKey);
  const items = itemTexts(model.text, block);
  if (existing !== undefined) {
    const existingSeq = asSeq(existing);
    const nameOf = (i: unknown): string | undefined => getString(asMap(i), 'name') ?? getString(asMap(getNode(asMap(i), 'metadata')), 'name');
    const existingNames = new Set((existingSeq?.items ?? []).map(nameOf));
    const missing = block.items.map((item, i) => ({ name: nameOf(item), text: items?.[i] })).filter((x) => !existingNames.has(x.name));
    if (missing.length === 0) return [{ title: `Remove the duplicate ${misplaced.field} block (already at ${belongsAt})`, preferred: true, edits: [remove] }];
    if (!existingSeq || missing.some((x) => x.text === undefined || x.name === undefined)) return [];
    const appended = missing.map((x) => appendToSequence(model.text, existingSeq, x.text!));
    if (appended.some((a) => !a)) return [];
    const merged = { ...appended[0]!, newText: appended.map((a) => a!.newText).join('') };
    return [{ title: `Merge ${misplaced.field} into ${belongsAt}`, preferred: true, edits: [merged, remove].sort((a, b) => b.start - a.start) }];
  }
  if (!items || items.length === 0) return [];
  const add = addListToMap(model.text, target, targetKey, items);
  if (!add) return [];
  const edits = [add, remove].sort((a, b) => b.start - a.start);
  return [{ title: `Move ${misplaced.field} to ${belongsAt}`, preferred: true, edits }];
}

/** Each item of a block sequence as text with its own indentation removed. */
function itemTexts(text: string, seq: YAMLSeq): string[] | undefined {
  const out: string[] = [];
  for (const item of seq.items) {
    const r = (item as { range?: [number, number, number] }).range;
    if (!r) return undefined;
    const column = columnOf(text, r[0]);
    const raw = text.slice(r[0], r[1]).replace(/\r\n/g, '\n').replace(/\s+$/, '');
    out.push(raw.split('\n').map((l, i) => (i === 0 ? l : l.slice(Math.min(column, l.length - l.trimStart().length)))).join('\n'));
  }
  return out;
}

function resolveMap(root: YAMLMap, prefix: string, fieldPath: string): YAMLMap | undefined {
  const relative = prefix && fieldPath.startsWith(prefix) ? fieldPath.slice(prefix.length + 1) : fieldPath;
  let node: YAMLMap | undefined = root;
  for (const key of relative.split('.').filter(Boolean)) node = asMap(getNode(node, key));
  return node;
}

/** "Disable for this line" and "disable in this file" comments, offered for every finding. */
function disableFixes(model: DocumentModel, finding: FindingRef): Fix[] {
  const lineStart = lineStartOf(model.text, finding.start);
  const indent = /^[ \t]*/.exec(model.text.slice(lineStart))![0];
  const lineBreak = model.text.includes('\r\n') ? '\r\n' : '\n';
  return [
    { title: `Disable ${finding.rule} for this line`, preferred: false, edits: [{ start: lineStart, end: lineStart, newText: `${indent}# kube-volumes-disable-next-line ${finding.rule}${lineBreak}` }] },
  ];
}

/**
 * The documents of a file, as the fixes that look across them read them: every document's summary,
 * and a document's model when a fix edits it. Summaries, not models: a document analysed on
 * another thread has no tree here until something reads it (analysis/parallel.ts), and VS Code
 * asks for fixes whenever the cursor rests on a finding.
 */
export interface FileDocuments {
  readonly summaries: readonly DocumentSummary[];
  modelAt(index: number): DocumentModel;
}

const BY_RULE: Record<string, (model: DocumentModel, file: FileDocuments, finding: FindingRef) => Fix[]> = lookupTable({
  'mount-without-volume': (m, _all, f) => mountFixes(m, f),
  'unused-volume': (m, _all, f) => unusedVolumeFixes(m, f),
  'memory-emptydir-without-size-limit': (m, _all, f) => sizeLimitFixes(m, f),
  'unknown-volume-field': (_m, _all, f) => unknownFieldFixes(f),
  'private-image-without-pull-secret': pullSecretFixes,
  'cloud-image-without-pull-secret': pullSecretFixes,
  'field-at-wrong-level': (m, _all, f) => misplacedFixes(m, f),
  'multiple-volume-sources': (m, _all, f) => splitVolumeFixes(m, f),
  'invalid-file-mode': (m, _all, f) => suggestionFixes(m, f),
  'decimal-file-mode': (m, _all, f) => suggestionFixes(m, f),
  'world-readable-secret': (m, _all, f) => suggestionFixes(m, f),
  'unknown-emptydir-medium': (m, _all, f) => suggestionFixes(m, f),
  'unknown-field': (m, _all, f) => suggestionFixes(m, f),
  'pull-secret-wrong-type': (m, _all, f) => suggestionFixes(m, f),
  'pull-secret-missing-key': (m, _all, f) => suggestionFixes(m, f),
  'missing-source-field': (_m, _all, f) => renameFieldFixes(f),
  'sub-path-expr-variable': (m, _all, f) => subPathExprFixes(m, f),
  'read-only-false-no-effect': (m, _all, f) => removeLineFixes(m, f),
  'missing-mount-field': (m, _all, f) => missingMountFieldFixes(m, f),
  'invalid-pull-secret-entry': (m, _all, f) => pullSecretEntryFixes(m, f),
  'invalid-host-path': (m, _all, f) => suggestionFixes(m, f),
  'invalid-field-value': (m, _all, f) => quoteFixes(m, f),
  'invalid-volume-name': (m, _all, f) => quoteFixes(m, f),
  'duplicate-mount-path': (m, _all, f) => duplicateMountPathFixes(m, f),
  'invalid-mount-propagation': (m, _all, f) => suggestionFixes(m, f),
  'host-path-dev-shm': (m, _all, f) => devShmFixes(m, f),
  'browser-without-shm': (m, _all, f) => browserShmFixes(m, f),
  'relative-mount-path': (m, _all, f) => suggestionFixes(m, f),
  'relative-host-path': (m, _all, f) => suggestionFixes(m, f),
  'impossible-object-name': (m, _all, f) => suggestionFixes(m, f),
});

/** A document pasted without indentation: every finding in it offers the repair first. */
function pasteRepairFixes(model: DocumentModel): Fix[] {
  if (!model.flattened) return [];
  const repaired = repairIndentation(model.text);
  return repaired.ok ? [{ title: 'Restore the indentation of this pasted manifest', preferred: true, edits: [{ start: 0, end: model.text.length, newText: repaired.text }] }] : [];
}

/** Every fix for a finding in `model`, one document of `file`. */
export function fixesFor(model: DocumentModel, file: FileDocuments, finding: FindingRef): Fix[] {
  const repair = pasteRepairFixes(model);
  const specific = (BY_RULE[finding.rule]?.(model, file, finding) ?? []).map((f) => (repair.length ? { ...f, preferred: false } : f));
  return finding.rule === 'yaml-syntax' ? [...repair, ...specific] : [...repair, ...specific, ...disableFixes(model, finding)];
}

/** The comment that silences a rule in a whole file, inserted at the top of the file. */
export function disableInFileEdit(rule: string, lineBreak: string): TextEdit {
  return { start: 0, end: 0, newText: `# kube-volumes-disable ${rule}${lineBreak}` };
}
