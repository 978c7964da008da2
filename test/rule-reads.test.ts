/**
 * A rule's `reads` list (DocumentRule.reads) must name every field whose value can change what the
 * rule finds: on a keystroke inside a value of any other field, the engine keeps the rule's previous
 * findings, moved by the edit (server/src/core/analysis/kept-findings.ts). A missing field would
 * leave a finding stale while the user types, so each value of real manifests is replaced, through
 * the engine's own patch, by values that matter to rules: the other values of the same document
 * (so that names come to match or stop matching), modes, paths, images, media, sizes. For every
 * edit the engine would keep a rule's findings for, they must equal a fresh run of the rule; a file
 * rule whose `collect` found nothing in the document must still find nothing.
 * KV_READS_REPORT=1 prints, per rule, the fields seen to change its findings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Document, isPair, isScalar, parseDocument, Scalar, visit } from 'yaml';
import { FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { keepsFindings, movedFinding, valueEditOf } from '../server/src/core/analysis/kept-findings';
import { documentModelOf, parseDocumentModel } from '../server/src/core/model/parse-document';
import { YAML_OPTIONS } from '../server/src/core/model/yaml-options';
import { DOCUMENT_RULES, FILE_RULES } from '../server/src/core/rules/registry';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { splitDocuments } from '../server/src/core/text/split-documents';
// @ts-expect-error: the bench is plain JavaScript
import { generate } from '../bench/generate.mjs';
import { sharedManifestFiles } from './helpers';

const REPORT = process.env.KV_READS_REPORT === '1';
/** Documents per CI run; KV_READS_DOCUMENTS=all for every one (about half an hour). */
const LIMIT = process.env.KV_READS_DOCUMENTS === 'all' ? Infinity : Number(process.env.KV_READS_DOCUMENTS ?? 110);

/** Values rules care about, beyond those of the document itself. */
const TELLING_VALUES = [
  '0644', '420', '0777', '511', '0400', '644', 'Memory', 'HugePages', '/', '/data', '/dev/shm', '/var/run/docker.sock', '/etc', 'a/../b', '..', 'data',
  '$(POD_NAME)', '1Gi', '64Mi', '0', '-1', '600', 'true', 'false', 'Directory', 'FileOrCreate', 'Bidirectional', 'HostToContainer', 'Enabled', 'IfPossible',
  'nginx', 'postgres:16', 'selenium/node-chrome', 'gcr.io/project/app:1', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1', 'registry.example.com/app:1',
  'kubernetes.io/dockerconfigjson', 'Opaque', 'Always', 'metadata.name', 'metadata.labels', 'limits.cpu', 'password', 'Bad_Name', 'x',
];

/** Documents of the cases, the seed and the corpus that hold pod specs or objects rules read, smallest first. */
function documents(): string[] {
  const files = sharedManifestFiles();
  // The examples plant a mistake of nearly every kind; the bench's generated manifests have volumes of every common type.
  // Handmade for this test: claim templates, devices, projected and CSI sources, misplaced blocks, Lists, odd values.
  for (const folder of [path.resolve(__dirname, '..', 'examples'), path.join(__dirname, 'fixtures', 'reads')]) {
    for (const name of readdirSync(folder).sort()) if (name.endsWith('.yaml')) files.push(path.join(folder, name));
  }
  const texts = [...files.map((file) => readFileSync(file, 'utf8')), generate(40).text].flatMap((text) => splitDocuments(text).map((chunk) => chunk.text))
    .filter((text) => text.length < 12_000 && !text.includes('{{') && /containers:|kind: *(Secret|ConfigMap|ServiceAccount)\b/.test(text))
    .filter((text) => parseDocument(text, YAML_OPTIONS).errors.length === 0);
  return [...new Set(texts)].sort((a, b) => a.length - b.length);
}

interface Value {
  readonly scalar: Scalar;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly keys: readonly string[];
}

/** Every plain or quoted value scalar of the document, with the field it is the value of (`volumes.name`). */
function valuesOf(document: Document.Parsed): Value[] {
  const values: Value[] = [];
  visit(document, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || !node.range || node.range[1] <= node.range[0]) return;
      const quote = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : node.type === Scalar.PLAIN ? '' : undefined;
      if (quote === undefined) return;
      const keys = ancestors.filter(isPair).map((pair) => (isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : ''));
      values.push({ scalar: node, start: node.range[0], end: node.range[1], quote, keys });
    },
  });
  return values;
}

describe('what each rule reads', () => {
  it('every rule that declares its fields finds, after an edit of any other field, what it found before, moved by the edit', () => {
    const seen = new Map<string, Set<string>>();
    let kept = 0;
    for (const text of documents().slice(0, LIMIT)) {
      const model = parseDocumentModel(text);
      const before = DOCUMENT_RULES.map((rule) => rule.check(model, DEFAULT_SETTINGS));
      const factless = FILE_RULES.map((rule) => rule.collect(model, DEFAULT_SETTINGS) === undefined);
      const values = valuesOf(model.parsed!);
      const others = [...new Set(values.map((v) => text.slice(v.start, v.end)).map((source) => source.replace(/^["']|["']$/g, '')))].slice(0, 25);
      for (const value of values) {
        const inside = text.slice(value.start + value.quote.length, value.end - value.quote.length);
        for (const replacement of new Set([`${inside}x`, inside.slice(0, -1), ...others, ...TELLING_VALUES])) {
          const source = value.quote + replacement + value.quote;
          if (replacement === inside || source.length === 0) continue;
          const after = text.slice(0, value.start) + source + text.slice(value.end);
          // The document the edit makes, if it differs from this one in that value alone: the only
          // edits whose findings the engine may keep (it gets there by patching, keystroke by keystroke).
          const changed = parseDocument(after, YAML_OPTIONS);
          const now = changed.errors.length === 0 ? valuesOf(changed).find((v) => v.start === value.start) : undefined;
          if (!now || now.end !== value.start + source.length || now.scalar.type !== value.scalar.type || valuesOf(changed).length !== values.length) continue;
          const patched = documentModelOf(after, changed);
          const edit = valueEditOf({ keys: value.keys, before: value.scalar, after: now.scalar }, patched);
          if (!edit) continue;
          DOCUMENT_RULES.forEach((rule, r) => {
            const fresh = rule.check(patched, DEFAULT_SETTINGS);
            const moved = before[r].map((finding) => movedFinding(finding, edit));
            if (JSON.stringify(fresh) === JSON.stringify(moved)) return;
            if (REPORT) (seen.get(rule.id) ?? seen.set(rule.id, new Set()).get(rule.id)!).add(value.keys.slice(-2).join('.'));
            assert.ok(!keepsFindings(rule, edit), `${rule.id} reads ${value.keys.join('.')} (${JSON.stringify(inside)} → ${JSON.stringify(replacement)}), which its reads list leaves out:\n${text}`);
          });
          kept += DOCUMENT_RULES.filter((rule) => keepsFindings(rule, edit)).length;
          // A file rule's collect is skipped for a document that had no facts (analyzer.ts).
          FILE_RULES.forEach((rule, r) => {
            if (!factless[r] || rule.collect(patched, DEFAULT_SETTINGS) === undefined) return;
            if (REPORT) (seen.get(rule.id) ?? seen.set(rule.id, new Set()).get(rule.id)!).add(value.keys.slice(-2).join('.'));
            assert.ok(!keepsFindings(rule, edit), `${rule.id} collects facts after an edit of ${value.keys.join('.')} (${JSON.stringify(inside)} → ${JSON.stringify(replacement)}), which its reads list leaves out:\n${text}`);
          });
        }
      }
    }
    if (REPORT) for (const rule of [...DOCUMENT_RULES, ...FILE_RULES]) console.log(rule.id.padEnd(36), [...(seen.get(rule.id) ?? [])].sort().join(' '));
    // The test means something only if rules declare fields and edits of other fields are drawn.
    assert.ok(kept > 10_000, `only ${kept} rule runs were kept`);
  });

  it('typing one value of a document into another, keystroke by keystroke, reports what a fresh analysis reports', () => {
    // Names coming to match (a mount renamed to a volume's name) are what the reads lists must not miss.
    let patched = 0;
    const texts = documents().slice(0, LIMIT).map((text) => ({ text, values: valuesOf(parseDocument(text, YAML_OPTIONS)) })).filter((d) => d.values.length > 1);
    fc.assert(fc.property(fc.nat(texts.length - 1), fc.nat(10_000), fc.nat(10_000), (doc, from, to) => {
      const { text: original, values } = texts[doc];
      const target = values[from % values.length];
      const wanted = original.slice(values[to % values.length].start, values[to % values.length].end).replace(/^["']|["']$/g, '');
      const inside = original.slice(target.start + target.quote.length, target.end - target.quote.length);
      // Keep the first character (the patch path edits after it), delete the rest, then type the other value.
      const keep = target.start + target.quote.length + Math.min(1, inside.length);
      const analyser = new FileAnalyzer();
      let text = original;
      analyser.analyse(text, DEFAULT_SETTINGS);
      const end = target.end - target.quote.length;
      const steps: { at: number; remove: number; typed: string }[] = [];
      for (let at = end - 1; at >= keep; at--) steps.push({ at, remove: 1, typed: '' });
      for (const [i, character] of [...wanted.slice(Math.min(1, inside.length))].entries()) steps.push({ at: keep + i, remove: 0, typed: character });
      let tree = analyser.analyse(text, DEFAULT_SETTINGS).documents[0].model.parsed;
      for (const step of steps) {
        text = text.slice(0, step.at) + step.typed + text.slice(step.at + step.remove);
        const incremental = analyser.analyse(text, DEFAULT_SETTINGS, { start: step.at, end: step.at + step.remove, length: step.typed.length, text: step.typed });
        assert.deepEqual(incremental.diagnostics, new FileAnalyzer().analyse(text, DEFAULT_SETTINGS).diagnostics);
        // The same tree, updated in place: the keystroke took the patch path, where findings are kept.
        if (incremental.documents[0].model.parsed === tree) patched++;
        tree = incremental.documents[0].model.parsed;
      }
    }), { seed: Number(process.env.KV_FUZZ_SEED ?? 20261204), numRuns: Number(process.env.KV_FUZZ_RUNS ?? 0) || 150 });
    assert.ok(patched > 300, `only ${patched} keystrokes took the patch path`);
  });
});
