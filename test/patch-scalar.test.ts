/**
 * The keystroke fast path (server/src/core/model/patch-scalar.ts) must give exactly what a fresh
 * parse gives: the same tree (values, YAML 1.1 types, ranges of every node) and the same findings.
 * Edits are drawn inside the plain and quoted scalars of real manifests, including ones that must
 * fall back to a parse (line breaks, indicators, quotes, escapes), and each patch is compared with a parse.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Document, parseDocument, Scalar, visit } from 'yaml';
import { analyseText, FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { documentModelOf, parseDocumentModel } from '../server/src/core/model/parse-document';
import { patchScalar, resolveUnambiguousPlain } from '../server/src/core/model/patch-scalar';
import { YAML_OPTIONS } from '../server/src/core/model/yaml-options';
import { DOCUMENT_RULES } from '../server/src/core/rules/registry';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { splitDocuments } from '../server/src/core/text/split-documents';
import { dump, SHARED, sharedManifestFiles } from './helpers';

const SEED = Number(process.env.KV_FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.KV_FUZZ_RUNS ?? 0) || 600;

function findings(text: string, document: Document.Parsed): string {
  const model = documentModelOf(text, document);
  return JSON.stringify(DOCUMENT_RULES.flatMap((rule) => rule.check(model, DEFAULT_SETTINGS)));
}

/** Documents of the cases, seed and smaller corpus files that parse without errors. */
function documents(): string[] {
  const files = sharedManifestFiles(60_000);
  return files.flatMap((file) => splitDocuments(readFileSync(file, 'utf8')).map((chunk) => chunk.text))
    .filter((text) => !text.includes('{{') && parseDocument(text, YAML_OPTIONS).errors.length === 0);
}

/** [start, end) of every plain or quoted scalar that is a value (not a key) in the document. */
function scalarValues(text: string): [number, number][] {
  const found: [number, number][] = [];
  const kinds: unknown[] = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE];
  visit(parseDocument(text, YAML_OPTIONS), {
    Scalar(key, node) {
      if (key !== 'key' && kinds.includes(node.type) && node.range && node.range[1] > node.range[0]) found.push([node.range[0], node.range[1]]);
    },
  });
  return found;
}

/** What people type inside a value: mostly name and tag characters, sometimes structure. */
const TYPED = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'z', '0', '7', '4', '-', '.', '_', '/', 's', 'e', 'y') },
  { weight: 2, arbitrary: fc.constantFrom(':', ' ', '#', '{', '{{', ',', ']', '\n', '"', "'", '\\', "''", '\\n', '&x', '*', '!', '~', ': ', ' #') },
);

describe('patching a scalar instead of parsing again', () => {
  const texts = documents();
  const candidates = texts.map((text) => ({ text, values: scalarValues(text) })).filter((d) => d.values.length > 0);

  it('gives the tree and the findings of a fresh parse, for edits inside plain and quoted values of real manifests', () => {
    let patched = 0;
    const edit = fc.record({
      doc: fc.nat(candidates.length - 1),
      value: fc.nat(10_000),
      at: fc.nat(10_000),
      remove: fc.nat(3),
      typed: fc.oneof(TYPED, fc.constant('')),
    });
    fc.assert(fc.property(edit, ({ doc, value, at, remove, typed }) => {
      const { text, values } = candidates[doc];
      const [start, end] = values[value % values.length];
      // Anywhere from just after the first character to the end of the value.
      const from = start + 1 + (at % Math.max(1, end - start));
      const to = Math.min(end, from + remove);
      const after = text.slice(0, from) + typed + text.slice(to);
      const result = patchScalar(parseDocument(text, YAML_OPTIONS), after, { start: from, end: to, length: typed.length });
      if (!result) return;
      patched++;
      const fresh = parseDocument(after, YAML_OPTIONS);
      assert.deepEqual(fresh.errors, [], 'a patch was made for an edit that breaks the YAML');
      assert.deepEqual(dump(result.document.contents), dump(fresh.contents));
      assert.deepEqual(result.document.range, fresh.range);
      assert.equal(findings(after, result.document), findings(after, fresh));
    }), { seed: SEED, numRuns: RUNS });
    // Most drawn edits are name characters inside a value: the fast path must be taken for them.
    assert.ok(patched > RUNS / 3, `only ${patched} of ${RUNS} edits were patched`);
  });

  it('resolves a plain value without a parse exactly as the parser does, for numbers, modes, booleans, nulls and names', () => {
    // Characters that make YAML 1.1 numbers, booleans and nulls, and the indicators that must fall back.
    const character = fc.constantFrom(...'0123456789abcdefxoOXB+-._:eEyYnNtTfFlu~/$()=@%#!&*,[]{}|>\'" '.split(''));
    const words = fc.constantFrom('0644', '0o644', '0x1A4', '0b101', '-0', '+12', '1_000', '.5', '1e3', '.inf', '-.Inf', '.NaN', 'yes', 'No', 'ON', 'off', 'y', 'n', 'null', '~', 'Null', 'true', 'FALSE', '12:30', '2024-01-01', '0777', '08', '1.0', '1.50');
    const source = fc.oneof(words, fc.string({ unit: character, minLength: 1, maxLength: 8 }), fc.tuple(words, fc.string({ unit: character, maxLength: 3 })).map(([w, s]) => w + s));
    let resolved = 0;
    fc.assert(fc.property(source, (text) => {
      const fast = resolveUnambiguousPlain(text);
      if (!fast) return;
      resolved++;
      const parsed = parseDocument(text, YAML_OPTIONS);
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(parsed.warnings, []);
      const scalar = parsed.contents as Scalar;
      assert.ok(scalar instanceof Scalar);
      assert.deepEqual([scalar.range?.[0], scalar.range?.[1]], [0, text.length], 'the parser reads more or less than the whole text');
      assert.deepEqual({ value: fast.value, type: fast.type, format: fast.format, tag: fast.tag, source: fast.source, minFractionDigits: (fast as Scalar & { minFractionDigits?: number }).minFractionDigits },
        { value: scalar.value, type: scalar.type, format: scalar.format, tag: scalar.tag, source: scalar.source, minFractionDigits: (scalar as Scalar & { minFractionDigits?: number }).minFractionDigits });
    }), { seed: SEED, numRuns: RUNS * 10 });
    assert.ok(resolved > RUNS, `only ${resolved} values were resolved without a parse`);
  });

  it('reads the new text with YAML 1.1 rules: 064 typed to 0644 is 420, ye typed to yes is true', () => {
    const text = 'a:\n  defaultMode: 064\n  readOnly: ye\n  name: x\n';
    const mode = text.indexOf('064') + 3;
    const first = patchScalar(parseDocument(text, YAML_OPTIONS), text.slice(0, mode) + '4' + text.slice(mode), { start: mode, end: mode, length: 1 })!.document;
    assert.equal((first.toJS() as { a: { defaultMode: number } }).a.defaultMode, 420);
    const second = text.slice(0, mode) + '4' + text.slice(mode);
    const flag = second.indexOf('ye') + 2;
    const third = patchScalar(first, second.slice(0, flag) + 's' + second.slice(flag), { start: flag, end: flag, length: 1 })!.document;
    assert.deepEqual(third.toJS(), { a: { defaultMode: 420, readOnly: true, name: 'x' } });
  });

  it('patches inside quotes, and parses again for keys, escapes, closing quotes, line breaks and comments', () => {
    const text = 'kind: Pod\nmetadata:\n  name: "web"\n  labels: {app: web}\nspec: {}\n';
    const parsed = parseDocument(text, YAML_OPTIONS);
    const at = (needle: string, offset: number): number => text.indexOf(needle) + offset;
    const inside = at('"web"', 4);
    const patched = patchScalar(parsed, text.slice(0, inside) + 's' + text.slice(inside), { start: inside, end: inside, length: 1 });
    assert.deepEqual((patched?.document.toJS() as { metadata: { name: string } }).metadata.name, 'webs');
    // Typing {{ is covered through the analyser below: the scalar stays valid, the document becomes a template.
    const tries: [number, string][] = [[at('kind', 2), 'x'], [at('"web"', 2), '\\'], [at('"web"', 5), 'x'], [at('"web"', 2), '"'], [at('Pod', 2), '\n'], [at('Pod', 3), ' #'], [at('app: web', 7), ',']];
    for (const [offset, typed] of tries) {
      const after = text.slice(0, offset) + typed + text.slice(offset);
      assert.equal(patchScalar(parsed, after, { start: offset, end: offset, length: typed.length }), undefined, `patched for ${JSON.stringify(typed)} at ${offset}`);
    }
  });

  it('declines under a %YAML directive, which changes how plain scalars resolve', () => {
    const text = '%YAML 1.2\n---\na:\n  readOnly: ye\n';
    const at = text.indexOf('ye') + 2;
    assert.equal(patchScalar(parseDocument(text, YAML_OPTIONS), text.slice(0, at) + 's' + text.slice(at), { start: at, end: at, length: 1 }), undefined);
  });

  it('typing {{ into a value makes the document a template: the analyser reads it as one, as a fresh analysis does', () => {
    const text = readFileSync(path.join(SHARED, 'cases', 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    const analyser = new FileAnalyzer();
    analyser.analyse(text, DEFAULT_SETTINGS);
    const at = text.indexOf('name: scratch ') + 'name: scratch'.length;
    const typed = text.slice(0, at) + '{{' + text.slice(at);
    const incremental = analyser.analyse(typed, DEFAULT_SETTINGS, { start: at, end: at, length: 2 });
    assert.deepEqual(incremental.diagnostics, analyseText(typed, DEFAULT_SETTINGS).diagnostics);
    assert.ok(incremental.documents[0].model.templated);
  });

  it('a sequence of edits through the analyser, in files of several documents, reports what a fresh analysis reports', () => {
    const files = candidates.filter((d) => d.text.length < 6_000).map((d) => d.text);
    let patched = 0;
    const edits = fc.array(fc.record({ value: fc.nat(10_000), at: fc.nat(10_000), remove: fc.nat(2), typed: fc.oneof(TYPED, fc.constant('')) }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(fc.nat(files.length - 1), fc.nat(files.length - 1), edits, (a, b, steps) => {
      let text = `${files[a]}---\n${files[b]}`;
      const analyser = new FileAnalyzer();
      let before = analyser.analyse(text, DEFAULT_SETTINGS);
      for (const step of steps) {
        const chunks = splitDocuments(text);
        const spots = chunks.flatMap((chunk) => scalarValues(chunk.text).map(([start, end]) => [chunk.offset + start, chunk.offset + end] as const));
        if (spots.length === 0) return;
        const [start, end] = spots[step.value % spots.length];
        const from = start + 1 + (step.at % Math.max(1, end - start));
        const to = Math.min(end, from + step.remove);
        text = text.slice(0, from) + step.typed + text.slice(to);
        const after = analyser.analyse(text, DEFAULT_SETTINGS, { start: from, end: to, length: step.typed.length, text: step.typed });
        assert.deepEqual(after.diagnostics, analyseText(text, DEFAULT_SETTINGS).diagnostics);
        for (const d of after.documents) assert.deepEqual(dump(d.model.parsed?.contents), dump(parseDocumentModel(d.model.text).parsed?.contents));
        // A patch updates the previous tree in place (a parse makes a new one).
        const shared = after.documents.some((d, i) => d !== before.documents[i] && d.model.parsed !== undefined && d.model.parsed === before.documents[i]?.model.parsed);
        if (shared) patched++;
        before = after;
      }
    }), { seed: SEED, numRuns: Math.max(60, Math.floor(RUNS / 6)) });
    assert.ok(patched > 20, `only ${patched} edits took the patch path`);
  });

  it('the analyser typing into a file reports what a fresh analysis reports', () => {
    const file = readFileSync(path.join(SHARED, 'cases', 'B05-statefulset-mounts-undeclared-volumes.yaml'), 'utf8')
      + '---\n' + readFileSync(path.join(SHARED, 'cases', 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    const analyser = new FileAnalyzer();
    let text = file;
    analyser.analyse(text, DEFAULT_SETTINGS);
    // Type "scratch" into B01's mount name one character at a time, then the suffix that fixes it.
    let at = text.indexOf('name: scratch ') + 'name: scratch'.length;
    for (const typed of '-volume') {
      text = text.slice(0, at) + typed + text.slice(at);
      const incremental = analyser.analyse(text, DEFAULT_SETTINGS, { start: at, end: at, length: 1 });
      assert.deepEqual(incremental.diagnostics, analyseText(text, DEFAULT_SETTINGS).diagnostics);
      at++;
    }
    assert.ok(!analyser.analyse(text, DEFAULT_SETTINGS).diagnostics.some((d) => d.rule === 'mount-without-volume' && d.document === 1));
  });
});
