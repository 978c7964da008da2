import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { found } from './helpers';

const pod = (prefix: string, mountLine = ''): string =>
  `${prefix}apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: registry.example.com/a\n      volumeMounts:\n${mountLine}        - {name: nope, mountPath: /x}\n`;

describe('disable comments', () => {
  it('silences the named rule on the next line only', () => {
    assert.deepEqual(found(pod('', '        # kube-volumes-disable-next-line mount-without-volume\n')), ['private-image-without-pull-secret @ spec.containers[0].image']);
    assert.equal(found(pod('', '        # kube-volumes-disable-next-line unused-volume\n')).length, 2);
  });

  it('silences every rule on the next line when no rule is named', () => {
    assert.equal(found(pod('', '        # kube-volumes-disable-next-line\n')).length, 1);
  });

  it('silences rules in the whole file', () => {
    assert.deepEqual(found(pod('# kube-volumes-disable private-image-without-pull-secret, mount-without-volume\n')), []);
    assert.deepEqual(found(pod('# kube-volumes-disable\n')), []);
  });
});
