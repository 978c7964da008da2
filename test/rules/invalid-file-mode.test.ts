import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, found, foundBy, inEveryWorkload, rejectionPattern, textAt, yaml } from '../helpers';

const RULE = 'invalid-file-mode';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts:
          - {name: tls, mountPath: /tls}
          - {name: conf, mountPath: /conf}
          - {name: all, mountPath: /all}
          - {name: ok, mountPath: /ok}
    volumes:
      - name: tls
        secret:
          secretName: tls
          defaultMode: 750
      - name: conf
        configMap:
          name: conf
          items:
            - {key: a, path: a, mode: -1}
      - name: all
        projected:
          defaultMode: 01777
          sources:
            - downwardAPI:
                items:
                  - {path: labels, fieldRef: {fieldPath: metadata.labels}, mode: 999}
      - name: ok
        secret: {secretName: ok, defaultMode: 0400, items: [{key: a, path: a, mode: 511}]}
  `;
  it('offers the owner-only mode for Secret files only where the containers that mount them can read it', () => {
    const withUser = (security: string): string[] => foundBy(RULE, inEveryWorkload(`${security}\ncontainers: [{name: a, image: nginx, volumeMounts: [{name: tls, mountPath: /tls}]}]\nvolumes: [{name: tls, secret: {secretName: tls, defaultMode: 640}}]`)[0].text)[0].data?.suggestions as string[];
    assert.deepEqual(withUser('securityContext: {runAsUser: 0}'), ['0640', '0400']);
    assert.deepEqual(withUser('securityContext: {runAsUser: 1000}'), ['0640'], 'root-owned 0400 files would lock the container out');
    assert.deepEqual(withUser('securityContext: {fsGroup: 2000}'), ['0640', '0400'], 'with fsGroup the kubelet adds group read');
  });

  for (const w of inEveryWorkload(POD)) {
    it(`reports modes outside 0..0777 in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.volumes[0].secret.defaultMode`,
        `${w.path}.volumes[1].configMap.items[0].mode`,
        `${w.path}.volumes[2].projected.defaultMode`,
        `${w.path}.volumes[2].projected.sources[0].downwardAPI.items[0].mode`,
      ]);
      assert.equal(textAt(w.text, d[0]), '750');
      assert.match(d[0].message, /^750 is read as decimal 750 \(octal 01356\), above 0777; did you mean 0750\?/);
      // A Secret's files: the owner-only mode too, the container's user being the image's (secret-readers.ts).
      assert.deepEqual(d[0].data?.suggestions, ['0750', '0400']);
      assert.equal(d[0].data?.decimal, 488);
      assert.match(d[1].message, /-1 is negative/);
      assert.match(d[2].message, /01777 is 1023 \(octal 01777\), above 0777/);
      assert.deepEqual(d[3].data?.suggestions, []);
      assert.match(d[0].message, rejectionPattern(w.kind));
      // Root cause only: the volume is declared, so its mount is not reported.
      assert.deepEqual(found(w.text).filter((f) => f.startsWith('mount-without-volume')), []);
    });
  }

  it('ignores the modes of a volume with two sources (the two sources are the error)', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: a, image: nginx, volumeMounts: [{name: v, mountPath: /v}]}]
        volumes: [{name: v, secret: {secretName: s}, configMap: {name: c, defaultMode: 999}}]
    `;
    assert.deepEqual(foundBy(RULE, text), []);
  });

  it('says a float or a hex mode is a plain number, and an octal one sets special bits', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: a, image: nginx, volumeMounts: [{name: v, mountPath: /v}]}]
        volumes: [{name: v, configMap: {name: c, defaultMode: 0644.0, items: [{key: a, path: a, mode: 0x1ff0}, {key: b, path: b, mode: 0o4755}]}}]
    `;
    const messages = foundBy(RULE, text).map((d) => d.message.split(';')[0]);
    assert.deepEqual(messages, [
      '0644.0 is read as decimal 644 (octal 01204), above 0777',
      '0x1ff0 is 8176 (octal 017760), above 0777',
      '0o4755 is 2541 (octal 04755), above 0777: setuid, setgid and sticky bits cannot be set here',
    ]);
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
