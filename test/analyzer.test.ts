/** The engine: per-document caching, positions across documents, severities, contained failures. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { FileAnalyzer } from '../server/src/core/analysis/analyzer';
import { DOCUMENT_RULES } from '../server/src/core/rules/registry';
import { DEFAULT_SETTINGS } from '../server/src/core/settings';
import { dump } from './helpers';

const pod = (name: string, mount: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n    - name: a\n      image: nginx\n      volumeMounts: [{name: ${mount}, mountPath: /x}]\n  volumes: [{name: data, emptyDir: {}}]\n`;

describe('FileAnalyzer', () => {
  it('places diagnostics on the lines the editor shows, after a lone \r and in a CRLF file, in every document', () => {
    // A hostile review: a \r inside a comment put every later diagnostic one line above its text.
    const pod = (eol: string): string => ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p} # a\rcomment', 'spec:', '  containers:', '    - name: a', '      image: nginx', '      volumeMounts: [{name: dta, mountPath: /d}]', '  volumes: [{name: data, emptyDir: {}}]', ''].join(eol);
    for (const eol of ['\n', '\r\n']) {
      const text = `${pod(eol)}---${eol}${pod(eol)}`;
      const lines = text.split(/\r\n|\r|\n/);
      const found = new FileAnalyzer().analyse(text, DEFAULT_SETTINGS).diagnostics.filter((d) => d.rule === 'mount-without-volume');
      assert.equal(found.length, 2);
      for (const d of found) assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), 'dta', JSON.stringify(eol));
    }
  });

  it('re-analyses only the document an edit touched', () => {
    const docs = Array.from({ length: 50 }, (_, i) => pod(`p${i}`, 'data'));
    const analyser = new FileAnalyzer();
    const before = analyser.analyse(docs.join('---\n'), DEFAULT_SETTINGS);
    docs[20] = pod('p20', 'dta');
    const after = analyser.analyse(docs.join('---\n'), DEFAULT_SETTINGS);
    const reused = after.documents.filter((d, i) => d === before.documents[i]).length;
    assert.equal(reused, 49);
    assert.deepEqual(after.diagnostics.map((d) => [d.document, d.rule, d.range.start.line]), [[20, 'mount-without-volume', 20 * 10 + 7]]);
  });

  it('given the edit, re-splits only around it and reports what a full analysis reports', () => {
    const docs = Array.from({ length: 30 }, (_, i) => pod(`p${i}`, 'data'));
    const before = docs.join('---\n');
    const analyser = new FileAnalyzer();
    const first = analyser.analyse(before, DEFAULT_SETTINGS);
    // Type "x" into the mount name of document 12 ("data" -> "datax"), then insert a new document after it.
    const at = before.indexOf('name: data,', first.chunks[12].offset) + 'name: data'.length;
    const typed = `${before.slice(0, at)}x${before.slice(at)}`;
    const incremental = analyser.analyse(typed, DEFAULT_SETTINGS, { start: at, end: at, length: 1 });
    assert.deepEqual(incremental.diagnostics, new FileAnalyzer().analyse(typed, DEFAULT_SETTINGS).diagnostics);
    assert.equal(incremental.documents.filter((d, i) => d === first.documents[i]).length, 29);
    const boundary = incremental.chunks[13].offset;
    const inserted = `${typed.slice(0, boundary)}---\n${pod('new', 'dta')}${typed.slice(boundary)}`;
    const grown = analyser.analyse(inserted, DEFAULT_SETTINGS, { start: boundary, end: boundary, length: inserted.length - typed.length });
    assert.deepEqual(grown.diagnostics, new FileAnalyzer().analyse(inserted, DEFAULT_SETTINGS).diagnostics);
    assert.deepEqual(grown.diagnostics.map((d) => d.document), [12, 13]);
  });

  it('reuses cached results when documents move, and still reports them at their new lines', () => {
    const analyser = new FileAnalyzer();
    analyser.analyse(`${pod('a', 'data')}---\n${pod('b', 'dta')}`, DEFAULT_SETTINGS);
    const moved = analyser.analyse(`# added comment\n${pod('a', 'data')}---\n${pod('b', 'dta')}`, DEFAULT_SETTINGS);
    assert.deepEqual(moved.diagnostics.map((d) => [d.document, d.range.start.line]), [[1, 18]]);
  });

  it('applies severity overrides and switches rules off without re-parsing', () => {
    const analyser = new FileAnalyzer();
    const text = pod('a', 'dta');
    assert.equal(analyser.analyse(text, DEFAULT_SETTINGS).diagnostics[0].severity, 'error');
    assert.equal(analyser.analyse(text, { ...DEFAULT_SETTINGS, rules: { 'mount-without-volume': 'hint' } }).diagnostics[0].severity, 'hint');
    assert.deepEqual(analyser.analyse(text, { ...DEFAULT_SETTINGS, rules: { 'mount-without-volume': 'off' } }).diagnostics, []);
  });

  it('contains a rule that throws: the others still report, and the failure is reported once per call', () => {
    const rule = DOCUMENT_RULES.find((r) => r.id === 'unused-volume')!;
    const original = rule.check;
    const failures: string[] = [];
    try {
      (rule as { check: unknown }).check = () => {
        throw new Error('boom');
      };
      const result = new FileAnalyzer((id) => failures.push(id)).analyse(pod('a', 'dta'), DEFAULT_SETTINGS);
      assert.deepEqual(result.diagnostics.map((d) => d.rule), ['mount-without-volume']);
      assert.deepEqual(failures, ['unused-volume']);
    } finally {
      (rule as { check: unknown }).check = original;
    }
  });

  it('analyses an empty file, and a file emptied by an edit, without a rule failing', () => {
    const failures: string[] = [];
    const analyser = new FileAnalyzer((id) => failures.push(id));
    assert.deepEqual(analyser.analyse('', DEFAULT_SETTINGS).diagnostics, []);
    const text = pod('a', 'data');
    analyser.analyse(text, DEFAULT_SETTINGS);
    assert.deepEqual(analyser.analyse('', DEFAULT_SETTINGS, { start: 0, end: text.length, length: 0, text: '' }).diagnostics, []);
    assert.deepEqual(failures, []);
  });

  /** Counts how many documents the analyser parses and checks, through a document rule's calls. */
  function countingChecks<T>(run: (count: () => number) => T): T {
    const rule = DOCUMENT_RULES.find((r) => r.id === 'unused-volume')!;
    const original = rule.check;
    let calls = 0;
    (rule as { check: unknown }).check = (...args: Parameters<typeof original>) => {
      calls++;
      return original(...args);
    };
    try {
      return run(() => calls);
    } finally {
      (rule as { check: unknown }).check = original;
    }
  }

  it('prepares a file a slice at a time, and then analyses it without parsing anything again', () => {
    const docs = Array.from({ length: 40 }, (_, i) => pod(`p${i}`, i === 7 ? 'dta' : 'data'));
    const text = docs.join('---\n');
    const expected = new FileAnalyzer().analyse(text, DEFAULT_SETTINGS).diagnostics;
    countingChecks((checks) => {
      const analyser = new FileAnalyzer();
      // A deadline already past: each call parses one document, then yields.
      let calls = 1;
      while (!analyser.prepare(text, DEFAULT_SETTINGS, undefined, -Infinity)) calls++;
      assert.equal(calls, 40);
      assert.equal(checks(), 40);
      const analysis = analyser.analyse(text, DEFAULT_SETTINGS);
      assert.equal(checks(), 40);
      assert.deepEqual(analysis.diagnostics, expected);
      assert.deepEqual(analysis.diagnostics.map((d) => d.document), [7]);
      // The analysed version needs no preparation.
      assert.equal(analyser.prepare(text, DEFAULT_SETTINGS, undefined, -Infinity), true);
      assert.equal(checks(), 40);
    });
  });

  it('keeps what an abandoned preparation parsed: an edit during it costs one document', () => {
    const docs = Array.from({ length: 40 }, (_, i) => pod(`p${i}`, 'data'));
    countingChecks((checks) => {
      const analyser = new FileAnalyzer();
      for (let i = 0; i < 20; i++) analyser.prepare(docs.join('---\n'), DEFAULT_SETTINGS, undefined, -Infinity);
      docs[30] = pod('p30', 'dta'); // typed into a document the preparation has not reached
      docs[5] = pod('p5', 'dta'); // and into one it has
      const edited = docs.join('---\n');
      while (!analyser.prepare(edited, DEFAULT_SETTINGS, undefined, -Infinity));
      assert.equal(checks(), 41);
      assert.deepEqual(analyser.analyse(edited, DEFAULT_SETTINGS).diagnostics.map((d) => d.document), [5, 30]);
      assert.equal(checks(), 41);
    });
  });
});

describe('FileAnalyzer, edit by edit', () => {
  const SHARED = path.resolve(__dirname, '..', '..', 'shared');
  const cases = readdirSync(path.join(SHARED, 'cases')).sort().map((name) => readFileSync(path.join(SHARED, 'cases', name), 'utf8'));
  /** What people type, including what moves lines, splits or joins documents, and silences rules. */
  const TYPED = fc.constantFrom('x', ' ', '\n', ':', '- ', '---\n', '\n---\n', '#', '# kube-volumes-disable-next-line\n', '# kube-volumes-disable\n', '"', '{{ .Values.x }}', '');
  /** `abandoned`: the edit is only prepared, as when another edit comes before its analysis; the next one starts from the text before it. */
  const edits = fc.array(fc.record({ at: fc.nat(100_000), remove: fc.nat(3), typed: TYPED, withText: fc.boolean(), abandoned: fc.nat(3).map((n) => n === 0) }), { minLength: 1, maxLength: 6 });
  // Every node with its range: a stale tree reports the right values at the wrong places.
  const shape = (analysis: ReturnType<FileAnalyzer['analyse']>): unknown => analysis.documents.map((d) => [d.model.text, dump(d.model.parsed?.contents)]);

  it('reports after every edit anywhere what a fresh analysis of the same text reports', () => {
    fc.assert(fc.property(fc.array(fc.nat(cases.length - 1), { minLength: 1, maxLength: 4 }), edits, (picked, steps) => {
      let text = picked.map((i) => cases[i]).join('---\n');
      const analyser = new FileAnalyzer();
      analyser.analyse(text, DEFAULT_SETTINGS);
      for (const step of steps) {
        const start = step.at % (text.length + 1);
        const end = Math.min(text.length, start + step.remove);
        const edited = text.slice(0, start) + step.typed + text.slice(end);
        const change = { start, end, length: step.typed.length, ...(step.withText ? { text: step.typed } : {}) };
        if (step.abandoned) {
          analyser.prepare(edited, DEFAULT_SETTINGS, change, Infinity);
          continue;
        }
        text = edited;
        const incremental = analyser.analyse(text, DEFAULT_SETTINGS, change);
        const fresh = new FileAnalyzer().analyse(text, DEFAULT_SETTINGS);
        assert.deepEqual(incremental.diagnostics, fresh.diagnostics);
        assert.deepEqual(shape(incremental), shape(fresh));
      }
    }), { seed: Number(process.env.KV_FUZZ_SEED ?? 20261204), numRuns: Number(process.env.KV_FUZZ_RUNS ?? 0) || 300 });
  });
});

describe('FileAnalyzer, findings kept across a keystroke', () => {
  it('runs again only the rules that read the edited field, and reports what a fresh analysis reports', () => {
    const text = pod('web', 'dat');
    const at = text.indexOf('name: dat') + 'name: dat'.length;
    const typed = text.slice(0, at) + 'a' + text.slice(at);
    const analyser = new FileAnalyzer();
    analyser.analyse(text, DEFAULT_SETTINGS);
    const fresh = new FileAnalyzer().analyse(typed, DEFAULT_SETTINGS).diagnostics;
    const calls = new Map<string, number>();
    const originals = DOCUMENT_RULES.map((rule) => rule.check);
    DOCUMENT_RULES.forEach((rule, r) => {
      (rule as { check: unknown }).check = (...args: Parameters<typeof rule.check>) => {
        calls.set(rule.id, (calls.get(rule.id) ?? 0) + 1);
        return originals[r](...args);
      };
    });
    try {
      const after = analyser.analyse(typed, DEFAULT_SETTINGS, { start: at, end: at, length: 1, text: 'a' });
      assert.deepEqual(after.diagnostics, fresh);
    } finally {
      DOCUMENT_RULES.forEach((rule, r) => ((rule as { check: unknown }).check = originals[r]));
    }
    // The mount's name decides whether it finds its volume; a host path rule does not look at it.
    assert.equal(calls.get('mount-without-volume'), 1);
    assert.equal(calls.get('relative-host-path'), undefined);
    const ran = DOCUMENT_RULES.filter((rule) => calls.has(rule.id)).length;
    assert.ok(ran < DOCUMENT_RULES.length / 2, `${ran} of ${DOCUMENT_RULES.length} rules ran again for a keystroke in a mount name`);
  });
});

describe('FileAnalyzer, facts of a file rule after a keystroke', () => {
  it("typing a Secret's name into a ServiceAccount's empty pull-secret entry makes it a use, as a fresh analysis finds", () => {
    // Found by a review: the entry counts only once its name is not empty, so the document had no facts before.
    let text = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\nimagePullSecrets:\n  - name: ""\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: Opaque\n';
    const analyser = new FileAnalyzer();
    analyser.analyse(text, DEFAULT_SETTINGS);
    const at = text.indexOf('""') + 1;
    for (const [i, typed] of [...'regcred'].entries()) {
      text = text.slice(0, at + i) + typed + text.slice(at + i);
      analyser.analyse(text, DEFAULT_SETTINGS, { start: at + i, end: at + i, length: 1, text: typed });
    }
    const diagnostics = analyser.analyse(text, DEFAULT_SETTINGS).diagnostics;
    assert.deepEqual(diagnostics, new FileAnalyzer().analyse(text, DEFAULT_SETTINGS).diagnostics);
    assert.deepEqual(diagnostics.map((d) => [d.rule, d.document]), [['pull-secret-wrong-type', 1]]);
  });
});

describe('FileAnalyzer, pull-secret-wrong-type kept across keystrokes', () => {
  it('keeps its finding through keystrokes elsewhere, and follows the use it points to when that moves or changes', () => {
    let text = [
      'apiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\ntype: Opaque\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  mode: fast\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: busybox\n  imagePullSecrets:\n    - name: regcred\n',
    ].join('---\n');
    const analyser = new FileAnalyzer();
    analyser.analyse(text, DEFAULT_SETTINGS);
    const type = (at: number, typed: string, removed = 0): string[] => {
      text = text.slice(0, at) + typed + text.slice(at + removed);
      const incremental = analyser.analyse(text, DEFAULT_SETTINGS, { start: at, end: at + removed, length: typed.length, text: typed });
      assert.deepEqual(incremental.diagnostics, new FileAnalyzer().analyse(text, DEFAULT_SETTINGS).diagnostics);
      return incremental.diagnostics.filter((d) => d.rule === 'pull-secret-wrong-type').map((d) => `${d.range.start.line} -> ${d.related.map((r) => `${r.range.start.line}:${r.range.start.character}`).join(' ')}`);
    };
    const found = '3 -> 19:12';
    assert.deepEqual(type(text.indexOf('fast') + 4, 'er'), [found], 'a keystroke in another document keeps it');
    assert.deepEqual(type(text.indexOf('name: app') + 'name: app'.length, 'x'), [found], 'a keystroke in the pod, before the use on another line');
    assert.deepEqual(type(text.lastIndexOf('name: regcred') + 'name:'.length, ' '), ['3 -> 19:13'], 'the use moved: so does the related location');
    assert.deepEqual(type(text.lastIndexOf('regcred') + 'regcred'.length, 'x'), [], 'the pod uses another Secret now');
  });
});

describe('FileAnalyzer, findings of the pull-secret rules kept per document', () => {
  it('follows edits of a ServiceAccount and of an image into the findings of the other documents, in two files typed into in turn', () => {
    const podUsing = (name: string, account: string): string =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  serviceAccountName: ${account}\n  containers:\n    - name: a\n      image: registry.example.com/team/${name}:1\n`;
    const fileOf = (prefix: string): string => [podUsing(`${prefix}first`, 'builder'), podUsing(`${prefix}second`, 'default'), 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder}\nimagePullSecrets:\n  - name: r\n'].join('---\n');
    // Each file keeps what its rules derived (file-derived.ts): typing into the other in between must not mix them up.
    const files = ['', 'other-'].map((prefix) => ({ text: fileOf(prefix), analyser: new FileAnalyzer() }));
    for (const file of files) file.analyser.analyse(file.text, DEFAULT_SETTINGS);
    const type = (file: (typeof files)[number], at: number, typed: string, removed = 0): string[] => {
      file.text = file.text.slice(0, at) + typed + file.text.slice(at + removed);
      const incremental = file.analyser.analyse(file.text, DEFAULT_SETTINGS, { start: at, end: at + removed, length: typed.length, text: typed });
      assert.deepEqual(incremental.diagnostics, new FileAnalyzer().analyse(file.text, DEFAULT_SETTINGS).diagnostics);
      return incremental.diagnostics.filter((d) => d.rule === 'private-image-without-pull-secret').map((d) => d.message.slice(0, d.message.indexOf(' comes')));
    };
    const [one, other] = files;
    const secretName = (file: (typeof files)[number]): number => file.text.lastIndexOf('name: r') + 'name: '.length;
    assert.deepEqual(type(one, secretName(one), '', 1), ['Image "registry.example.com/team/first:1"', 'Image "registry.example.com/team/second:1"'], 'the ServiceAccount no longer supplies a pull secret');
    assert.deepEqual(type(other, secretName(other), 'x'), ['Image "registry.example.com/team/other-second:1"']);
    assert.deepEqual(type(one, secretName(one), 'r'), ['Image "registry.example.com/team/second:1"'], 'and supplies one again');
    const tag = one.text.indexOf('second:1') + 'second:'.length;
    assert.deepEqual(type(one, tag, '2', 1), ['Image "registry.example.com/team/second:2"'], "an image's finding follows its own document");
    assert.deepEqual(type(other, other.text.indexOf('other-first:1') + 'other-first:'.length, '3', 1), ['Image "registry.example.com/team/other-second:1"']);
  });
});

describe('FileAnalyzer, patching a tree in place', () => {
  const twin = pod('twin', 'data');
  const typeAt = (text: string, at: number, typed: string): string => text.slice(0, at) + typed + text.slice(at);
  /** Every node's range and value: what a stale tree would get wrong. */
  const shape = (analysis: ReturnType<FileAnalyzer['analyse']>): string => JSON.stringify(analysis.documents.map((d) => d.model.parsed?.toJS()), null, 0)
    + JSON.stringify(analysis.documents.map((d) => d.model.podSpecs.map((p) => p.containers.map((c) => c.mounts.map((m) => [m.name, (m.node.range ?? []).slice(0, 2)])))));

  it('editing one of identical documents that share an analysis leaves the others as they were', () => {
    const text = `---\n${twin}---\n${twin}`;
    const analyser = new FileAnalyzer();
    // prepare() finds the second document by its text: both indexes share one analysed document.
    analyser.prepare(text, DEFAULT_SETTINGS, undefined, Infinity);
    const first = analyser.analyse(text, DEFAULT_SETTINGS);
    assert.equal(first.documents[0], first.documents[1]);
    const at = text.indexOf('name: data,') + 'name: dat'.length;
    const typed = typeAt(text, at, 'x');
    const after = analyser.analyse(typed, DEFAULT_SETTINGS, { start: at, end: at, length: 1, text: 'x' });
    const fresh = new FileAnalyzer().analyse(typed, DEFAULT_SETTINGS);
    assert.deepEqual(after.diagnostics, fresh.diagnostics);
    assert.equal(shape(after), shape(fresh));
  });

  it('never hands back a document whose tree a patch changed, even when the edit is undone before it was analysed', () => {
    const text = `${pod('a', 'data')}---\n${pod('b', 'data')}`;
    const analyser = new FileAnalyzer();
    analyser.analyse(text, DEFAULT_SETTINGS);
    const at = text.lastIndexOf('name: data,') + 'name: dat'.length;
    // A keystroke is prepared (its tree patched in place), then undone before analyse() ran: the text is the first one again.
    analyser.prepare(typeAt(text, at, 'x'), DEFAULT_SETTINGS, { start: at, end: at, length: 1, text: 'x' }, Infinity);
    const undone = analyser.analyse(text, DEFAULT_SETTINGS);
    const fresh = new FileAnalyzer().analyse(text, DEFAULT_SETTINGS);
    assert.deepEqual(undone.diagnostics, fresh.diagnostics);
    assert.equal(shape(undone), shape(fresh));
    // And typing on from there still patches correctly.
    const again = typeAt(text, at, 'y');
    assert.equal(shape(analyser.analyse(again, DEFAULT_SETTINGS, { start: at, end: at, length: 1, text: 'y' })), shape(new FileAnalyzer().analyse(again, DEFAULT_SETTINGS)));
  });
});

describe('FileAnalyzer, a document handed to another index', () => {
  it('does not patch a document an identical one was given in the same pass', () => {
    // Found by a review: after an abandoned preparation, document 0's own analysis is spent, so it
    // gets its identical twin's; the twin must not then be patched in place for document 1.
    const P = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: c\n      image: nginx\n      volumeMounts: [{name: data, mountPath: /x}]\n  volumes: [{name: data, emptyDir: {}}]\n';
    const t0 = `---\n${P}---\n${P}`;
    const ins = (t: string, at: number, s: string): string => t.slice(0, at) + s + t.slice(at);
    const analyser = new FileAnalyzer();
    analyser.analyse(t0, DEFAULT_SETTINGS);
    const m0 = t0.indexOf('{name: data, m') + 9;
    const m1 = t0.lastIndexOf('{name: data, m') + 9;
    analyser.prepare(ins(t0, m0, 'x'), DEFAULT_SETTINGS, { start: m0, end: m0, length: 1, text: 'x' }, Infinity);
    const t2 = ins(t0, m1, 'y');
    const second = analyser.analyse(t2, DEFAULT_SETTINGS, { start: m1, end: m1, length: 1, text: 'y' });
    assert.notEqual(second.documents[0].model.parsed, second.documents[1].model.parsed);
    const i0 = t2.indexOf('nginx') + 3;
    const t3 = ins(t2, i0, 'z');
    assert.deepEqual(analyser.analyse(t3, DEFAULT_SETTINGS, { start: i0, end: i0, length: 1, text: 'z' }).diagnostics, new FileAnalyzer().analyse(t3, DEFAULT_SETTINGS).diagnostics);
  });
});

describe('FileAnalyzer, placing diagnostics', () => {
  it('places a document again when the comment at the end of the one before it changes what it silences', () => {
    // Document 1 is on its marker's line, so the disable-next-line comment that ends document 0 silences its mount error.
    const oneLine = '--- {apiVersion: v1, kind: Pod, metadata: {name: b}, spec: {containers: [{name: a, image: nginx, volumeMounts: [{name: dta, mountPath: /x}]}]}}\n';
    let text = `${pod('a', 'data')}# kube-volumes-disable-next-line\n${oneLine}`;
    const analyser = new FileAnalyzer();
    const mountErrors = (a: ReturnType<FileAnalyzer['analyse']>): number => a.diagnostics.filter((d) => d.rule === 'mount-without-volume').length;
    assert.equal(mountErrors(analyser.analyse(text, DEFAULT_SETTINGS)), 0);
    const type = (at: number, remove: number, typed: string): ReturnType<FileAnalyzer['analyse']> => {
      text = `${text.slice(0, at)}${typed}${text.slice(at + remove)}`;
      const incremental = analyser.analyse(text, DEFAULT_SETTINGS, { start: at, end: at + remove, length: typed.length, text: typed });
      assert.deepEqual(incremental.diagnostics, new FileAnalyzer().analyse(text, DEFAULT_SETTINGS).diagnostics);
      return incremental;
    };
    // Break the comment, type into the silenced document, then mend the comment.
    assert.equal(mountErrors(type(text.indexOf('kube-volumes-disable'), 1, '')), 1);
    assert.equal(mountErrors(type(text.lastIndexOf('name: dta') + 'name: dt'.length, 0, 'x')), 1);
    assert.equal(mountErrors(type(text.indexOf('ube-volumes-disable'), 0, 'k')), 0);
  });

  it('reuses the diagnostics of documents a keystroke did not touch, also in a file with a file-wide disable comment', () => {
    for (const header of ['', '# kube-volumes-disable unused-volume\n']) {
      const text = header + Array.from({ length: 8 }, (_, i) => pod(`p${i}`, 'dta')).join('---\n');
      const analyser = new FileAnalyzer();
      const before = analyser.analyse(text, DEFAULT_SETTINGS);
      const at = text.lastIndexOf('name: dta,') + 'name: dt'.length;
      const typed = `${text.slice(0, at)}x${text.slice(at)}`;
      const after = analyser.analyse(typed, DEFAULT_SETTINGS, { start: at, end: at, length: 1, text: 'x' });
      assert.deepEqual(after.diagnostics, new FileAnalyzer().analyse(typed, DEFAULT_SETTINGS).diagnostics);
      const untouched = (a: typeof before): unknown[] => a.diagnostics.filter((d) => d.document < 7);
      assert.equal(untouched(after).length, 7);
      untouched(after).forEach((d, i) => assert.equal(d, untouched(before)[i], `document ${i} was placed again (header ${JSON.stringify(header)})`));
    }
  });
});
