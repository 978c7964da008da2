/**
 * The first analysis shared with a helper thread (server/src/core/analysis/parallel.ts,
 * server/src/lsp/analysis-thread.ts): what the helper sends survives the copy between threads,
 * and a file analysed in two halves reads exactly as one analysed whole, then and after edits.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { analyseForSending, analyseText, FileAnalysis, FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { AnalysisHelper, awaitsModel, documentOutline, HelperJob, HelperResult } from '../server/src/core/analysis/parallel';
import { outline } from '../server/src/core/features/outline';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import type { RuleOptions } from '../server/src/core/rules/types';
import { splitDocuments, DocumentChunk } from '../server/src/core/text/split-documents';
import { AnalysisThread, CLAIMS, HELPER, ThreadJob } from '../server/src/lsp/analysis-thread';
import { codeActions, completion, at } from '../server/src/lsp/features';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCUMENT_RULES } from '../server/src/core/rules/registry';
import { sharedManifestFiles } from './helpers';

const ROOT = path.resolve(__dirname, '..');
const FILES = sharedManifestFiles();
const read = (file: string): string => readFileSync(file, 'utf8');
/** The examples' manifests, one file of many kinds and mistakes. */
const EXAMPLES = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort().map((f) => read(path.join(ROOT, 'examples', f))).join('\n---\n');

/** What a client compares: everything a diagnostic says, in order. */
const shown = (analysis: FileAnalysis): string => JSON.stringify(analysis.diagnostics);

/**
 * A helper on this thread, for tests: it takes documents from the end, as the real one does, up to
 * `share` of them (all when Infinity), and sends each through a structured clone, as a thread's
 * message is. `fails` lists indices it reports as failed; `late` makes the first result pending once.
 */
class InProcessHelper implements AnalysisHelper {
  jobs = 0;
  cancelled = 0;
  constructor(private readonly share = Infinity, private readonly fails: readonly number[] = [], private readonly late = false) {}

  start(_text: string, chunks: readonly DocumentChunk[], options: RuleOptions): HelperJob {
    this.jobs++;
    const claims = new Array<'analyser' | 'helper' | undefined>(chunks.length);
    const results = new Map<number, HelperResult>();
    let taken = 0;
    let late = this.late;
    // The helper runs "ahead": it has taken its share before the analyser asks for anything.
    for (let index = chunks.length - 1; index >= 0 && taken < this.share; index--, taken++) {
      claims[index] = 'helper';
      results.set(index, this.fails.includes(index) ? { kind: 'failed' } : { kind: 'sent', document: structuredClone(analyseForSending(chunks[index].text, options)) });
    }
    return {
      claim: (index) => {
        if (claims[index] !== undefined) return false;
        claims[index] = 'analyser';
        return true;
      },
      resultFor: (index) => {
        if (late) {
          late = false;
          return { kind: 'pending' };
        }
        return results.get(index)!;
      },
      cancel: () => {
        this.cancelled++;
      },
      sent: () => taken,
    };
  }
}

describe('a document analysed on another thread', () => {
  it('sends findings, facts, summary and outline that a structured clone keeps as they are, for every document of corpus, cases and seed', () => {
    let documents = 0;
    for (const file of FILES) {
      for (const chunk of splitDocuments(read(file))) {
        const sent = analyseForSending(chunk.text, DEFAULT_SETTINGS);
        // A class instance would come back a plain object (deepStrictEqual compares prototypes); a tree node or function would throw.
        assert.deepStrictEqual(structuredClone(sent), sent, file);
        assert.deepStrictEqual(sent.outline, outline(analyseText(chunk.text, DEFAULT_SETTINGS).documents[0].model), file);
        documents++;
      }
    }
    assert.ok(documents > 400, `${documents} documents`);
  });
});

describe('FileAnalyzer with a helper', () => {
  it('reads every multi-document file of corpus, cases and seed as without one, with the helper taking half, all, or failing some', () => {
    let shared = 0;
    for (const file of FILES) {
      const text = read(file);
      const count = splitDocuments(text).length;
      if (count < 2) continue;
      const alone = shown(analyseText(text, DEFAULT_SETTINGS));
      for (const helper of [new InProcessHelper(Math.floor(count / 2)), new InProcessHelper(), new InProcessHelper(count - 1, [count - 1, 0]), new InProcessHelper(1, [], true)]) {
        const analyser = new FileAnalyzer(undefined, undefined, helper);
        assert.equal(shown(analyser.analyse(text, DEFAULT_SETTINGS)), alone, file);
        assert.equal(helper.jobs, 1);
      }
      shared++;
    }
    assert.ok(shared >= 25, `${shared} files`);
  });

  it('relates the ServiceAccounts, pull secrets and Secrets of documents the helper analysed', () => {
    // Each finding below depends on another document: the account that covers (or not) a pod's
    // private image, the pod's own list that hides the account's, the Secret's type.
    const account = (pullSecrets: string): string => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: puller}\n${pullSecrets}`;
    const pod = (own: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  serviceAccountName: puller\n${own}  containers:\n    - name: a\n      image: registry.example.com/team/app:1\n`;
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\ntype: Opaque\n';
    const files = [
      [account('imagePullSecrets: [{name: regcred}]\n'), pod(''), secret],
      [account(''), pod('')],
      [account('imagePullSecrets: [{name: regcred}]\n'), pod('  imagePullSecrets: [{name: other}]\n'), secret],
    ].map((documents) => documents.join('---\n'));
    const rules = new Set<string>();
    for (const text of files) {
      const alone = analyseText(text, DEFAULT_SETTINGS);
      alone.diagnostics.forEach((d) => rules.add(d.rule));
      for (const share of [Infinity, 1, 2]) assert.equal(shown(new FileAnalyzer(undefined, undefined, new InProcessHelper(share)).analyse(text, DEFAULT_SETTINGS)), shown(alone), `${share}: ${text}`);
    }
    for (const rule of ['private-image-without-pull-secret', 'ignored-service-account-pull-secrets', 'pull-secret-wrong-type']) assert.ok(rules.has(rule), `${rule} in ${[...rules]}`);
  });

  it('parses a document the helper analysed only when its model is read, and gives its outline without it', () => {
    const text = EXAMPLES;
    const analysis = new FileAnalyzer(undefined, undefined, new InProcessHelper()).analyse(text, DEFAULT_SETTINGS);
    assert.ok(analysis.documents.length > 1);
    assert.ok(analysis.documents.every(awaitsModel), 'no tree was parsed for the first analysis');
    const outlines = analysis.documents.map(documentOutline);
    assert.ok(analysis.documents.every(awaitsModel), 'the outline needs no tree');
    assert.deepStrictEqual(outlines, analysis.documents.map((d) => outline(d.model)));
    assert.ok(!analysis.documents.some(awaitsModel));
  });

  it('after a first analysis shared with the helper, every edit reads as a fresh analysis of the new text', () => {
    // Keystrokes inside values (the patched path, on documents whose tree is parsed on first read) and
    // anywhere else, in the corpus's and the examples' multi-document files.
    const texts = [EXAMPLES, ...FILES.map(read)].filter((t) => splitDocuments(t).length >= 4 && t.length < 200_000);
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(3), fc.constantFrom('x', 'a', ' ', '\n', '-', ': ', '{{', '"', '')), { minLength: 1, maxLength: 6 }), (which, edits) => {
        let text = texts[which];
        const analyser = new FileAnalyzer(undefined, undefined, new InProcessHelper(Math.ceil(splitDocuments(text).length / 2)));
        analyser.analyse(text, DEFAULT_SETTINGS);
        for (const [where, removed, typed] of edits) {
          const start = Math.floor(where * text.length);
          const end = Math.min(text.length, start + removed);
          const next = text.slice(0, start) + typed + text.slice(end);
          const incremental = analyser.analyse(next, DEFAULT_SETTINGS, { start, end, length: typed.length, text: typed });
          assert.equal(shown(incremental), shown(analyseText(next, DEFAULT_SETTINGS)));
          text = next;
        }
      }),
      // CI runs a fixed seed and a bounded count; a long run sets KV_FUZZ_RUNS (and KV_FUZZ_SEED).
      { seed: Number(process.env.KV_FUZZ_SEED ?? 20261204), numRuns: Number(process.env.KV_FUZZ_RUNS ?? 0) || 300 },
    );
  });

  it('answers quick fixes and completions that read other documents from their summaries, parsing no tree the helper spared', () => {
    // A review: the first pull-secret quick fix (which VS Code asks for when the cursor rests on the
    // finding) or Secret-name completion after opening 5,000 documents parsed every tree the helper had
    // analysed, in one request: 5 s, and every keystroke behind it.
    const filler = Array.from({ length: 60 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\ndata: {a: b}\n`);
    const documents = [
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: puller}\n',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\ntype: kubernetes.io/dockerconfigjson\ndata: {.dockerconfigjson: e30=}\n',
      ...filler,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  serviceAccountName: puller\n  containers:\n    - name: a\n      image: registry.example.com/team/app:1\n      volumeMounts: [{name: s, mountPath: /s}]\n  volumes:\n    - name: s\n      secret:\n        secretName: x\n',
    ];
    const text = documents.join('---\n');
    const document = TextDocument.create('file:///f.yaml', 'yaml', 1, text);
    const analysis = new FileAnalyzer(undefined, undefined, new InProcessHelper()).analyse(text, DEFAULT_SETTINGS);
    const parsed = (): number => analysis.documents.filter((d) => !awaitsModel(d)).length;
    const finding = analysis.diagnostics.find((d) => d.rule === 'private-image-without-pull-secret')!;
    assert.ok(finding);
    const lsp = { range: finding.range, message: finding.message, source: 'kube-volumes', code: finding.rule, data: { rule: finding.rule, fieldPath: finding.fieldPath, document: finding.document, ...finding.data } };
    const titles = codeActions(document, analysis, [lsp]).map((a) => a.title);
    assert.ok(titles.includes('Add imagePullSecrets: [regcred] to the pod spec'), titles.join(' | '));
    assert.ok(titles.includes('Add imagePullSecrets: [regcred] to ServiceAccount puller'), titles.join(' | '));
    assert.equal(parsed(), 2, 'the pod and its ServiceAccount, which the fixes edit');
    const secretName = text.lastIndexOf('secretName: ') + 'secretName: '.length;
    const labels = completion(document, at(analysis, document, document.positionAt(secretName))!).map((c) => c.label);
    assert.deepEqual(labels, ['regcred']);
    assert.equal(parsed(), 2, 'completion read summaries only');
  });

  it('stops the helper when its file closes during the first analysis', () => {
    // A review: closing a file of 5,000 documents half-read left the helper on it to the end, and the
    // next large file got no share.
    const text = EXAMPLES;
    const helper = new InProcessHelper(1);
    const analyser = new FileAnalyzer(undefined, undefined, helper);
    assert.equal(analyser.prepare(text, DEFAULT_SETTINGS, undefined, performance.now() - 1), false, 'one document parsed, more left');
    assert.equal(helper.cancelled, 0);
    analyser.dispose();
    assert.equal(helper.cancelled, 1);
  });

  it('reports what a rule threw on the helper\'s side as it was thrown: an Error with its stack, or the value', () => {
    // A review: a rule that threw a string was logged as "undefined".
    const rule = DOCUMENT_RULES.find((r) => r.id === 'unused-volume')!;
    const original = rule.check;
    const text = EXAMPLES;
    try {
      for (const thrown of ['string boom', new Error('error boom')]) {
        (rule as { check: unknown }).check = () => {
          throw thrown;
        };
        const alone: unknown[] = [];
        const shared: unknown[] = [];
        new FileAnalyzer((_id, error) => alone.push(error)).analyse(text, DEFAULT_SETTINGS);
        new FileAnalyzer((_id, error) => shared.push(error), undefined, new InProcessHelper()).analyse(text, DEFAULT_SETTINGS);
        assert.equal(shared.length, alone.length);
        if (typeof thrown === 'string') assert.deepEqual(shared, alone);
        else for (const error of shared) assert.ok(error instanceof Error && error.message === 'error boom' && error.stack === thrown.stack);
      }
    } finally {
      (rule as { check: unknown }).check = original;
    }
  });

  it('asks the helper only for a first analysis, not after an edit or for settings that leave the options as they were', () => {
    const text = EXAMPLES;
    const helper = new InProcessHelper();
    const analyser = new FileAnalyzer(undefined, undefined, helper);
    analyser.analyse(text, DEFAULT_SETTINGS);
    analyser.analyse(text.replace('scratch', 'scrath'), DEFAULT_SETTINGS);
    analyser.analyse(text, { ...DEFAULT_SETTINGS, rules: { 'unused-volume': 'off' } });
    assert.equal(helper.jobs, 1);
    analyser.analyse(text, { ...DEFAULT_SETTINGS, publicRegistries: ['registry.example.com'] });
    assert.equal(helper.jobs, 2, 'new options make every document stale: a first analysis again');
  });
});

describe('the helper thread', () => {
  const many = (times = 40): string => {
    // Over the thread's threshold: the examples' documents again and again, each Pod renamed.
    const base = EXAMPLES;
    return Array.from({ length: times }, (_, i) => base.replace(/name: /g, `name: n${i}-`)).join('\n---\n');
  };
  const script = path.join(ROOT, 'dist', 'analysis-worker.js');
  /** As the server analyses a file: slices of 5 ms, the event loop free between them; a thread that starts meanwhile joins in. */
  const inSlices = async (analyser: FileAnalyzer, text: string): Promise<FileAnalysis> => {
    while (!analyser.prepare(text, DEFAULT_SETTINGS, undefined, performance.now() + 5)) await new Promise((resolve) => setTimeout(resolve, 10));
    return analyser.analyse(text, DEFAULT_SETTINGS);
  };
  const threads: AnalysisThread[] = [];
  after(async () => {
    for (const thread of threads) await thread.terminate();
  });

  it('shares a large file with the analyser, which reads it as it reads it alone (dist/analysis-worker.js)', async () => {
    const text = many();
    const thread = new AnalysisThread(script, { minDocuments: 1, startMinDocuments: 1 });
    threads.push(thread);
    // The first job starts the thread; the analyser may finish before it has loaded its code.
    assert.equal(shown(new FileAnalyzer(undefined, undefined, thread).analyse(text, DEFAULT_SETTINGS)), shown(analyseText(text, DEFAULT_SETTINGS)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const analysis = new FileAnalyzer(undefined, undefined, thread).analyse(text, DEFAULT_SETTINGS);
    assert.equal(shown(analysis), shown(analyseText(text, DEFAULT_SETTINGS)));
    const received = analysis.documents.filter(awaitsModel).length;
    assert.ok(received > 0 && received < analysis.documents.length, `the thread analysed ${received} of ${analysis.documents.length} documents`);
    assert.ok(analysis.documents.slice(analysis.documents.length - received).every(awaitsModel), 'the thread took documents from the end');
  });

  it('starts a thread only for a file that repays its start, keeps it for the next files, and ends it after its idle time', async () => {
    // A new thread must load its code first, and gains nothing on a file of a few hundred documents;
    // one that has worked before does. Ended after its idle time, its heap goes with it.
    const [large, small] = [many(40), many(20)];
    // Worked out first: a blocking analysis between two files would outlast the thread's idle time.
    const expected = new Map([large, small].map((text) => [text, shown(analyseText(text, DEFAULT_SETTINGS))]));
    const thread = new AnalysisThread(script, { minDocuments: 1, startMinDocuments: splitDocuments(large).length, idleMs: 1000 });
    threads.push(thread);
    const taken = (analysis: FileAnalysis): number => analysis.documents.filter(awaitsModel).length;
    const check = async (text: string, expectTaken: boolean, what: string): Promise<void> => {
      const analysis = await inSlices(new FileAnalyzer(undefined, undefined, thread), text);
      assert.equal(shown(analysis), expected.get(text), what);
      assert.equal(taken(analysis) > 0, expectTaken, `${what}: the thread took ${taken(analysis)} documents`);
    };
    await check(small, false, 'a smaller file, no thread running');
    assert.equal(thread.started, 0);
    await check(large, true, 'a large file');
    await check(small, true, 'the smaller file, the thread running');
    assert.equal(thread.started, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await check(small, false, 'the smaller file, the thread ended');
    await check(large, true, 'the large file again');
    assert.equal(thread.started, 2);
  });

  it('waits for a helper at work a slice at a time, and gives up on a silent one only when waiting without a deadline', () => {
    // A review: one document of 9.4 MB took the helper 11 s, and the analyser, taking 10 s of silence
    // for a dead helper, analysed it again (23 s in all). Between slices, the event loop reports a dead thread.
    const state = new Int32Array(new SharedArrayBuffer(4 * (CLAIMS + 1)));
    state[CLAIMS] = HELPER;
    const drains: number[] = [];
    const job = new ThreadJob(1, state, (deadline) => drains.push(deadline), 5);
    assert.equal(job.claim(0), false);
    const deadline = performance.now() + 20;
    assert.deepEqual(job.resultFor(0, deadline), { kind: 'pending' }, 'silent for 20 ms, past its 5 ms of silence: still waited for');
    // Reading the thousands of messages a finished helper has queued is work of its own, a slice at a time.
    assert.ok(drains.length > 0 && drains.every((d) => d === deadline), 'messages read until the slice\'s deadline');
    assert.deepEqual(job.resultFor(0, Infinity), { kind: 'failed' });
  });

  it('yields between the documents it takes from the helper, as between those it parses', () => {
    // On the 50 MB file, the analyser met the helper's share with all of it waiting, and took the
    // 10,000 documents in one go: a hover waited 0.95 s.
    const text = many();
    const count = splitDocuments(text).length;
    const analyser = new FileAnalyzer(undefined, undefined, new InProcessHelper());
    let slices = 1;
    // A deadline already past: one document per slice.
    while (!analyser.prepare(text, DEFAULT_SETTINGS, undefined, -Infinity)) slices++;
    assert.equal(slices, count);
    assert.equal(shown(analyser.analyse(text, DEFAULT_SETTINGS)), shown(analyseText(text, DEFAULT_SETTINGS)));
  });

  it('counts the documents read for the progress shown to the user, the helper\'s included, each once', () => {
    const text = many(4);
    const count = splitDocuments(text).length;
    const share = Math.floor(count / 3);
    const analyser = new FileAnalyzer(undefined, undefined, new InProcessHelper(share));
    assert.equal(analyser.progress(), undefined, 'nothing under way');
    const seen: number[] = [];
    while (!analyser.prepare(text, DEFAULT_SETTINGS, undefined, -Infinity)) seen.push(analyser.progress()!.done);
    // One document per slice from the start, on top of the helper's share from the end, up to the whole file.
    assert.deepEqual(seen, seen.map((_, slice) => Math.min(count, share + slice + 1)));
    assert.equal(seen.length, count - 1, 'a slice per document, the last one ending the preparation');
    assert.equal(analyser.progress()!.total, count);
    analyser.analyse(text, DEFAULT_SETTINGS);
    assert.equal(analyser.progress(), undefined, 'done');
  });

  it('leaves the analyser to do all when the thread cannot start, and declines files under its threshold', () => {
    const text = many();
    const missing = new AnalysisThread(path.join(ROOT, 'dist', 'no-such-worker.js'), { minDocuments: 1, startMinDocuments: 1 });
    threads.push(missing);
    assert.equal(shown(new FileAnalyzer(undefined, undefined, missing).analyse(text, DEFAULT_SETTINGS)), shown(analyseText(text, DEFAULT_SETTINGS)));
    const chunks = splitDocuments(text);
    assert.equal(new AnalysisThread(script, { minDocuments: chunks.length + 1, startMinDocuments: 1 }).start(text, chunks, DEFAULT_SETTINGS), undefined);
  });
});
