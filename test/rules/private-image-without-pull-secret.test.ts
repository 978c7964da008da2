import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'private-image-without-pull-secret';
const pod = (image: string, extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns}\nspec:\n${extra}  containers:\n    - name: app\n      image: ${image}\n`;

describe(RULE, () => {
  for (const image of ['registry:5000/app', 'registry.example.com/app:1', 'localhost.example.com/app', 'harbor.corp.internal/team/app@sha256:abc']) {
    it(`warns at the image for ${image}`, () => {
      const text = pod(image);
      const [d] = foundBy(RULE, text);
      assert.equal(d.fieldPath, 'spec.containers[0].image');
      assert.equal(d.severity, 'warning');
      assert.equal(textAt(text, d), image);
    });
  }

  for (const image of ['nginx', 'nginx:1.27', 'docker.io/library/busybox', 'bitnami/redis:7', 'quay.io/prometheus/prometheus', 'registry.k8s.io/pause:3.9', 'ghcr.io/org/app']) {
    it(`accepts the public image ${image}`, () => assert.deepEqual(foundBy(RULE, pod(image)), []));
  }

  // The local registries of kind (localhost:5001), minikube (localhost:5000) and k3d (NAME.localhost) serve without credentials.
  for (const image of ['localhost:5000/app:dev', 'localhost/app', '127.0.0.1:5001/app', 'k3d-registry.localhost:12345/app', '[::1]:5000/app']) {
    it(`accepts the node-local image ${image}`, () => assert.deepEqual(foundBy(RULE, pod(image)), []));
  }

  for (const image of ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app', 'europe-docker.pkg.dev/p/r/app', 'gcr.io/p/app', 'myreg.azurecr.io/app']) {
    it(`gives cloud registry ${image} an information only`, () => {
      assert.deepEqual(foundBy(RULE, pod(image)), []);
      const [d] = foundBy('cloud-image-without-pull-secret', pod(image));
      assert.equal(d.severity, 'info');
    });
  }

  it('checks image volumes, which the kubelet pulls with the pod\'s pull secrets', () => {
    const volume = '  volumes:\n    - name: models\n      image: {reference: registry.example.com/ml/models:3, pullPolicy: IfNotPresent}\n';
    const text = pod('nginx', '') + volume;
    const [d, ...rest] = foundBy(RULE, text);
    assert.equal(rest.length, 0);
    assert.equal(d.fieldPath, 'spec.volumes[0].image.reference');
    assert.equal(textAt(text, d), 'registry.example.com/ml/models:3');
    assert.match(d.message, /^Image volume "models" \("registry\.example\.com\/ml\/models:3"\) comes from registry\.example\.com/);
    assert.deepEqual(foundBy(RULE, pod('nginx', '  imagePullSecrets: [{name: regcred}]\n') + volume), []);
    assert.deepEqual(foundBy(RULE, pod('nginx', '') + volume.replace('registry.example.com/', 'quay.io/')), []);
  });

  it('accepts pods with imagePullSecrets', () => {
    assert.deepEqual(foundBy(RULE, pod('registry.example.com/app', '  imagePullSecrets: [{name: regcred}]\n')), []);
  });

  it('accepts a pod whose ServiceAccount in the same file has pull secrets, and names the one that has none', () => {
    const sa = (name: string, secrets: boolean): string =>
      `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: ns}\n${secrets ? 'imagePullSecrets: [{name: regcred}]\n' : ''}`;
    const withSa = `${sa('builder', true)}---\n${pod('registry.example.com/app', '  serviceAccountName: builder\n')}`;
    assert.deepEqual(foundBy(RULE, withSa), []);
    const withDefault = `${sa('default', true)}---\n${pod('registry.example.com/app')}`;
    assert.deepEqual(foundBy(RULE, withDefault), []);
    const without = `${sa('default', true)}---\n${sa('builder', false)}---\n${pod('registry.example.com/app', '  serviceAccountName: builder\n')}`;
    const [d] = foundBy(RULE, without);
    assert.equal(d.document, 2);
    assert.match(d.message, /ServiceAccount "builder" \(defined in this file\) lists imagePullSecrets/);
  });

  it('honours kubeVolumes.publicRegistries, with wildcards', () => {
    assert.deepEqual(foundBy(RULE, pod('registry.example.com/app'), { publicRegistries: ['*.example.com'] }), []);
    assert.deepEqual(foundBy(RULE, pod('registry:5000/app'), { publicRegistries: ['registry:5000'] }), []);
  });

  it('checks every container kind of every workload', () => {
    const spec = yaml`
      initContainers: [{name: i, image: registry.example.com/i}]
      containers: [{name: c, image: registry.example.com/c}]
    `;
    for (const w of inEveryWorkload(spec)) {
      assert.deepEqual(foundBy(RULE, w.text).map((d) => d.fieldPath), [`${w.path}.containers[0].image`, `${w.path}.initContainers[0].image`].sort((a, b) => (a.includes('init') ? -1 : 1) - (b.includes('init') ? -1 : 1)), w.kind);
    }
  });

  it('ignores images it cannot judge: templates and variables', () => {
    assert.deepEqual(foundBy(RULE, pod('"${REGISTRY}/app"')), []);
  });

  it('stays quiet in a Helm template, where a ServiceAccount may get generated pull secrets', () => {
    const sa = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: ns}\nimagePullSecrets:\n  {{- toYaml .Values.pullSecrets | nindent 2 }}\n';
    assert.deepEqual(foundBy(RULE, `${sa}---\n${pod('registry.example.com/app')}`), []);
  });
});
