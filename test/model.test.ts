import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocumentModel } from '../server/src/core/model/parse-document';
import { inEveryWorkload, lint, yaml } from './helpers';

const POD = yaml`
  volumes:
    - name: data
      emptyDir: {}
  initContainers:
    - name: init
      image: busybox
      volumeMounts: [{name: data, mountPath: /d}]
  containers:
    - name: app
      image: nginx
      volumeMounts:
        - name: data
          mountPath: /data
      volumeDevices:
        - name: raw
          devicePath: /dev/xvda
  ephemeralContainers:
    - name: debug
      image: busybox
      volumeMounts: [{name: data, mountPath: /dbg}]
`;

describe('document model', () => {
  it('reads YAML with 1.1 rules, as the API server does: 0644 is 420, yes is true', () => {
    const model = parseDocumentModel(yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: a, image: nginx}]
        volumes:
          - name: s
            secret: {secretName: s, defaultMode: 0644, optional: yes}
    `);
    const secret = model.podSpecs[0].volumes[0].sources[0].pair.value as { toJSON(): unknown };
    assert.deepEqual(secret.toJSON(), { secretName: 's', defaultMode: 420, optional: true });
  });

  for (const workload of inEveryWorkload(POD)) {
    it(`finds the pod spec, containers of every kind, mounts and devices in a ${workload.kind}`, () => {
      const model = parseDocumentModel(workload.text);
      assert.equal(model.podSpecs.length, 1);
      const podSpec = model.podSpecs[0];
      assert.equal(podSpec.path, workload.path);
      assert.deepEqual(podSpec.volumes.map((v) => v.name?.value), ['data']);
      assert.deepEqual(podSpec.containers.map((c) => `${c.kind}:${c.name?.value}`), ['containers:app', 'initContainers:init', 'ephemeralContainers:debug']);
      const app = podSpec.containers[0];
      assert.equal(app.mounts[0].path, `${workload.path}.containers[0].volumeMounts[0]`);
      assert.equal(app.devices[0].target?.value, '/dev/xvda');
    });
  }

  it('finds pod specs of List items with items[i] paths', () => {
    const text = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: c}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: d}
          spec:
            selector: {matchLabels: {a: b}}
            template:
              spec:
                containers: [{name: a, image: nginx}]
    `;
    const model = parseDocumentModel(text);
    assert.deepEqual(model.podSpecs.map((p) => p.path), ['items[1].spec.template.spec']);
  });

  it('counts StatefulSet claim templates', () => {
    const model = parseDocumentModel(yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: s}
      spec:
        selector: {matchLabels: {a: b}}
        template:
          spec:
            containers: [{name: a, image: nginx}]
        volumeClaimTemplates:
          - metadata: {name: data}
    `);
    assert.deepEqual(model.podSpecs[0].claimTemplates.map((t) => [t.name?.value, t.path]), [['data', 'spec.volumeClaimTemplates[0]']]);
  });

  it('ignores kinds of other API groups that reuse a workload name', () => {
    const model = parseDocumentModel('apiVersion: example.com/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: []\n');
    assert.equal(model.podSpecs.length, 0);
  });

  it('marks a Deployment without selector (a kustomize patch) as partial', () => {
    const model = parseDocumentModel('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: nginx}]\n');
    assert.equal(model.podSpecs[0].object.partial, true);
  });

  it('marks as partial what the API server would never accept whole: a patch merged onto a base', () => {
    const partial = (text: string): boolean => parseDocumentModel(text).podSpecs[0].object.partial;
    const pod = 'containers: [{name: a, image: example/a:2, volumeMounts: [{name: certs, mountPath: /certs}]}]';
    // A Job or CronJob template needs restartPolicy OnFailure or Never: the default, Always, is refused.
    assert.equal(partial(`apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n    spec: {${pod}}\n`), true);
    assert.equal(partial(`apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n    spec: {restartPolicy: Never, ${pod}}\n`), false);
    assert.equal(partial(`apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec: {${pod}}\n`), true);
    // An apps/v1 workload's selector must match its template's labels: a template without labels is a patch.
    const daemonSet = (template: string): string => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  selector: {matchLabels: {app: x}}\n  template:\n${template}    spec: {${pod}}\n`;
    assert.equal(partial(daemonSet('')), true);
    assert.equal(partial(daemonSet('    metadata: {annotations: {a: b}}\n')), true);
    assert.equal(partial(daemonSet('    metadata: {labels: {app: x}}\n')), false);
    // A selector of NotIn or DoesNotExist terms alone matches a template without labels: whole.
    const negative = daemonSet('').replace('selector: {matchLabels: {app: x}}', 'selector: {matchExpressions: [{key: canary, operator: DoesNotExist}]}');
    assert.equal(partial(negative), false);
    assert.equal(partial(negative.replace('DoesNotExist}', 'Exists}')), true);
    // A Pod has neither: only a container without image tells its patch apart.
    assert.equal(partial(`apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {${pod}}\n`), false);
  });

  it('marks objects with Helm actions as templated and still reads them', () => {
    const model = parseDocumentModel('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  containers: [{name: a, image: nginx}]\n');
    assert.equal(model.syntaxProblems.length, 0);
    assert.equal(model.podSpecs[0].object.templated, true);
  });
});

describe('kustomize overlays of test/fixtures/kustomize', () => {
  // Each patch mounts a volume only its base declares, and would be accepted by no API server on
  // its own (a Job without restartPolicy, a template without the labels its selector matches).
  const folder = path.join(__dirname, 'fixtures', 'kustomize');
  for (const file of readdirSync(path.join(folder, 'overlay')).filter((f) => f.endsWith('-patch.yaml'))) {
    it(`${file}: no finding`, () => {
      assert.deepEqual(lint(readFileSync(path.join(folder, 'overlay', file), 'utf8')), []);
    });
  }
  it('the base: only the volumes the overlay mounts, as unused in the base alone', () => {
    const found = readdirSync(path.join(folder, 'base')).filter((f) => f !== 'kustomization.yaml').sort()
      .flatMap((file) => lint(readFileSync(path.join(folder, 'base', file), 'utf8')).map((d) => `${file} ${d.rule} ${d.fieldPath}`));
    assert.deepEqual(found, [
      'log-agent.yaml unused-volume spec.template.spec.volumes[0].name',
      'migrate-job.yaml unused-volume spec.template.spec.volumes[1].name',
      'report-cronjob.yaml unused-volume spec.jobTemplate.spec.template.spec.volumes[0].name',
    ]);
  });
});
