/**
 * The fix property: for every quick fix offered on every finding of the shared cases and seeds
 * (and on findings planted into corpus manifests), applying it leaves a file that parses, the
 * finding is gone, no new error appears, and the text outside the edit is unchanged.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyseText, Diagnostic, FileAnalysis } from '../server/src/core/analysis/analyzer';
import { fixesFor, Fix } from '../server/src/core/features/fixes';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { fileOf, yaml } from './helpers';

const SHARED = path.resolve(__dirname, '..', '..', 'shared');

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

function fixesOf(text: string, analysis: FileAnalysis, d: Diagnostic): Fix[] {
  const base = analysis.chunks[d.document].offset;
  const models = analysis.documents.map((x) => x.model);
  return fixesFor(models[d.document], fileOf(models), {
    rule: d.rule,
    fieldPath: d.fieldPath,
    data: d.data,
    start: offsetOf(text, d.range.start.line, d.range.start.character) - base,
    end: offsetOf(text, d.range.end.line, d.range.end.character) - base,
  });
}

/** `fix` applied to the file; `analysis` and `document` place each edit in its document (the finding's by default). */
function apply(text: string, analysis: FileAnalysis, document: number, fix: Fix): string {
  const placed = fix.edits.map((e) => ({ ...e, base: analysis.chunks[e.document ?? document].offset }));
  let out = text;
  for (const e of placed.sort((a, b) => b.base + b.start - (a.base + a.start))) out = out.slice(0, e.base + e.start) + e.newText + out.slice(e.base + e.end);
  return out;
}

const key = (d: Diagnostic): string => `${d.document} ${d.rule} @ ${d.fieldPath}`;

/** Checks every fix of every finding in `text`; returns how many fixes were checked. */
function checkAllFixes(name: string, text: string): number {
  const analysis = analyseText(text, DEFAULT_SETTINGS);
  let checked = 0;
  for (const d of analysis.diagnostics) {
    for (const fix of fixesOf(text, analysis, d)) {
      const fixed = apply(text, analysis, d.document, fix);
      const after = analyseText(fixed, DEFAULT_SETTINGS).diagnostics;
      const context = `${name}: "${fix.title}" for ${key(d)}\n--- fixed text ---\n${fixed}`;
      assert.ok(!after.some((x) => x.rule === 'yaml-syntax') || analysis.diagnostics.some((x) => x.rule === 'yaml-syntax'), `parses: ${context}`);
      assert.ok(!after.some((x) => x.rule === d.rule && x.range.start.line === d.range.start.line && x.message === d.message), `finding gone: ${context}`);
      const errorsBefore = new Set(analysis.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.rule} ${x.message}`));
      const newErrors = after.filter((x) => x.severity === 'error' && !errorsBefore.has(`${x.rule} ${x.message}`));
      assert.deepEqual(newErrors.map(key), [], `no new error: ${context}`);
      checked++;
    }
  }
  return checked;
}

describe('quick fixes', () => {
  const files = ['cases', 'seed'].flatMap((dir) => readdirSync(path.join(SHARED, dir)).map((f) => path.join(SHARED, dir, f)));

  it('every fix on every case and seed file removes its finding and adds no error', () => {
    let total = 0;
    for (const file of files) total += checkAllFixes(path.basename(file), readFileSync(file, 'utf8'));
    assert.ok(total >= 30, `checked ${total} fixes`);
  });

  it('every fix on findings planted into real corpus manifests', () => {
    const plants: [string, (t: string) => string][] = [
      ['examples/_archived__storage__redis__redis-master.yaml', (t) => t.replace('name: data', 'name: dta')],
      ['kube-prometheus/manifests__grafana-deployment.yaml', (t) => t.replace('- mountPath: /tmp\n          name: tmp-plugins', '- mountPath: /tmp\n          name: tmp-plugin')],
      ['website/content__en__examples__application__web__web.yaml', (t) => t.replace('name: www\n          mountPath', 'name: ww\n          mountPath')],
      ['argo-cd/manifests__base__repo-server__argocd-repo-server-deployment.yaml', (t) => t.replace(/emptyDir: \{\}/, 'emptydir: {}')],
    ];
    for (const [file, plant] of plants) {
      const original = readFileSync(path.join(SHARED, 'corpus', file), 'utf8');
      const planted = plant(original);
      assert.notEqual(planted, original, `planted into ${file}`);
      assert.ok(checkAllFixes(file, planted) > 0, file);
    }
  });

  const titles = (text: string, rule: string): string[] => {
    const analysis = analyseText(text, DEFAULT_SETTINGS);
    return analysis.diagnostics.filter((d) => d.rule === rule).flatMap((d) => fixesOf(text, analysis, d).map((f) => `${f.preferred ? '*' : ''}${f.title}`));
  };

  /** `text` after the preferred fix of its first `rule` finding, and what the analysis finds there. */
  const afterPreferred = (text: string, rule: string): { fixed: string; rules: string[] } => {
    const analysis = analyseText(text, DEFAULT_SETTINGS);
    const d = analysis.diagnostics.find((x) => x.rule === rule)!;
    const fixed = apply(text, analysis, d.document, fixesOf(text, analysis, d).find((f) => f.preferred)!);
    return { fixed, rules: analyseText(fixed, DEFAULT_SETTINGS).diagnostics.map((x) => x.rule) };
  };

  it('fixes what a message names the answer to: a misspelt mount key, a hostPath type, imagePullSecrets entries', () => {
    // From a new user's trial: each message said what was meant, and no fix offered it.
    const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}`;
    const misspelt = pod('  containers:\n    - name: a\n      image: nginx\n      volumeMounts:\n        - name: data\n          mountPth: /data\n  volumes:\n    - name: data\n      emptyDir: {}\n');
    assert.deepEqual(titles(misspelt, 'missing-mount-field')[0], '*Rename "mountPth" to "mountPath"');
    assert.match(afterPreferred(misspelt, 'missing-mount-field').fixed, /\n {10}mountPath: \/data\n/);
    assert.deepEqual(afterPreferred(misspelt, 'missing-mount-field').rules, []);

    const hostPath = pod('  containers: [{name: a, image: nginx, volumeMounts: [{name: h, mountPath: /h}]}]\n  volumes:\n    - name: h\n      hostPath: {path: /var/log, type: directory}\n');
    assert.deepEqual(titles(hostPath, 'invalid-host-path')[0], '*Change to Directory');
    assert.ok(!afterPreferred(hostPath, 'invalid-host-path').rules.includes('invalid-host-path'));

    const bare = pod('  imagePullSecrets:\n    - regcred\n    - name: other\n      namespace: team-b\n  containers: [{name: a, image: nginx}]\n');
    assert.deepEqual(titles(bare, 'invalid-pull-secret-entry').filter((t) => t.startsWith('*')), ['*Write it as {name: regcred}', '*Remove "namespace"']);
    const { fixed } = afterPreferred(bare, 'invalid-pull-secret-entry');
    assert.match(fixed, /imagePullSecrets:\n {4}- \{name: regcred\}\n/);
    const scalar = pod('  imagePullSecrets: "regcred"\n  containers: [{name: a, image: nginx}]\n');
    assert.match(afterPreferred(scalar, 'invalid-pull-secret-entry').fixed, /imagePullSecrets: \[\{name: regcred\}\]\n/);
    assert.deepEqual(afterPreferred(scalar, 'invalid-pull-secret-entry').rules, []);
    const namespaced = pod('  imagePullSecrets:\n    - name: other\n      namespace: team-b\n  containers: [{name: a, image: nginx}]\n');
    assert.doesNotMatch(afterPreferred(namespaced, 'invalid-pull-secret-entry').fixed, /namespace/);
    assert.deepEqual(afterPreferred(namespaced, 'invalid-pull-secret-entry').rules, []);
  });

  it('a review\'s shapes: no duplicate key, a whole pair removed, names quoted where YAML 1.1 would misread them, no collision', () => {
    const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}`;
    // An empty mountPath beside the misspelt key: renaming would make a second mountPath.
    const both = pod('  containers:\n    - name: a\n      image: nginx\n      volumeMounts:\n        - name: data\n          mountPath:\n          mountPth: /data\n  volumes: [{name: data, emptyDir: {}}]\n');
    assert.deepEqual(titles(both, 'missing-mount-field').filter((t) => t.startsWith('*')), []);
    // A key whose value runs over lines goes whole; one in a flow map is not offered.
    const nested = pod('  imagePullSecrets:\n    - name: regcred\n      namespace:\n        team-b\n  containers: [{name: a, image: nginx}]\n');
    const removed = afterPreferred(nested, 'invalid-pull-secret-entry');
    assert.match(removed.fixed, /imagePullSecrets:\n {4}- name: regcred\n {2}containers/);
    assert.deepEqual(removed.rules, []);
    assert.deepEqual(titles(pod('  imagePullSecrets:\n    - {name: regcred,\n       namespace: team-b}\n  containers: [{name: a, image: nginx}]\n'), 'invalid-pull-secret-entry').filter((t) => t.startsWith('*')), []);
    // Names that YAML 1.1 would read as a number or a boolean are written quoted.
    const numeric = pod('  imagePullSecrets: 0123\n  containers: [{name: a, image: nginx}]\n');
    assert.match(afterPreferred(numeric, 'invalid-pull-secret-entry').fixed, /imagePullSecrets: \[\{name: "0123"\}\]/);
    assert.deepEqual(titles(pod('  imagePullSecrets: |\n    regcred\n  containers: [{name: a, image: nginx}]\n'), 'invalid-pull-secret-entry').filter((t) => t.startsWith('*')), []);
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: "on"}\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: e30=}\n---\n';
    assert.match(afterPreferred(`${secret}${pod('  containers: [{name: a, image: registry.example.com/a}]\n')}`, 'private-image-without-pull-secret').fixed, /imagePullSecrets:\n +- name: "on"\n/);
    // A volume and its mount both named no (both read false): quoted together.
    const no = pod('  containers: [{name: a, image: nginx, volumeMounts: [{name: no, mountPath: /n}]}]\n  volumes: [{name: no, emptyDir: {}}]\n');
    assert.deepEqual(titles(no, 'invalid-volume-name')[0], '*Write "no" in quotes (and 1 more use of it)');
    assert.deepEqual(afterPreferred(no, 'invalid-volume-name').rules, []);
    assert.deepEqual(afterPreferred(no, 'invalid-field-value').rules, []);
    // The directory a duplicate would move to is taken: no fix.
    const taken = pod('  containers: [{name: c, image: nginx, volumeMounts: [{name: a, mountPath: /data}, {name: b, mountPath: /data}, {name: c, mountPath: /data/b}]}]\n  volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}, {name: c, emptyDir: {}}]\n');
    assert.deepEqual(titles(taken, 'duplicate-mount-path').filter((t) => t.startsWith('Change')), []);
    // Bidirectional for a container that is not privileged would be refused next: HostToContainer first.
    const propagation = pod('  containers: [{name: c, image: nginx, volumeMounts: [{name: h, mountPath: /h, mountPropagation: bidirectional}]}]\n  volumes: [{name: h, hostPath: {path: /mnt}}]\n');
    assert.deepEqual(titles(propagation, 'invalid-mount-propagation').slice(0, 2), ['*Change to HostToContainer', 'Change to Bidirectional']);
  });

  it('B23: moves a second mount at one path to a directory of its own, named after its volume', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B23-duplicate-mountpath-kustomize-base.yaml'), 'utf8');
    assert.deepEqual(titles(text, 'duplicate-mount-path').filter((t) => t.startsWith('Change')), ['Change mountPath to /config/home-automation-config', 'Change mountPath to /config/home-automation-secret']);
    const analysis = analyseText(text, DEFAULT_SETTINGS);
    const d = analysis.diagnostics.find((x) => x.rule === 'duplicate-mount-path')!;
    const fixed = apply(text, analysis, d.document, fixesOf(text, analysis, d).find((f) => f.title.startsWith('Change'))!);
    assert.match(fixed, /- name: home-automation-config\n {14}mountPath: \/config\/home-automation-config\n/);
    assert.equal(analyseText(fixed, DEFAULT_SETTINGS).diagnostics.filter((x) => x.rule === 'duplicate-mount-path').length, 1, 'the third mount is left to its own fix');
  });

  it('makes relative paths absolute', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
        - name: app
          image: nginx
          volumeMounts:
          - {name: logs, mountPath: ./logs, readOnly: true}
        volumes:
        - name: logs
          hostPath: {path: var/log}
    `;
    assert.deepEqual(titles(text, 'relative-mount-path'), ['*Change to /logs', 'Disable relative-mount-path for this line']);
    assert.deepEqual(titles(text, 'relative-host-path'), ['*Change to /var/log', 'Disable relative-host-path for this line']);
    assert.ok(checkAllFixes('relative paths', text) >= 4);
  });

  it('offers the nearest name first, then new volumes, then the disable comment (B01)', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B01-mount-name-typo-scratch.yaml'), 'utf8');
    assert.deepEqual(titles(text, 'mount-without-volume'), [
      "*Change to 'scratch-volume'",
      "Add emptyDir volume 'scratch'",
      "Add configMap volume 'scratch'",
      "Add secret volume 'scratch'",
      "Add persistentVolumeClaim volume 'scratch'",
      'Disable mount-without-volume for this line',
    ]);
  });

  it('adds a volume in the file\'s own list style, creating the volumes list when missing', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
        - name: app
          image: nginx
          volumeMounts:
          - name: cache
            mountPath: /cache
    `;
    const analysis = analyseText(text, DEFAULT_SETTINGS);
    const d = analysis.diagnostics.find((x) => x.rule === 'mount-without-volume')!;
    const fix = fixesOf(text, analysis, d).find((f) => f.title === "Add emptyDir volume 'cache'")!;
    assert.equal(apply(text, analysis, d.document, fix), `${text}  volumes:\n  - name: cache\n    emptyDir: {}\n`);
  });

  it('B06: adds a claim template to a StatefulSet', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B06-operator-generated-sts-missing-configmap-volume.yaml'), 'utf8');
    assert.ok(titles(text, 'mount-without-volume').includes("Add volumeClaimTemplate 'some'"));
    assert.ok(titles(text, 'mount-without-volume').includes("*Add emptyDir volume 'some'"));
  });

  it('B10: removes the duplicate volumes block from the init container; B11: moves claim templates', () => {
    const b10 = readFileSync(path.join(SHARED, 'cases/B10-volumes-nested-under-initcontainer.yaml'), 'utf8');
    assert.deepEqual(titles(b10, 'field-at-wrong-level').slice(0, 1), ['*Remove the duplicate volumes block (already at spec.template.spec.volumes)']);
    const b11 = readFileSync(path.join(SHARED, 'cases/B11-volumeClaimTemplates-inside-pod-template.yaml'), 'utf8');
    assert.deepEqual(titles(b11, 'field-at-wrong-level').slice(0, 1), ['*Move volumeClaimTemplates to spec.volumeClaimTemplates']);
    const analysis = analyseText(b11, DEFAULT_SETTINGS);
    const d = analysis.diagnostics.find((x) => x.rule === 'field-at-wrong-level')!;
    const moved = apply(b11, analysis, d.document, fixesOf(b11, analysis, d)[0]);
    assert.match(moved, /\n {2}volumeClaimTemplates:\n {4}- metadata:\n {8}name: cache\n {6}spec:\n {8}accessModes: \["ReadWriteOnce"\]\n/);
    assert.deepEqual(analyseText(moved, DEFAULT_SETTINGS).diagnostics.filter((x) => x.severity === 'error'), []);
  });

  it('B12: moves imagePullSecrets from the container to the pod spec, which also clears the pull warning', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B12-imagePullSecrets-under-container-and-dockercfg-type.yaml'), 'utf8');
    const analysis = analyseText(text, DEFAULT_SETTINGS);
    const d = analysis.diagnostics.find((x) => x.rule === 'field-at-wrong-level')!;
    const fixed = apply(text, analysis, d.document, fixesOf(text, analysis, d)[0]);
    // What remains is the Secret's own type mistake.
    assert.deepEqual(analyseText(fixed, DEFAULT_SETTINGS).diagnostics.map((x) => x.rule), ['pull-secret-missing-key']);
  });

  it('B24: splits a volume with two sources into two volumes, keeping the first source', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B24-volume-with-two-sources-after-merge.yaml'), 'utf8');
    const analysis = analyseText(text, DEFAULT_SETTINGS);
    const d = analysis.diagnostics.find((x) => x.rule === 'multiple-volume-sources')!;
    const [split] = fixesOf(text, analysis, d);
    assert.equal(split.title, "Split into 2 volumes (keep secret in 'cluster-certificate')");
    const fixed = apply(text, analysis, d.document, split);
    assert.match(fixed, /- name: cluster-certificate\n {10}secret:\n {12}secretName: gateway-cluster-cert\n {8}- name: xslt-vol\n {10}emptyDir: \{\}\n {8}- name: cluster-certificate-configmap\n {10}configMap:\n {12}name: xslt-plugins\n$/);
  });

  it('moves a misplaced list of several items in the file\'s own line breaks, also at the very end of a file', () => {
    // Found by the robustness property: with no line break at the end of the file, the second item's column came out as -1.
    const lf = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts:
              - {name: keys, mountPath: /keys}
              - {name: data, mountPath: /data}
            volumes:
              - name: keys
                secret:
                  secretName: keys
              - name: data
                emptyDir: {}
    `;
    for (const text of [lf, lf.replace(/\n$/, ''), lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r\n').replace(/\r\n$/, '')]) {
      const analysis = analyseText(text, DEFAULT_SETTINGS);
      const d = analysis.diagnostics.find((x) => x.rule === 'field-at-wrong-level')!;
      const [move] = fixesOf(text, analysis, d);
      assert.equal(move.title, 'Move volumes to spec.volumes');
      const fixed = apply(text, analysis, d.document, move);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      assert.ok(fixed.includes(['  volumes:', '    - name: keys', '      secret:', '        secretName: keys', '    - name: data', '      emptyDir: {}'].join(eol)), JSON.stringify(fixed));
      assert.equal(fixed.replace(/\r\n/g, '').includes('\r') || (eol === '\r\n' && /[^\r]\n/.test(fixed)), false, 'one line-break style');
      assert.deepEqual(analyseText(fixed, DEFAULT_SETTINGS).diagnostics, []);
    }
  });

  it('merges a misplaced volumes block into the pod\'s volumes when the pod has others', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts:
              - {name: keys, mountPath: /keys}
              - {name: data, mountPath: /data}
            volumes:
              - name: keys
                secret:
                  secretName: keys
        volumes:
          - name: data
            emptyDir: {}
    `;
    const analysis = analyseText(text, DEFAULT_SETTINGS);
    const d = analysis.diagnostics.find((x) => x.rule === 'field-at-wrong-level')!;
    const [merge] = fixesOf(text, analysis, d);
    assert.equal(merge.title, 'Merge volumes into spec.volumes');
    const fixed = apply(text, analysis, d.document, merge);
    assert.match(fixed, /\n {2}volumes:\n {4}- name: data\n {6}emptyDir: \{\}\n {4}- name: keys\n {6}secret:\n {8}secretName: keys\n$/);
    assert.deepEqual(analyseText(fixed, DEFAULT_SETTINGS).diagnostics, []);
  });

  it('B19: adds a sizeLimit to the memory emptyDir; the unused volume can be removed', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B19-chrome-dev-shm-memory-emptydir-no-limit.yaml'), 'utf8');
    assert.deepEqual(titles(text, 'memory-emptydir-without-size-limit'), ['*Add sizeLimit: 1Gi', 'Disable memory-emptydir-without-size-limit for this line']);
  });

  it('B15: offers the pull secret the default ServiceAccount lists, on the pod spec or on the ServiceAccount the pod runs as', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B15-custom-serviceaccount-without-pull-secret.yaml'), 'utf8');
    assert.deepEqual(titles(text, 'private-image-without-pull-secret').slice(0, 2), ['*Add imagePullSecrets: [regcred] to the pod spec', 'Add imagePullSecrets: [regcred] to ServiceAccount reports-sa']);
    const analysis = analyseText(text, DEFAULT_SETTINGS);
    const d = analysis.diagnostics.find((x) => x.rule === 'private-image-without-pull-secret')!;
    const onAccount = fixesOf(text, analysis, d).find((f) => f.title.endsWith('to ServiceAccount reports-sa'))!;
    const fixed = apply(text, analysis, d.document, onAccount);
    // The edit lands in the ServiceAccount's document, not the Deployment's, and the warning goes.
    assert.match(fixed, /name: reports-sa\n  namespace: team-a\nimagePullSecrets:\n  - name: regcred\n---/);
    assert.deepEqual(analyseText(fixed, DEFAULT_SETTINGS).diagnostics.filter((x) => x.rule === 'private-image-without-pull-secret'), []);
  });

  it('B15: offers imagePullSecrets naming the registry Secret of the file', () => {
    const text = `${readFileSync(path.join(SHARED, 'seed/05-registry-secret.yaml'), 'utf8')}---\n${readFileSync(path.join(SHARED, 'seed/02-emptydir-log-storage.yaml'), 'utf8')}`;
    assert.deepEqual(titles(text, 'private-image-without-pull-secret')[0], '*Add imagePullSecrets: [regcred] to the pod spec');
  });
});
