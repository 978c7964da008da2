/** Values kept on the object they were worked out from (server/src/core/memo.ts), and the conversions kept per publication (lsp/diagnostics.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Memo, memoKey } from '../server/src/core/memo';
import { documentModelOf, parseDocumentModel } from '../server/src/core/model/parse-document';
import { patchScalar } from '../server/src/core/model/patch-scalar';
import { literalPodSpecs } from '../server/src/core/rules/scope';
import type { Diagnostic } from '../server/src/core/analysis/analyzer';
import { PublishedDiagnostics } from '../server/src/lsp/diagnostics';

describe('Memo', () => {
  it('makes each value once per key, and keeps values of different keys apart', () => {
    const memo = new Memo();
    const count = memoKey<number>('count');
    const label = memoKey<string>('label');
    let made = 0;
    assert.equal(memo.get(count, () => ++made), 1);
    assert.equal(memo.get(count, () => ++made), 1);
    assert.equal(memo.get(label, () => 'a'), 'a');
    assert.equal(made, 1);
    assert.equal(new Memo().get(count, () => 7), 7, 'another object has its own values');
  });

  it('keeps a value that is undefined, instead of making it again', () => {
    const memo = new Memo();
    const nothing = memoKey<undefined>('nothing');
    let made = 0;
    memo.get(nothing, () => void made++);
    memo.get(nothing, () => void made++);
    assert.equal(made, 1);
  });

  it('gives every document model its own memo, so that a patched document is read afresh', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: busybox\n';
    const model = parseDocumentModel(text);
    const before = literalPodSpecs(model);
    assert.equal(literalPodSpecs(model), before, 'worked out once per model');
    const at = text.indexOf('name: a') + 'name: a'.length;
    const edited = `${text.slice(0, at)}b${text.slice(at)}`;
    const patch = patchScalar(model.parsed!, edited, { start: at, end: at, length: 1 });
    assert.ok(patch);
    const next = documentModelOf(edited, patch.document);
    assert.notEqual(next.memo, model.memo);
    const after = literalPodSpecs(next);
    assert.notEqual(after, before);
    assert.equal(after[0].containers[0].name?.value, 'ab');
  });
});

describe('PublishedDiagnostics', () => {
  const diagnostic = (message: string): Diagnostic => ({
    rule: 'unused-volume',
    severity: 'warning',
    message,
    document: 0,
    fieldPath: 'spec.volumes[0]',
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } },
    related: [],
    unnecessary: false,
  });

  it('converts a diagnostic once while it is published, and again after a publication without it', () => {
    const published = new PublishedDiagnostics('file:///a.yaml', '/docs');
    const kept = diagnostic('kept');
    const dropped = diagnostic('dropped');
    const [first, second] = published.of([kept, dropped]);
    assert.equal(first.message, 'kept');
    assert.equal(first.codeDescription?.href, 'file:///docs/rules/unused-volume.md');
    const [again] = published.of([kept]);
    assert.equal(again, first, 'the same diagnostic keeps its conversion');
    const [back] = published.of([dropped]);
    assert.notEqual(back, second, 'a conversion is kept for the next publication only');
    assert.deepEqual(back, second);
  });
});
