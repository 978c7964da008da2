import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found, foundBy, inEveryWorkload, lint, textAt, yaml } from '../helpers';

const RULE = 'mount-without-volume';

describe(RULE, () => {
  const broken = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - name: cache
            mountPath: /cache
    volumes:
      - name: cache-volume
        emptyDir: {}
  `;

  for (const w of inEveryWorkload(broken)) {
    it(`reports the unmatched mount in a ${w.kind}, on the name, with the nearest volume`, () => {
      const [d] = foundBy(RULE, w.text);
      assert.equal(d.fieldPath, `${w.path}.containers[0].volumeMounts[0].name`);
      assert.equal(d.severity, 'error');
      assert.equal(textAt(w.text, d), 'cache');
      assert.match(d.message, /Did you mean "cache-volume"\?/);
      assert.deepEqual(d.data?.suggestions, ['cache-volume']);
      // Root cause only: the volume the typo meant is not also reported as unused.
      assert.deepEqual(found(w.text).filter((f) => f.startsWith('unused-volume')), []);
    });
  }

  it('says a StatefulSet is accepted but its pods are never created', () => {
    const sts = inEveryWorkload(broken).find((w) => w.kind === 'StatefulSet')!;
    assert.match(foundBy(RULE, sts.text)[0].message, /StatefulSet will be accepted, but the controller cannot create any of its pods/);
    const deployment = inEveryWorkload(broken).find((w) => w.kind === 'Deployment')!;
    assert.match(foundBy(RULE, deployment.text)[0].message, /API server rejects the Deployment/);
  });

  it('notes when the mount uses the Secret name instead of the volume name', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts: [{name: tls-certs, mountPath: /tls}]
        volumes:
          - name: tls
            secret: {secretName: tls-certs}
    `;
    const [d] = foundBy(RULE, text);
    assert.match(d.message, /"tls-certs" is the Secret used by volume "tls"/);
    assert.deepEqual(d.data?.suggestions, ['tls']);
  });

  it('checks init, sidecar and ephemeral containers and volumeDevices', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        initContainers:
          - {name: init, image: busybox, volumeMounts: [{name: a, mountPath: /a}]}
          - {name: sidecar, image: busybox, restartPolicy: Always, volumeMounts: [{name: b, mountPath: /b}]}
        containers:
          - name: app
            image: nginx
            volumeDevices: [{name: c, devicePath: /dev/c}]
        ephemeralContainers:
          - {name: dbg, image: busybox, volumeMounts: [{name: d, mountPath: /d}]}
    `;
    assert.deepEqual(foundBy(RULE, text).map((d) => d.fieldPath), [
      'spec.initContainers[0].volumeMounts[0].name',
      'spec.initContainers[1].volumeMounts[0].name',
      'spec.containers[0].volumeDevices[0].name',
      'spec.ephemeralContainers[0].volumeMounts[0].name',
    ]);
  });

  it('points related information at the volumes list', () => {
    const w = inEveryWorkload(broken)[0];
    const [d] = foundBy(RULE, w.text);
    assert.equal(d.related.length, 1);
    assert.equal(w.text.split('\n')[d.related[0].range.start.line].trim(), 'volumes:');
  });

  it('accepts claim template names in a StatefulSet, and only there', () => {
    const sts = yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: s}
      spec:
        selector: {matchLabels: {a: b}}
        template:
          spec:
            containers: [{name: a, image: nginx, volumeMounts: [{name: data, mountPath: /data}]}]
        volumeClaimTemplates:
          - metadata: {name: data}
    `;
    assert.deepEqual(foundBy(RULE, sts), []);
  });

  it('stays quiet on kustomize patches and Helm templates, where names may come from elsewhere', () => {
    const patch = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d}
      spec:
        template:
          spec:
            containers:
              - name: app
                volumeMounts: [{name: from-base, mountPath: /x}]
    `;
    assert.deepEqual(lint(patch), []);
    const helm = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: app
            image: nginx
            volumeMounts: [{name: extra, mountPath: /x}]
        volumes:
          {{- toYaml .Values.volumes | nindent 4 }}
    `;
    assert.deepEqual(lint(helm), []);
  });

  it('reports each of several documents at its own document index', () => {
    const w = inEveryWorkload(broken);
    const text = `${w[0].text}---\n${w[2].text}`;
    assert.deepEqual(foundBy(RULE, text).map((d) => [d.document, d.fieldPath]), [
      [0, 'spec.containers[0].volumeMounts[0].name'],
      [1, 'spec.template.spec.containers[0].volumeMounts[0].name'],
    ]);
  });
});
