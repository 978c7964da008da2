/**
 * Every reproduction in ../shared/cases and every seed example, with the exact findings a user
 * needed to see (rule @ field path, by document) and nothing more. The files are read in place
 * and never modified.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from './helpers';

const SHARED = path.resolve(__dirname, '..', '..', 'shared');

/** `document: rule @ fieldPath`, in file order. */
const EXPECTED: Record<string, string[]> = {
  'cases/B01-mount-name-typo-scratch.yaml': [
    '0: private-image-without-pull-secret @ spec.containers[0].image',
    '0: mount-without-volume @ spec.containers[0].volumeMounts[0].name',
  ],
  // The mode is the root cause: the mount of the volume must not be reported as well.
  'cases/B03-defaultMode-750-decimal.yaml': [
    '0: private-image-without-pull-secret @ spec.template.spec.containers[0].image',
    '0: invalid-file-mode @ spec.template.spec.volumes[0].secret.defaultMode',
  ],
  'cases/B04-defaultMode-420-world-readable-secret.yaml': [
    '0: private-image-without-pull-secret @ spec.template.spec.containers[0].image',
    '0: world-readable-secret @ spec.template.spec.volumes[0].projected.defaultMode',
  ],
  'cases/B05-statefulset-mounts-undeclared-volumes.yaml': [
    '0: private-image-without-pull-secret @ spec.template.spec.containers[0].image',
    // Not what the case is about, but true: the configMap file mounted with subPath never updates.
    '0: sub-path-never-updated @ spec.template.spec.containers[0].volumeMounts[2].subPath',
    '0: mount-without-volume @ spec.template.spec.containers[0].volumeMounts[3].name',
    '0: mount-without-volume @ spec.template.spec.containers[0].volumeMounts[4].name',
    '0: mount-without-volume @ spec.template.spec.containers[0].volumeMounts[5].name',
  ],
  'cases/B06-operator-generated-sts-missing-configmap-volume.yaml': [
    '0: private-image-without-pull-secret @ spec.template.spec.containers[0].image',
    '0: mount-without-volume @ spec.template.spec.containers[0].volumeMounts[1].name',
  ],
  'cases/B08-vct-mount-must-not-be-flagged.yaml': ['0: private-image-without-pull-secret @ spec.template.spec.containers[0].image'],
  'cases/B10-volumes-nested-under-initcontainer.yaml': [
    '0: private-image-without-pull-secret @ spec.template.spec.initContainers[0].image',
    '0: field-at-wrong-level @ spec.template.spec.initContainers[0].volumes',
    '0: private-image-without-pull-secret @ spec.template.spec.containers[0].image',
  ],
  'cases/B11-volumeClaimTemplates-inside-pod-template.yaml': [
    '0: private-image-without-pull-secret @ spec.template.spec.containers[0].image',
    '0: field-at-wrong-level @ spec.template.spec.volumeClaimTemplates',
  ],
  // The header asks for a warning on the Secret; the API server in fact rejects it (data[.dockercfg]: Required value).
  'cases/B12-imagePullSecrets-under-container-and-dockercfg-type.yaml': [
    '0: pull-secret-missing-key @ type',
    '1: private-image-without-pull-secret @ spec.template.spec.containers[0].image',
    '1: field-at-wrong-level @ spec.template.spec.containers[0].imagePullSecrets',
  ],
  'cases/B13-pull-secret-type-opaque.yaml': ['0: pull-secret-wrong-type @ type'],
  'cases/B15-custom-serviceaccount-without-pull-secret.yaml': ['2: private-image-without-pull-secret @ spec.template.spec.containers[0].image'],
  'cases/B16-configmap-subpath-not-updated.yaml': [
    '0: sub-path-never-updated @ spec.template.spec.containers[0].volumeMounts[0].subPath',
    '0: sub-path-never-updated @ spec.template.spec.containers[0].volumeMounts[1].subPath',
  ],
  'cases/B18-configmap-shadows-home-directory.yaml': ['0: config-mount-hides-directory @ spec.containers[0].volumeMounts[0].mountPath'],
  'cases/B19-chrome-dev-shm-memory-emptydir-no-limit.yaml': [
    '0: browser-without-shm @ spec.template.spec.containers[0]',
    '1: memory-emptydir-without-size-limit @ spec.template.spec.volumes[0].emptyDir',
  ],
  'cases/B21-database-on-emptydir-data-loss.yaml': ['0: database-on-emptydir @ spec.template.spec.volumes[0].emptyDir'],
  'cases/B23-duplicate-mountpath-kustomize-base.yaml': [
    '0: duplicate-mount-path @ spec.template.spec.containers[0].volumeMounts[1].mountPath',
    '0: duplicate-mount-path @ spec.template.spec.containers[0].volumeMounts[2].mountPath',
  ],
  'cases/B23-duplicate-mountpath-kustomize-patch.yaml': [],
  'cases/B24-volume-with-two-sources-after-merge.yaml': ['0: multiple-volume-sources @ spec.template.spec.volumes[0]'],
  'seed/01-chrome-node-hostpath-shm.yaml': ['0: host-path-dev-shm @ spec.template.spec.volumes[0].hostPath'],
  'seed/02-emptydir-log-storage.yaml': ['0: private-image-without-pull-secret @ spec.containers[0].image'],
  'seed/03-configmap-stableconfig.yaml': ['0: credentials-in-configmap @ data[autouicluster]'],
  // The seed mounts its ConfigMap with readOnly: false, as if the job could write its configs there.
  'seed/04-job-configmap-pullsecret.yaml': ['0: read-only-false-no-effect @ spec.template.spec.containers[0].volumeMounts[0].readOnly'],
  'seed/05-registry-secret.yaml': [],
  // Pasted without indentation: repeated keys at the top level; the paste repair fix rebuilds them (paste-repair.test.ts).
  'seed/06-flattened-job-as-pasted.yaml': ['0: yaml-syntax @ ', '0: yaml-syntax @ '],
  'seed/07-flattened-pod-as-pasted.yaml': ['0: yaml-syntax @ '],
};

describe('cases and seed examples', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.length === 0 ? 'nothing' : expected.map((e) => e.split(' @ ')[0].slice(3)).join(', ')}`, () => {
      const text = readFileSync(path.join(SHARED, file), 'utf8');
      assert.deepEqual(lint(text).map((d) => `${d.document}: ${d.rule} @ ${d.fieldPath}`), expected);
    });
  }

  it('B05: the StatefulSet errors say the pods will never be created', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B05-statefulset-mounts-undeclared-volumes.yaml'), 'utf8');
    const errors = lint(text).filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => d.data?.name), ['nifi-extensions', 'krb5-temp', 'jdk-link']);
    assert.ok(errors.every((d) => /accepted, but the controller cannot create any of its pods/.test(d.message)));
  });

  it('B03: reads 750 as decimal, says so and offers 0750, and 0400 for the Secret', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B03-defaultMode-750-decimal.yaml'), 'utf8');
    const [d] = lint(text).filter((x) => x.rule === 'invalid-file-mode');
    assert.match(d.message, /^750 is read as decimal 750 \(octal 01356\), above 0777; did you mean 0750\?/);
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.data?.suggestions, ['0750', '0400']);
  });

  it('B04: warns that the Secret files are readable by everyone, and offers 0400', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B04-defaultMode-420-world-readable-secret.yaml'), 'utf8');
    const [d] = lint(text).filter((x) => x.rule === 'world-readable-secret');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /420 is 0644 \(rw-r--r--\): every user in the container can read/);
    assert.deepEqual(d.data?.suggestions, ['0400', '0440']);
  });

  it('B18: suggests mounting the one file with subPath', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B18-configmap-shadows-home-directory.yaml'), 'utf8');
    const [d] = lint(text).filter((x) => x.rule === 'config-mount-hides-directory');
    assert.deepEqual(d.data?.suggestion, { mountPath: '/root/config.json', subPath: 'config.json' });
  });

  it('B01: suggests the volume the typo meant', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B01-mount-name-typo-scratch.yaml'), 'utf8');
    const [d] = lint(text).filter((x) => x.rule === 'mount-without-volume');
    assert.match(d.message, /Did you mean "scratch-volume"\?/);
    assert.deepEqual({ line: d.range.start.line, character: d.range.start.character }, { line: 13, character: 16 });
  });

  it('B15: names the ServiceAccount that supplies no pull secret, and leaves the public sidecar alone', () => {
    const text = readFileSync(path.join(SHARED, 'cases/B15-custom-serviceaccount-without-pull-secret.yaml'), 'utf8');
    const [d] = lint(text);
    assert.match(d.message, /ServiceAccount "reports-sa" \(defined in this file\)/);
  });

  it('covers every file of cases/ and seed/', async () => {
    const { readdirSync } = await import('node:fs');
    const all = ['cases', 'seed'].flatMap((dir) => readdirSync(path.join(SHARED, dir)).filter((f) => f.endsWith('.yaml')).map((f) => `${dir}/${f}`));
    assert.deepEqual(all.sort(), Object.keys(EXPECTED).sort());
  });
});
