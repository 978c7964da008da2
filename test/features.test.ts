/** Editor features on YAML strings, with `|` marking the cursor. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { completionsAt } from '../server/src/core/features/completion';
import { hoverAt } from '../server/src/core/features/hover';
import { definitionAt, occurrencesAt, renameEdits } from '../server/src/core/features/navigation';
import { outline } from '../server/src/core/features/outline';
import { parseDocumentModel } from '../server/src/core/model/parse-document';
import { yaml } from './helpers';
import { summaryOf } from '../server/src/core/rules/file-derived';

const SHARED = path.resolve(__dirname, '..', '..', 'shared');

/** The model of a text with `|` removed, and the cursor offset. */
function cursor(marked: string): { model: ReturnType<typeof parseDocumentModel>; offset: number; text: string } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { model: parseDocumentModel(text), offset, text };
}

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - name: da|ta
            mountPath: /data
      - name: side
        image: busybox
        volumeMounts:
          - name: data
            mountPath: /shared
    volumes:
      - name: data
        emptyDir: {}
      - name: config
        configMap:
          name: app-config
          defaultMode: 0644
`;

describe('hover', () => {
  it('on a mount name: the volume it resolves to and its source', () => {
    const { model, offset } = cursor(POD);
    assert.match(hoverAt(model, offset)!.markdown, /Volume \*\*data\*\* — emptyDir, declared at `spec\.volumes\[0\]`/);
  });

  it('on a volume name: which containers mount it, where', () => {
    const { model, offset } = cursor(POD.replace('name: da|ta', 'name: data').replace('- name: data\n      emptyDir', '- name: d|ata\n      emptyDir'));
    const text = hoverAt(model, offset)!.markdown;
    assert.match(text, /Container "app" at `\/data`/);
    assert.match(text, /Container "side" at `\/shared`/);
  });

  it('on a volume no container mounts: names the mount that probably meant it', () => {
    const b01 = readFileSync(path.join(SHARED, 'cases/B01-mount-name-typo-scratch.yaml'), 'utf8');
    const text = hoverAt(parseDocumentModel(b01), b01.indexOf('name: scratch-volume') + 8)!.markdown;
    assert.match(text, /Container "worker" mounts "scratch", probably meaning this volume/);
  });

  it('on a volume type: what it is, how long data lives, the trap, a link', () => {
    const { model, offset } = cursor(POD.replace('name: da|ta', 'name: data').replace('emptyDir: {}', 'empty|Dir: {}'));
    const text = hoverAt(model, offset)!.markdown;
    assert.match(text, /^\*\*emptyDir\*\*/);
    assert.match(text, /\*Lifetime:\*/);
    assert.match(text, /\*Watch out:\*/);
    assert.match(text, /kubernetes\.io\/docs\/concepts\/storage\/volumes\/#emptydir/);
  });

  it('on a file mode: octal, decimal and rwx, read with YAML 1.1 rules', () => {
    const { model, offset } = cursor(POD.replace('name: da|ta', 'name: data').replace('defaultMode: 0644', 'defaultMode: 06|44'));
    assert.match(hoverAt(model, offset)!.markdown, /`0644` is read as octal: \*\*0644\*\* octal = \*\*420\*\* decimal = `rw-r--r--`/);
    // Go's integer prefix, which the API server accepts too.
    const go = cursor(POD.replace('name: da|ta', 'name: data').replace('defaultMode: 0644', 'defaultMode: 0o6|40'));
    assert.match(hoverAt(go.model, go.offset)!.markdown, /`0o640` is read as octal: \*\*0640\*\* octal = \*\*416\*\* decimal = `rw-r-----`/);
    const b03 = readFileSync(path.join(SHARED, 'cases/B03-defaultMode-750-decimal.yaml'), 'utf8');
    const m = parseDocumentModel(b03);
    const text = hoverAt(m, b03.lastIndexOf('750') + 1)!.markdown;
    assert.match(text, /`750` is read as decimal: \*\*01356\*\* octal = \*\*750\*\* decimal/);
    assert.match(text, /Out of range/);
    assert.match(text, /write `0750`/);
  });

  it('B08: on a mount of a claim template, says which claim each replica gets', () => {
    const b08 = readFileSync(path.join(SHARED, 'cases/B08-vct-mount-must-not-be-flagged.yaml'), 'utf8');
    const model = parseDocumentModel(b08);
    const offset = b08.indexOf('- name: www\n') + 9;
    assert.match(hoverAt(model, offset)!.markdown, /Claim template \*\*www\*\* — from `spec\.volumeClaimTemplates\[0\]`.*`www-<pod-name>`/);
  });
});

describe('navigation', () => {
  it('goes from a mount to its volume, and from a volume to every mount', () => {
    const { model, offset, text } = cursor(POD);
    const def = definitionAt(model, offset)!;
    assert.equal(text.slice(def.start, def.end), 'data');
    assert.equal(def.start, text.indexOf('- name: data\n      emptyDir') + 8);
    assert.equal(occurrencesAt(model, offset).length, 3);
  });

  it('B08: goes from a mount to its claim template', () => {
    const b08 = readFileSync(path.join(SHARED, 'cases/B08-vct-mount-must-not-be-flagged.yaml'), 'utf8');
    const def = definitionAt(parseDocumentModel(b08), b08.indexOf('- name: www\n') + 9)!;
    assert.equal(b08.slice(b08.lastIndexOf('\n', def.start) + 1, def.end), '        name: www');
    assert.ok(def.start > b08.indexOf('volumeClaimTemplates:'));
  });

  it('renames a volume and all its mounts in one edit', () => {
    const { model, offset } = cursor(POD);
    assert.deepEqual(renameEdits(model, offset, 'scratch').map((e) => e.newText), ['scratch', 'scratch', 'scratch']);
  });
});

describe('completion', () => {
  const labels = (marked: string): string[] => {
    const { model, offset } = cursor(marked);
    return completionsAt(model, [model].map(summaryOf), offset).sort((a, b) => a.sortText.localeCompare(b.sortText)).map((c) => c.label);
  };

  it('offers the pod spec\'s volumes in a mount name, those not mounted here first', () => {
    const text = POD.replace('name: da|ta', 'name: data').replace('- name: data\n          mountPath: /shared', '- name: data\n          mountPath: /shared\n        - name: |');
    assert.deepEqual(labels(text), ['config', 'data']);
    const { model, offset } = cursor(text);
    assert.match(completionsAt(model, [model].map(summaryOf), offset).find((c) => c.label === 'data')!.detail!, /already mounted here/);
  });

  it('replaces the whole word under the cursor, not just what precedes it', () => {
    const { model, offset, text } = cursor(POD.replace('name: da|ta', 'name: d|ta'));
    const [item] = completionsAt(model, [model].map(summaryOf), offset).filter((c) => c.label === 'data');
    assert.equal(text.slice(item.replace.start, item.replace.end), 'dta');
  });

  it('offers volume types with a ready body in a volume entry', () => {
    const { model, offset } = cursor(POD.replace('name: da|ta', 'name: data').replace('    - name: config', '    - name: logs\n      emp|\n    - name: config'));
    const items = completionsAt(model, [model].map(summaryOf), offset);
    assert.ok(items.some((c) => c.label === 'emptyDir' && c.insertText === 'emptyDir: {}'));
    assert.ok(items.some((c) => c.label === 'secret' && c.snippet && /secretName/.test(c.insertText)));
  });

  it('offers enum values', () => {
    assert.deepEqual(labels(POD.replace('name: da|ta', 'name: data').replace('emptyDir: {}', 'emptyDir:\n        medium: |')), ['""', 'HugePages', 'Memory']);
    assert.ok(labels(POD.replace('name: da|ta', 'name: data').replace('mountPath: /data', 'mountPath: /data\n          mountPropagation: |')).includes('HostToContainer'));
  });

  it('works on CRLF text, and answers on lines holding a lone CR or U+2028 instead of throwing', () => {
    const crlf = POD.replace('name: da|ta', 'name: data').replace('- name: data\n          mountPath: /shared', '- name: data\n          mountPath: /shared\n        - name: |').replace(/\n/g, '\r\n');
    assert.deepEqual(labels(crlf), ['config', 'data']);
    // Found by the robustness property: `.` in the line pattern did not match these, and completion threw.
    for (const odd of ['\r', '\u2028', '\u2029']) {
      const { model, offset } = cursor(`apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n    - name: a${odd}b: |`);
      assert.ok(Array.isArray(completionsAt(model, [model].map(summaryOf), offset)), JSON.stringify(odd));
    }
  });

  it('offers the ConfigMaps and registry Secrets defined in the file', () => {
    const cm = parseDocumentModel('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\n');
    const secret = parseDocumentModel('apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\ntype: kubernetes.io/dockerconfigjson\n');
    const opaque = parseDocumentModel('apiVersion: v1\nkind: Secret\nmetadata: {name: tls}\ntype: Opaque\n');
    const { model, offset } = cursor(POD.replace('name: da|ta', 'name: data').replace('name: app-config', 'name: |'));
    assert.deepEqual(completionsAt(model, [cm, secret, opaque, model].map(summaryOf), offset).map((c) => c.label), ['app-config']);
    const pull = cursor(POD.replace('name: da|ta', 'name: data').replace('  volumes:', '  imagePullSecrets:\n    - name: |\n  volumes:'));
    assert.deepEqual(completionsAt(pull.model, [cm, secret, opaque, pull.model].map(summaryOf), pull.offset).map((c) => c.label), ['regcred']);
  });
});

describe('outline', () => {
  it('lists workloads, their containers with mounts, and volumes', () => {
    const { model } = cursor(POD);
    const [pod] = outline(model);
    assert.equal(pod.name, 'Pod p');
    assert.deepEqual(pod.children.map((c) => `${c.kind} ${c.name}`), ['container app', 'container side', 'volume data', 'volume config']);
    assert.deepEqual(pod.children[0].children.map((c) => c.name), ['data → /data']);
  });
});
