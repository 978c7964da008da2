/** Starts the bundled language server over stdio and talks LSP to it, as an editor does. */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const ROOT = path.resolve(__dirname, '..');
const CASES = path.resolve(ROOT, '..', 'shared', 'cases');

class Client {
  private readonly waiting = new Map<string, ((p: PublishDiagnosticsParams) => void)[]>();
  readonly configurationRequests: unknown[] = [];
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  settings: Record<string, unknown> = {};

  constructor(readonly connection: MessageConnection) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      const queue = this.waiting.get(params.uri) ?? [];
      this.waiting.set(params.uri, []);
      queue.forEach((resolve) => resolve(params));
    });
    connection.onRequest('workspace/configuration', (params: unknown) => {
      this.configurationRequests.push(params);
      return [this.settings];
    });
    connection.onRequest('client/registerCapability', () => null);
  }

  /** The first diagnostics published for `uri` at `version`. */
  async nextDiagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const published = await this.nextDiagnostics(uri);
      if (published.version === version) return published;
    }
  }

  /** The next diagnostics published for `uri`, or a rejection after a bounded wait. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 10 s`)), 10_000);
      const queue = this.waiting.get(uri) ?? [];
      queue.push((p) => {
        clearTimeout(timer);
        resolve(p);
      });
      this.waiting.set(uri, queue);
    });
  }
}

describe('language server over stdio', () => {
  let server: ChildProcess;
  let client: Client;

  before(async () => {
    server = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    client = new Client(connection);
    connection.listen();
    const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } } });
    assert.equal((result as { serverInfo: { name: string } }).serverInfo.name, 'kube-volumes');
    await connection.sendNotification('initialized', {});
  });

  after(() => {
    client.connection.dispose();
    server.kill();
  });

  const open = async (name: string, text: string, version = 1): Promise<PublishDiagnosticsParams> => {
    const uri = `file:///work/${name}`;
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    return published;
  };

  it('publishes the mount error with code, docs link, source, exact range and related information', async () => {
    const text = readFileSync(path.join(CASES, 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    const { diagnostics, version } = await open('b01.yaml', text);
    assert.equal(version, 1);
    const d = diagnostics.find((x) => x.code === 'mount-without-volume')!;
    assert.equal(d.source, 'kube-volumes');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 13, character: 16 }, end: { line: 13, character: 23 } });
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/mount-without-volume\.md$/);
    assert.equal(d.relatedInformation![0].location.range.start.line, 15); // "  volumes:"
    assert.equal((d.data as { fieldPath: string }).fieldPath, 'spec.containers[0].volumeMounts[0].name');
  });

  it('re-publishes on an incremental edit, for the new version, and the fix clears the error', async () => {
    const uri = 'file:///work/edit.yaml';
    const text = readFileSync(path.join(CASES, 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    await open('edit.yaml', text);
    const published = client.nextDiagnostics(uri);
    // Line 14 (0-based 13): "        - name: scratch   ..." -> append "-volume" to the name.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 13, character: 23 }, end: { line: 13, character: 23 } }, text: '-volume' }],
    });
    const { diagnostics, version } = await published;
    assert.equal(version, 2);
    assert.deepEqual(diagnostics.map((d) => d.code), ['private-image-without-pull-secret']);
  });

  it('analyses new text even when a client repeats a version number, or opens an open document again', async () => {
    // Both found by a hostile review: the analysis was cached by version alone, and an edit
    // recorded before a second open was replayed onto the new text.
    const good = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx\n      volumeMounts:\n        - {name: data, mountPath: /d}\n  volumes:\n    - {name: data, emptyDir: {}}\n';
    const mountName = { start: { line: 8, character: 17 }, end: { line: 8, character: 21 } };
    const uri = 'file:///work/same-version.yaml';
    assert.deepEqual((await open('same-version.yaml', good)).diagnostics, []);
    let published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ range: mountName, text: 'dta' }] });
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['mount-without-volume']);

    const reopened = 'file:///work/reopened.yaml';
    await open('reopened.yaml', good);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: reopened, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }] });
    published = client.nextDiagnosticsFor(reopened, 3);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: reopened, languageId: 'yaml', version: 3, text: good.replace('{name: data, mountPath', '{name: dta, mountPath') } });
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['mount-without-volume']);
  });

  it('reports YAML syntax errors without crashing, and keeps serving', async () => {
    const { diagnostics } = await open('broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.code === 'yaml-syntax'));
    const again = await open('after.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    assert.deepEqual(again.diagnostics, []);
  });

  it('applies settings: per-rule severity, off, and the switch for the whole extension', async () => {
    const text = readFileSync(path.join(CASES, 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    await open('settings.yaml', text);
    const uri = 'file:///work/settings.yaml';
    client.settings = { rules: { 'mount-without-volume': 'warning', 'private-image-without-pull-secret': 'off' } };
    let published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await published).diagnostics.map((d) => [d.code, d.severity]), [['mount-without-volume', 2]]);
    client.settings = { enable: false };
    published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await published).diagnostics, []);
    client.settings = {};
    published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await published).diagnostics.length, 2);
  });

  it('answers hover, completion, definition, references, highlights, rename, outline and code actions', async () => {
    const text = readFileSync(path.join(CASES, 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    const uri = 'file:///work/requests.yaml';
    const { diagnostics } = await open('requests.yaml', text);
    const doc = { textDocument: { uri } };
    const c = client.connection;
    // Line 17 (0-based 16): "    - name: scratch-volume"
    const onVolume = { ...doc, position: { line: 16, character: 14 } };
    const hover = (await c.sendRequest('textDocument/hover', onVolume)) as { contents: { value: string } };
    assert.match(hover.contents.value, /Volume \*\*scratch-volume\*\* — emptyDir/);
    const refs = (await c.sendRequest('textDocument/references', { ...onVolume, context: { includeDeclaration: true } })) as unknown[];
    assert.equal(refs.length, 1);
    const highlights = (await c.sendRequest('textDocument/documentHighlight', onVolume)) as unknown[];
    assert.equal(highlights.length, 1);
    const rename = (await c.sendRequest('textDocument/rename', { ...onVolume, newName: 'scratch' })) as { changes: Record<string, unknown[]> };
    assert.equal(rename.changes[uri].length, 1);
    await assert.rejects(c.sendRequest('textDocument/rename', { ...onVolume, newName: 'Bad_Name' }), /not a valid volume name/);
    const symbols = (await c.sendRequest('textDocument/documentSymbol', doc)) as { name: string; children: { name: string }[] }[];
    assert.deepEqual(symbols.map((s) => s.name), ['Pod pod-with-scratch']);
    assert.deepEqual(symbols[0].children.map((s) => s.name), ['worker', 'scratch-volume']);
    // The mount name line: "        - name: scratch   # <-- typo"; complete after "name: ".
    const completion = (await c.sendRequest('textDocument/completion', { ...doc, position: { line: 13, character: 16 } })) as { label: string }[];
    assert.deepEqual(completion.map((i) => i.label), ['scratch-volume']);
    const definition = await c.sendRequest('textDocument/definition', { ...doc, position: { line: 13, character: 18 } });
    assert.equal(definition, null, 'an unmatched mount has no definition');
    const actions = (await c.sendRequest('textDocument/codeAction', { ...doc, range: diagnostics[1].range, context: { diagnostics } })) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, { newText: string }[]> } }[];
    const preferred = actions.find((a) => a.isPreferred && a.title === "Change to 'scratch-volume'")!;
    assert.equal(preferred.edit.changes[uri][0].newText, 'scratch-volume');
    assert.ok(actions.some((a) => a.title === 'Disable mount-without-volume in this file'));
  });

  it('answers requests for unknown documents with empty results', async () => {
    const doc = { textDocument: { uri: 'file:///work/never-opened.yaml' }, position: { line: 0, character: 0 } };
    assert.equal(await client.connection.sendRequest('textDocument/hover', doc), null);
    assert.deepEqual(await client.connection.sendRequest('textDocument/completion', doc), []);
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: doc.textDocument }), []);
  });

  it('repairs a manifest pasted without indentation on request, and explains when it cannot', async () => {
    const flat = readFileSync(path.join(CASES, '..', 'seed', '06-flattened-job-as-pasted.yaml'), 'utf8');
    await open('pasted.yaml', flat);
    const reply = (await client.connection.sendRequest('kubeVolumes/repairIndentation', { uri: 'file:///work/pasted.yaml', position: { line: 3, character: 0 } })) as { edit: { newText: string } };
    assert.match(reply.edit.newText, /\n {2}template:\n {4}spec:\n {6}containers:\n/);
    await open('indented.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    const none = (await client.connection.sendRequest('kubeVolumes/repairIndentation', { uri: 'file:///work/indented.yaml', position: { line: 0, character: 0 } })) as { message: string };
    assert.match(none.message, /indented already/);
  });

  it('never publishes stale diagnostics: after a burst of edits the last ones are for the final version', async () => {
    const uri = 'file:///work/burst.yaml';
    const text = readFileSync(path.join(CASES, 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    await open('burst.yaml', text);
    const final = client.nextDiagnosticsFor(uri, 21);
    // Twenty keystrokes sent back to back, each appending a character to the mount name "scratch".
    for (let version = 2; version <= 21; version++) {
      const at = { line: 13, character: 23 + version - 2 };
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
    }
    const { diagnostics } = await final;
    assert.equal(diagnostics.find((d) => d.code === 'mount-without-volume')?.data && (diagnostics.find((d) => d.code === 'mount-without-volume')!.data as { name: string }).name, `scratch${'x'.repeat(20)}`);
    // Give a late, stale publication the time to show up, then check the order of what was published.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
    assert.equal(versions.at(-1), 21);
    assert.deepEqual(versions, [...versions].sort((a, b) => a! - b!), 'versions never go back');
    assert.ok(versions.length < 21, `a burst is analysed fewer times than it has edits (${versions.length})`);
  });

  it('answers requests and takes edits while it reads a file of thousands of documents', async () => {
    const uri = 'file:///work/huge.yaml';
    const pod = (i: number, mount: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n    - name: a\n      image: nginx\n      volumeMounts: [{name: ${mount}, mountPath: /x}]\n  volumes: [{name: data, emptyDir: {}}]\n`;
    const docs = Array.from({ length: 3000 }, (_, i) => pod(i, 'data'));
    const lines = docs[0].split('\n').length; // a document's 10 lines (it ends with a line break), then its `---`
    const final = client.nextDiagnosticsFor(uri, 2);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: docs.join('---\n') } });
    // The first analysis takes seconds: a hover is answered meanwhile (empty), not after it.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 30 } });
    assert.deepEqual(client.published.filter((p) => p.uri === uri), [], 'the hover was answered before the file was analysed');
    // An edit during the first analysis: the server moves on to it, keeping what it has parsed.
    const at = { line: 2000 * lines + 7, character: 28 };
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: { ...at, character: 32 } }, text: 'dta' }] });
    const { diagnostics } = await final;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['mount-without-volume', at.line]]);
    assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [2], 'nothing was published for the abandoned version');
  });

  it('answers the outline of a file it is still reading once it has read it, not with an empty list the editor would keep', async () => {
    // VS Code asks for a file's symbols once per version and keeps the answer: an empty one, given
    // during a long first analysis, left the outline, breadcrumbs and Go to Symbol empty until an edit.
    const pod = (i: number): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers: [{name: a, image: nginx}]\n`;
    const text = Array.from({ length: 3000 }, (_, i) => pod(i)).join('---\n');
    const c = client.connection;
    const uri = 'file:///work/outline-huge.yaml';
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    let outlined = false;
    const outline = c.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then((symbols) => ((outlined = true), symbols as { name: string }[]));
    // It waits for the analysis, not the server: a hover sent after it is answered first.
    await c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 20 } });
    assert.equal(outlined, false, 'the hover was answered while the outline waited');
    const symbols = await outline;
    assert.equal(symbols.length, 3000);
    assert.equal(symbols[2999].name, 'Pod p2999');
    // A file closed while its outline waits: an empty answer, at once.
    const closed = 'file:///work/outline-closed.yaml';
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri: closed, languageId: 'yaml', version: 1, text } });
    const none = c.sendRequest('textDocument/documentSymbol', { textDocument: { uri: closed } });
    await c.sendNotification('textDocument/didClose', { textDocument: { uri: closed } });
    assert.deepEqual(await none, []);
    await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('publishes nothing again when a configuration change leaves the settings as they were', async () => {
    const text = readFileSync(path.join(CASES, 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    await open('unchanged.yaml', text);
    const count = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // A request after the notification: once it is answered, any re-validation would have been queued and sent.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///work/unchanged.yaml' }, position: { line: 0, character: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(client.published.length, count);
  });

  it('validates the file being edited before a queue of hundreds of others', async () => {
    const text = readFileSync(path.join(CASES, 'B01-mount-name-typo-scratch.yaml'), 'utf8');
    const uris = Array.from({ length: 300 }, (_, i) => `file:///work/many/f${i}.yaml`);
    await Promise.all(uris.map((_, i) => open(`many/f${i}.yaml`, text)));
    const edited = uris[150];
    // A settings change queues all 300 for validation; the user types in one of them meanwhile.
    const firstRevalidation = new Promise<void>((resolve) => {
      const count = client.published.length;
      const timer = setInterval(() => client.published.length > count && (clearInterval(timer), resolve()), 1);
    });
    const start = client.published.length;
    client.settings = { rules: { 'unused-volume': 'hint' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await firstRevalidation;
    const typed = client.nextDiagnosticsFor(edited, 2);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: edited, version: 2 }, contentChanges: [{ range: { start: { line: 13, character: 23 }, end: { line: 13, character: 23 } }, text: 'x' }] });
    await typed;
    const before = client.published.slice(start).findIndex((p) => p.uri === edited && p.version === 2);
    assert.ok(before < 50, `${before} other files were validated before the edited one`);
    for (const uri of uris) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Back to the defaults, in the server too, for the tests after this one.
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('survives notifications and requests for documents it does not know', async () => {
    const uri = 'file:///work/never-opened.yaml';
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'kind: Pod\n' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).catch(() => undefined);
    await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }).catch(() => undefined);
    assert.equal(server.exitCode, null);
    const { diagnostics } = await open('after-unknown.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    assert.deepEqual(diagnostics, []);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///work/b01.yaml';
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await published).diagnostics, []);
  });
});

describe('progress of a long first analysis, in an editor that shows progress', () => {
  it('shows how many documents of a large file are read, and ends when its diagnostics come', async () => {
    const server = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const events: { at: number; kind: string; percentage?: number; title?: string; message?: string }[] = [];
    const tokens: unknown[] = [];
    connection.onRequest('window/workDoneProgress/create', (params: { token: unknown }) => (tokens.push(params.token), null));
    connection.onNotification('$/progress', (params: { token: unknown; value: { kind: string; percentage?: number; title?: string; message?: string } }) => {
      assert.ok(tokens.includes(params.token), 'progress only on a token the server created');
      events.push({ at: performance.now(), ...params.value });
    });
    let published = 0;
    let publishedAt = 0;
    connection.onNotification('textDocument/publishDiagnostics', () => ((published++), (publishedAt = performance.now())));
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { window: { workDoneProgress: true } } });
      await connection.sendNotification('initialized', {});
      // Seconds of analysis: 2,000 generated documents of every workload kind.
      const { generate } = (await import(path.join(ROOT, 'bench', 'generate.mjs'))) as { generate: (count: number) => { text: string } };
      const uri = 'file:///work/progress/install.yaml';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: generate(2000).text } });
      const deadline = performance.now() + 30_000;
      while (published === 0 || !events.some((e) => e.kind === 'end')) {
        assert.ok(performance.now() < deadline, 'diagnostics and the end of the progress within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const [begin, ...rest] = events;
      assert.equal(begin.kind, 'begin');
      assert.equal(begin.title, 'kube-volumes: checking install.yaml');
      assert.match(begin.message!, /^[\d,]+ of 2,000 documents \(\d+%\)$/);
      assert.equal(rest.at(-1)!.kind, 'end');
      const percentages = events.filter((e) => e.percentage !== undefined).map((e) => e.percentage!);
      assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'the percentage never goes back');
      assert.ok(rest.at(-1)!.at <= publishedAt + 1000, 'the progress ends with the diagnostics');
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});
