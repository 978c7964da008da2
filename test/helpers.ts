/** Test helpers: YAML strings in, findings out. */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { analyseText, Diagnostic } from '../server/src/core/analysis/analyzer';
import { DEFAULT_SETTINGS, Settings } from '../server/src/core/settings';
import type { FileDocuments } from '../server/src/core/features/fixes';
import type { DocumentModel } from '../server/src/core/model/types';
import { summaryOf } from '../server/src/core/rules/file-derived';

/** The shared folder beside the checkout: real manifests (corpus), user bug reports (cases) and the article's examples (seed). */
export const SHARED = path.resolve(__dirname, '..', '..', 'shared');

/** The files of the cases and the seed, and of the corpus those under `corpusBelow` bytes, in a fixed order. */
export function sharedManifestFiles(corpusBelow = Infinity): string[] {
  const files: string[] = [];
  for (const folder of ['cases', 'seed']) for (const name of readdirSync(path.join(SHARED, folder)).sort()) files.push(path.join(SHARED, folder, name));
  const corpus = path.join(SHARED, 'corpus');
  for (const project of readdirSync(corpus).sort()) {
    const folder = path.join(corpus, project);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) if (statSync(path.join(folder, name)).size < corpusBelow) files.push(path.join(folder, name));
  }
  return files;
}

export function lint(text: string, settings: Partial<Settings> = {}): Diagnostic[] {
  return [...analyseText(text, { ...DEFAULT_SETTINGS, ...settings }).diagnostics];
}

/** `rule @ fieldPath` for each finding, the compact form most assertions compare. */
export function found(text: string, settings: Partial<Settings> = {}): string[] {
  return lint(text, settings).map((d) => `${d.rule} @ ${d.fieldPath}`);
}

/** Only the findings of one rule. */
export function foundBy(rule: string, text: string, settings: Partial<Settings> = {}): Diagnostic[] {
  return lint(text, settings).filter((d) => d.rule === rule);
}

/** The text a finding's range covers. */
export function textAt(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  if (d.range.start.line !== d.range.end.line) throw new Error('multi-line range');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

/** Strips the common indentation of a template literal so tests can indent YAML with the code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A pod spec wrapped in each workload kind, with the path its pod spec has there. */
export function inEveryWorkload(podSpec: string): { kind: string; text: string; path: string }[] {
  const indent = (s: string, n: number): string => s.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');
  const selector = 'selector:\n    matchLabels: {app: x}\n  ';
  // What a complete object of each kind needs besides its pod spec (a Job's restartPolicy, the
  // template labels a selector matches): without them it reads as a patch (parse-document.ts).
  const restartPolicy = (n: number): string => (/^restartPolicy:/m.test(podSpec) ? '' : `${' '.repeat(n)}restartPolicy: Never\n`);
  const tpl = (n: number): string => indent(podSpec, n);
  const labels = '    metadata:\n      labels: {app: x}\n';
  const body = (kind: string): string => (kind === 'Job' ? `${tpl(6)}${podSpec.endsWith('\n') ? '' : '\n'}${restartPolicy(6)}` : `${tpl(6)}${podSpec.endsWith('\n') ? '' : '\n'}${labels}`);
  return [
    { kind: 'Pod', path: 'spec', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n${tpl(2)}` },
    { kind: 'PodTemplate', path: 'template.spec', text: `apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: x\ntemplate:\n  spec:\n${tpl(4)}` },
    ...['ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job'].map((kind) => ({
      kind,
      path: 'spec.template.spec',
      text: `apiVersion: ${kind === 'Job' ? 'batch/v1' : kind === 'ReplicationController' ? 'v1' : 'apps/v1'}\nkind: ${kind}\nmetadata:\n  name: x\nspec:\n  ${kind === 'Job' || kind === 'ReplicationController' ? '' : selector}template:\n    spec:\n${body(kind)}`,
    })),
    { kind: 'CronJob', path: 'spec.jobTemplate.spec.template.spec', text: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${tpl(10)}${podSpec.endsWith('\n') ? '' : '\n'}${restartPolicy(10)}` },
  ];
}

/** `text` as the second document of a file, after an unrelated ConfigMap: findings must say document 1. */
export function asSecondDocument(text: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\ndata:\n  a: b\n---\n${text}`;
}

/** Errors about a pod spec end with what the cluster does: a StatefulSet is accepted and its pods fail. */
export function rejectionPattern(kind: string): RegExp {
  return kind === 'StatefulSet' ? /StatefulSet will be accepted, but the controller cannot create any of its pods \(FailedCreate/ : new RegExp(`The API server rejects the ${kind} \\(`);
}

/** A StatefulSet with the given volumes and mounts (flow YAML) and claim templates of these names. */
export const statefulSet = (volumes: string, mounts: string, templates: string[]): string => yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db}
  spec:
    serviceName: db
    selector: {matchLabels: {app: db}}
    template:
      spec:
        containers: [{name: db, image: postgres:16, volumeMounts: ${mounts}}]
        volumes: ${volumes}
      metadata: {labels: {app: db}}
    volumeClaimTemplates: [${templates.map((t) => `{metadata: {name: ${t}}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}`).join(', ')}]
`;

/** Puts `text` after another document: the rule must still report, and only in document 1. */
export function assertSecondDocument(rule: string, text: string): void {
  const documents = lint(asSecondDocument(text)).filter((d) => d.rule === rule).map((d) => d.document);
  assert.ok(documents.length > 0 && documents.every((d) => d === 1), `${rule} reported in documents [${documents}]`);
}

/** Every node of a tree with what the rules can see of it: kind, range, value, YAML type, flow style. */
export function dump(node: unknown): unknown {
  if (isScalar(node)) {
    const digits = (node as { minFractionDigits?: number }).minFractionDigits ?? null;
    return ['scalar', node.range, node.value, node.source ?? null, node.type ?? null, node.tag ?? null, node.format ?? null, digits, node.comment ?? null];
  }
  if (isAlias(node)) return ['alias', node.range, node.source];
  if (isMap(node) || isSeq(node)) {
    return [isMap(node) ? 'map' : 'seq', node.range, node.flow ?? false, node.items.map((item) => (isPair(item) ? [dump(item.key), dump(item.value)] : dump(item)))];
  }
  return node ?? null;
}

/** The documents of a file as quick fixes read them, from their models. */
export function fileOf(models: readonly DocumentModel[]): FileDocuments {
  return { summaries: models.map(summaryOf), modelAt: (index) => models[index] };
}
