import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertSecondDocument, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'world-readable-secret';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - name: app
        image: nginx
        volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}, {name: c, mountPath: /c}, {name: d, mountPath: /d}]
    volumes:
      - name: a
        secret: {secretName: a, defaultMode: 420}
      - name: b
        projected: {defaultMode: 0644, sources: [{secret: {name: b}}]}
      - name: c
        secret: {secretName: c, defaultMode: 0440, items: [{key: k, path: k, mode: 0644}]}
      - name: d
        configMap: {name: d, defaultMode: 0644}
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`warns on explicit modes that let everyone read Secret files in a ${w.kind}`, () => {
      const d = foundBy(RULE, w.text);
      assert.deepEqual(d.map((x) => x.fieldPath), [
        `${w.path}.volumes[0].secret.defaultMode`,
        `${w.path}.volumes[1].projected.defaultMode`,
        `${w.path}.volumes[2].secret.items[0].mode`,
      ]);
      assert.equal(textAt(w.text, d[0]), '420');
      assert.match(d[0].message, /420 is 0644 \(rw-r--r--\)/);
      assert.deepEqual(d[0].data?.suggestions, ['0400', '0440']);
    });
  }

  it('stays silent when no mode is written (the 0644 default is not a choice the author made)', () => {
    const w = inEveryWorkload('containers: [{name: a, image: nginx, volumeMounts: [{name: s, mountPath: /s}]}]\nvolumes: [{name: s, secret: {secretName: s}}]')[0];
    assert.deepEqual(foundBy(RULE, w.text), []);
  });

  describe('offers the modes the containers that mount the volume can still read', () => {
    const pod = (podSecurity: string, containerSecurity: string): string => inEveryWorkload(yaml`
      ${podSecurity}
      containers:
        - name: app
          image: nginx
          ${containerSecurity}
          volumeMounts: [{name: tls, mountPath: /tls}]
        - name: other
          image: nginx
          securityContext: {runAsUser: 2000}
      volumes:
        - {name: tls, secret: {secretName: tls, defaultMode: 0644}}
    `)[0].text;
    const advice = (text: string): { suggestions: unknown; message: string } => {
      const [d] = foundBy(RULE, text);
      return { suggestions: d.data?.suggestions, message: d.message };
    };

    it('0440 first with an fsGroup: the kubelet gives the group read', () => {
      const d = advice(pod('securityContext: {fsGroup: 1000, runAsUser: 1000}', ''));
      assert.deepEqual(d.suggestions, ['0440', '0400']);
      assert.match(d.message, /fsGroup 1000/);
    });

    it('0400 first for a container that runs as root (an unmounting container as another user does not count)', () => {
      assert.deepEqual(advice(pod('', 'securityContext: {runAsUser: 0}')).suggestions, ['0400', '0440']);
    });

    it('no mode alone for a non-root container without fsGroup: the files belong to root, and it would be locked out', () => {
      for (const text of [pod('securityContext: {runAsUser: 1000}', ''), pod('securityContext: {runAsUser: 0}', 'securityContext: {runAsUser: 65532}'), pod('securityContext: {runAsNonRoot: true}', ''), pod('', 'securityContext: {runAsNonRoot: true}')]) {
        const d = advice(text);
        assert.deepEqual(d.suggestions, []);
        assert.match(d.message, /set the pod's securityContext\.fsGroup and use 0440/);
      }
    });

    it('both, saying when each works, when the user is the image\'s', () => {
      const d = advice(pod('', ''));
      assert.deepEqual(d.suggestions, ['0400', '0440']);
      assert.match(d.message, /0400 if the container runs as root, or 0440 with the pod's fsGroup/);
    });
  });

  it('reports in the right document', () => assertSecondDocument(RULE, inEveryWorkload(POD)[0].text));
});
