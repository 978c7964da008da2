/** Paste repair: manifests that lost their indentation come back as the data they were. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { repairIndentation } from '../server/src/core/paste/repair';
import { fileOf, lint } from './helpers';

const SEED = path.resolve(__dirname, '..', '..', 'shared', 'seed');
const read = (name: string): string => readFileSync(path.join(SEED, name), 'utf8');
const data = (text: string): unknown => parse(text, { version: '1.1' });
const flatten = (text: string): string => text.split('\n').map((l) => l.trimStart()).join('\n');

describe('paste repair', () => {
  it('rebuilds the seed Job pasted without indentation into the original, as data', () => {
    const result = repairIndentation(read('06-flattened-job-as-pasted.yaml'));
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(data(result.text), data(read('04-job-configmap-pullsecret.yaml')));
    // The repaired Job gets exactly what the original gets.
    const findings = (text: string): string[] => lint(text).map((d) => `${d.rule} @ ${d.fieldPath}`);
    assert.deepEqual(findings(result.text), findings(read('04-job-configmap-pullsecret.yaml')));
  });

  it('rebuilds the seed Pod, telling its labels from its metadata', () => {
    const result = repairIndentation(read('07-flattened-pod-as-pasted.yaml'));
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(data(result.text), data(read('02-emptydir-log-storage.yaml')));
  });

  it('keeps every line\'s text and comments, changing only indentation', () => {
    const flat = read('06-flattened-job-as-pasted.yaml');
    const result = repairIndentation(flat);
    assert.ok(result.ok);
    assert.deepEqual(flatten(result.text), flat.replace(/\n$/, '').split('\n').map((l) => l.trimStart()).join('\n') + '\n');
  });

  it('round-trips real manifests flattened on purpose', () => {
    for (const name of ['04-job-configmap-pullsecret.yaml', '02-emptydir-log-storage.yaml', '01-chrome-node-hostpath-shm.yaml']) {
      const original = read(name).split('\n').filter((l) => !l.startsWith('#')).join('\n');
      const result = repairIndentation(flatten(original));
      assert.ok(result.ok, `${name}: ${JSON.stringify(result)}`);
      assert.deepEqual(data(result.text), data(original), name);
    }
  });

  it('says so when a line fits in two places with different meanings', () => {
    // The last `name: p` could be an annotation or metadata.name: both fit, and they mean different objects.
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\nlabels:\napp: web\nannotations:\nteam: a\nname: p\n';
    const result = repairIndentation(text);
    assert.equal(result.ok, false);
    assert.match((result as { reason: string }).reason, /Line 8 \("name: p"\) fits in more than one place/);
  });

  it('answers, without throwing, when a nesting cannot become data (an alias to no anchor)', () => {
    // Found by the robustness property: converting a candidate nesting to data threw on the alias.
    const result = repairIndentation('apiVersion: v1\nkind: Pod\nmetadata:\nname: *nowhere\nspec:\ncontainers:\n- name: a\nimage: nginx\n');
    assert.equal(result.ok, false);
  });

  it('refuses block scalars, whose content lines cannot be re-indented', () => {
    const result = repairIndentation('apiVersion: v1\nkind: ConfigMap\ndata:\nconfig.json: |\n{"a": 1}\n');
    assert.equal(result.ok, false);
    assert.match((result as { reason: string }).reason, /block scalar/);
  });

  it('is offered as the preferred quick fix on a flattened document', async () => {
    const { fixesFor } = await import('../server/src/core/features/fixes');
    const { parseDocumentModel } = await import('../server/src/core/model/parse-document');
    const model = parseDocumentModel(read('07-flattened-pod-as-pasted.yaml'));
    const [first] = fixesFor(model, fileOf([model]), { rule: 'yaml-syntax', fieldPath: '', start: 0, end: 1 });
    assert.equal(first.title, 'Restore the indentation of this pasted manifest');
    assert.equal(first.preferred, true);
  });
});
