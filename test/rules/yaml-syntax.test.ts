import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found, lint } from '../helpers';

const RULE = 'yaml-syntax';

describe(RULE, () => {
  it('reports YAML errors in a Kubernetes manifest, in the right document', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n   bad: [\n';
    const findings = lint(text).filter((d) => d.rule === RULE);
    assert.ok(findings.length > 0);
    assert.ok(findings.every((d) => d.document === 1 && d.severity === 'error' && d.range.start.line >= 4));
  });

  it('says nothing about files that are not Kubernetes manifests', () => {
    assert.deepEqual(found('name: CI\non:\n  push:\n jobs: [\n'), []);
    assert.deepEqual(found('services:\n  web:\n    image: registry.example.com/web\n    volumes: [data:/data]\n'), []);
  });

  it('says nothing about Helm templates', () => {
    const helm = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\nspec:\n  {{- if .Values.a }}\n  replicas: 1\n  {{- else }}\n  replicas: 2\n  {{- end }}\n';
    assert.deepEqual(found(helm), []);
  });

  it('reports duplicate keys, which kubectl rejects too, on the repeated key', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n';
    const [d] = lint(text);
    assert.equal(d.rule, RULE);
    assert.match(d.message, /"name" appears twice/);
    assert.deepEqual(d.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } });
    assert.doesNotMatch(d.message, /pasted/);
  });

  it('recognises a manifest pasted without its indentation', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\nname: p\nspec:\ncontainers:\n- name: a\nimage: nginx\nvolumes:\n- name: v\nemptyDir: {}\n';
    // It parses (no key repeats), so the misplaced fields carry the hint.
    assert.deepEqual(found(text), ['field-at-wrong-level @ containers', 'field-at-wrong-level @ volumes']);
    assert.ok(lint(text).every((d) => /at the root of the object.*pasted from a page/.test(d.message)));
    const repeated = `${text}metadata:\nname: q\n`;
    assert.ok(lint(repeated).some((d) => d.rule === RULE && /pasted from a page/.test(d.message)));
  });

  it('says nothing about a Helm values.yaml', () => {
    assert.deepEqual(found('replicaCount: 1\nimage:\n  repository: registry.example.com/app\nvolumes:\n  - name: data\nvolumeMounts:\n  - name: missing\n    mountPath: /x\n'), []);
  });

  it('reports a cascade of parser errors once per position, and only the first few', () => {
    // A tab before a key and an unclosed flow sequence: the parser reports dozens of follow-on errors.
    const volumes = Array.from({ length: 30 }, (_, i) => `  - name: v${i}\n    emptyDir: {}`).join('\n');
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: nginx}]\n\tvolumes: [\n${volumes}\n`;
    const d = lint(text).filter((x) => x.rule === RULE);
    assert.ok(d.length >= 1 && d.length <= 5, `${d.length} syntax errors`);
    const positions = d.map((x) => `${x.range.start.line}:${x.range.start.character}`);
    assert.equal(new Set(positions).size, positions.length);
  });
});
