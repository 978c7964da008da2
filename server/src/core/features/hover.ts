/**
 * Hover: what a mount resolves to, who mounts a volume, what each volume type and field means,
 * and what a file mode really is. Returns Markdown; the caller converts the range.
 */
import { isScalar } from 'yaml';
import type { DocumentModel, PodSpecModel, VolumeModel } from '../model/types';
import { isVolumeSourceKey } from '../model/volume-sources';
import { asMap, getString, Range } from '../model/yaml-nodes';
import { intendedVolume, knownVolumeNames } from '../rules/mount-without-volume';
import { describeContainer } from '../rules/scope';
import { describeMode } from './file-mode';
import { entryAt, rangeOfEntry } from './node-at';
import { declarationOf, nameTargetAt, usesOf } from './target';
import { FIELD_DOCS, FieldDoc, VOLUME_TYPE_DOCS } from './volume-docs';

export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

function render(title: string, doc: FieldDoc): string {
  return [
    `**${title}** — ${doc.summary}`,
    doc.lifetime && `*Lifetime:* ${doc.lifetime}`,
    doc.trap && `*Watch out:* ${doc.trap}`,
    doc.link && `[Kubernetes docs](${doc.link})`,
  ].filter(Boolean).join('\n\n');
}

function sourceSummary(volume: VolumeModel): string {
  const source = volume.sources[0];
  if (!source) return 'no source (Kubernetes makes it an empty emptyDir)';
  const value = asMap(source.pair.value);
  const detail = ['secretName', 'name', 'claimName', 'path', 'medium', 'reference'].map((k) => getString(value, k)).find((v) => v);
  return `${source.key}${detail ? ` (${detail})` : ''}`;
}

function usersOf(podSpec: PodSpecModel, name: string): string {
  const uses = usesOf(podSpec, name);
  if (uses.length === 0) {
    // Say which unmatched mount probably meant this volume (the mount's own finding says the same).
    const known = knownVolumeNames(podSpec);
    const meant = podSpec.containers.flatMap((c) => [...c.mounts, ...c.devices].map((m) => ({ c, m })))
      .find(({ m }) => m.name && !known.has(m.name.value) && intendedVolume(podSpec, m.name.value)?.name === name);
    return meant
      ? `Not mounted by any container of this pod: ${describeContainer(meant.c)} mounts "${meant.m.name!.value}", probably meaning this volume.`
      : 'Not mounted by any container of this pod.';
  }
  return ['Mounted by:', ...uses.map(({ container, mount }) =>
    `- ${describeContainer(container)} at \`${mount.target?.value ?? '?'}\`${mount.kind === 'volumeDevices' ? ' (block device)' : ''}`)].join('\n');
}

function nameHover(model: DocumentModel, offset: number): HoverResult | undefined {
  const target = nameTargetAt(model, offset);
  if (!target) return undefined;
  if (target.kind === 'mount') {
    const declaration = declarationOf(target.podSpec, target.name);
    if (declaration?.volume) {
      return { range: target.range, markdown: `Volume **${target.name}** — ${sourceSummary(declaration.volume)}, declared at \`${declaration.volume.path}\`` };
    }
    if (declaration?.template) {
      return { range: target.range, markdown: `Claim template **${target.name}** — from \`${declaration.template.path}\`; each replica gets its own PersistentVolumeClaim \`${target.name}-<pod-name>\`` };
    }
    return { range: target.range, markdown: `No volume named **${target.name}** in this pod spec.` };
  }
  const what = target.kind === 'volume' ? `Volume **${target.name}** — ${sourceSummary(target.volume)}` : `Claim template **${target.name}** — one PersistentVolumeClaim \`${target.name}-<pod-name>\` per replica`;
  return { range: target.range, markdown: `${what}\n\n${usersOf(target.podSpec, target.name)}` };
}

/** The key a field is documented under: `emptyDir.medium`, or just `subPath`. */
function fieldDoc(path: readonly string[]): { title: string; doc: FieldDoc } | undefined {
  const keys = path.filter((k) => k !== '[]');
  const field = keys[keys.length - 1];
  const parent = keys[keys.length - 2];
  if (!keys.some((k) => k === 'volumes' || k === 'volumeMounts' || k === 'volumeDevices')) return undefined;
  if (parent === 'volumes' && isVolumeSourceKey(field)) return { title: field, doc: VOLUME_TYPE_DOCS[field] };
  const doc = FIELD_DOCS[`${parent}.${field}`] ?? FIELD_DOCS[field];
  return doc && { title: `${parent}.${field}`, doc };
}

export function hoverAt(model: DocumentModel, offset: number): HoverResult | undefined {
  const byName = nameHover(model, offset);
  if (byName) return byName;
  const entry = entryAt(model, offset);
  if (!entry) return undefined;
  const range = rangeOfEntry(entry);
  if (!range) return undefined;
  const field = entry.path[entry.path.length - 1];
  const value = entry.pair.value;
  if ((field === 'defaultMode' || field === 'mode') && isScalar(value) && typeof value.value === 'number') {
    const source = (value as { source?: string }).source ?? String(value.value);
    return { range, markdown: describeMode(value.value, source) };
  }
  const doc = fieldDoc(entry.path);
  return doc && { range, markdown: render(doc.title, doc.doc) };
}
