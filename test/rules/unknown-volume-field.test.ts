import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found, foundBy, inEveryWorkload, textAt, yaml } from '../helpers';

const RULE = 'unknown-volume-field';

describe(RULE, () => {
  const POD = yaml`
    containers:
      - {name: app, image: nginx, volumeMounts: [{name: data, mountPath: /data}]}
    volumes:
      - name: data
        persistentVolumeClam:
          claimName: data
  `;
  for (const w of inEveryWorkload(POD)) {
    it(`reports a misspelt source with the real one in a ${w.kind}`, () => {
      const [d] = foundBy(RULE, w.text);
      assert.equal(d.fieldPath, `${w.path}.volumes[0].persistentVolumeClam`);
      assert.equal(textAt(w.text, d), 'persistentVolumeClam');
      assert.match(d.message, /Did you mean "persistentVolumeClaim"\?/);
      // Neither the mount nor "no source" is reported on top of the root cause.
      assert.deepEqual(found(w.text), [`${RULE} @ ${w.path}.volumes[0].persistentVolumeClam`]);
    });
  }

  it('matches sources case-insensitively and ignores patch directives', () => {
    const text = inEveryWorkload(POD.replace('persistentVolumeClam:\n      claimName: data', 'emptydir: {}\n    $patch: delete'))[0].text;
    assert.deepEqual(foundBy(RULE, text).map((d) => d.data?.suggestions), [['emptyDir']]);
  });
});
