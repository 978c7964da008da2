/**
 * The engine keeps a rule's findings across a keystroke inside a value it does not read
 * (server/src/core/analysis/kept-findings.ts): which edits qualify, which `reads` entries cover
 * which values, and where kept findings move to.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, Scalar } from 'yaml';
import { covers, EditedValue, keepsFindings, movedFinding, valueEditOf } from '../server/src/core/analysis/kept-findings';
import { parseDocumentModel } from '../server/src/core/model/parse-document';
import { patchScalar } from '../server/src/core/model/patch-scalar';
import { YAML_OPTIONS } from '../server/src/core/model/yaml-options';
import type { DocumentRule, Finding } from '../server/src/core/rules/types';

const POD = 'kind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      args: [serve, fast]\n      volumeMounts:\n        - name: data\n          readOnly: true\n  volumes:\n    - name: data\n      emptyDir: {}\n';

/** Types `typed` after the first occurrence of `after` in POD. */
function typeInto(after: string, typed: string, text = POD) {
  const at = text.indexOf(after) + after.length;
  const edited = text.slice(0, at) + typed + text.slice(at);
  return { patch: patchScalar(parseDocument(text, YAML_OPTIONS), edited, { start: at, end: at, length: typed.length }), at };
}

/** The model after an edit, as far as valueEditOf reads it: a document without claim templates. */
const NO_CLAIMS = { podSpecs: [] };

describe('findings kept across a keystroke', () => {
  it('names the keys above the edited value, sequence indices left out', () => {
    assert.deepEqual(typeInto('- name: da', 't').patch?.keys, ['spec', 'containers', 'volumeMounts', 'name']);
    assert.deepEqual(typeInto('[serv', 'e').patch?.keys, ['spec', 'containers', 'args']);
    assert.deepEqual(typeInto('name: we', 'b').patch?.keys, ['metadata', 'name']);
  });

  it('matches a bare key anywhere, a key under its parent, and anything below a key with .**', () => {
    const mountName = ['spec', 'containers', 'volumeMounts', 'name'];
    assert.ok(covers('name', mountName));
    assert.ok(covers('volumeMounts.name', mountName));
    assert.ok(!covers('volumes.name', mountName));
    assert.ok(covers('containers.**', mountName));
    assert.ok(covers('volumeMounts.**', mountName));
    assert.ok(!covers('volumes.**', mountName));
    assert.ok(!covers('mountPath', mountName));
  });

  it('keeps nothing when the value changes kind, becomes null, or is a kind or apiVersion', () => {
    assert.ok(valueEditOf(typeInto('- name: da', 't').patch!, NO_CLAIMS));
    // `true` typed to `truex` turns a boolean into a string.
    assert.equal(valueEditOf(typeInto('readOnly: true', 'x').patch!, NO_CLAIMS), undefined);
    assert.equal(valueEditOf(typeInto('kind: Po', 'd').patch!, NO_CLAIMS), undefined);
    const nulled = typeInto('name: nul', 'l', POD.replace('name: web', 'name: nul'));
    assert.equal(valueEditOf(nulled.patch!, NO_CLAIMS), undefined);
  });

  it('keeps nothing when a volume or claim template name may change which volumes a StatefulSet\'s pods get', () => {
    const sts = parseDocumentModel('apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres}]\n  volumeClaimTemplates: [{metadata: {name: data}}]\n');
    const scalar = (value: string): Scalar => Object.assign(new Scalar(value), { range: [0, value.length, value.length] });
    const edit = (keys: string[]): EditedValue => ({ keys, before: scalar('a'), after: scalar('ab') });
    assert.equal(valueEditOf(edit(['spec', 'template', 'spec', 'volumes', 'name']), sts), undefined);
    assert.equal(valueEditOf(edit(['spec', 'volumeClaimTemplates', 'metadata', 'name']), sts), undefined);
    assert.ok(valueEditOf(edit(['spec', 'template', 'spec', 'containers', 'volumeMounts', 'name']), sts));
    assert.ok(valueEditOf(edit(['spec', 'template', 'spec', 'volumes', 'name']), NO_CLAIMS));
  });

  it('a rule without a reads list always runs; one with a list runs for the fields it names', () => {
    const edit = valueEditOf(typeInto('- name: da', 't').patch!, NO_CLAIMS)!;
    const rule = (reads?: string[]): DocumentRule => ({ id: 'r', scope: 'document', defaultSeverity: 'error', description: '', reads, check: () => [] });
    assert.equal(keepsFindings(rule(), edit), false);
    assert.equal(keepsFindings(rule(['volumeMounts.name']), edit), false);
    assert.equal(keepsFindings(rule(['volumes.name', 'mountPath']), edit), true);
    assert.equal(keepsFindings(rule([]), edit), true);
  });

  it('moves what lies at or after the end of the edited value, and stretches what contains it', () => {
    const { patch } = typeInto('- name: da', 'tt');
    const edit = valueEditOf(patch!, NO_CLAIMS)!;
    const end = POD.indexOf('- name: data') + '- name: data'.length;
    assert.equal(edit.from, end);
    assert.equal(edit.delta, 2);
    const finding = (start: number, stop: number, related?: Finding['related']): Finding => ({ rule: 'r', message: 'm', fieldPath: 'p', range: { start, end: stop }, related });
    const before = finding(0, 5);
    assert.equal(movedFinding(before, edit), before, 'a finding before the edit is the same object');
    assert.deepEqual(movedFinding(finding(end + 10, end + 14), edit).range, { start: end + 12, end: end + 16 });
    assert.deepEqual(movedFinding(finding(end - 4, end), edit).range, { start: end - 4, end: end + 2 }, 'the edited value itself grows');
    const moved = movedFinding(finding(0, 5, [{ message: 'here', range: { start: end + 1, end: end + 3 } }, { message: 'there', range: { start: end + 1, end: end + 3 }, document: 2 }]), edit);
    assert.deepEqual(moved.related?.map((r) => r.range), [{ start: end + 3, end: end + 5 }, { start: end + 1, end: end + 3 }], 'a location in another document stays');
  });
});
