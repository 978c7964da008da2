/** A minimal LSP client over stdio that times what an editor waits for: diagnostics, hovers, completions. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const TIMEOUT_MS = 180_000;

export class LspClient {
  /** `settings` is pushed with workspace/didChangeConfiguration after `initialized` (yaml-language-server reads it there). */
  constructor(command, args, { settings, env } = {}) {
    this.process = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.process.stderr.on('data', () => undefined);
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.settings = settings;
    this.waiters = [];
    /** The uri of every publishDiagnostics, in the order they arrived. */
    this.published = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const arrived = performance.now();
      this.published.push(params.uri);
      this.waiters = this.waiters.filter((w) => !(w.matches(params) && (w.resolve({ params, arrived }), true)));
    });
    this.connection.onNotification(() => undefined);
    this.connection.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section ? this.settings?.[item.section] ?? null : this.settings ?? null)));
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  get pid() {
    return this.process.pid;
  }

  async start() {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, hover: {}, completion: {} } },
    });
    this.capabilities = result.capabilities;
    await this.connection.sendNotification('initialized', {});
    if (this.settings) await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.settings });
    return this.capabilities;
  }

  /** Resolves with the first diagnostics for `uri` that are for `version` (or carry no version). */
  diagnosticsFor(uri, version) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      this.waiters.push({
        matches: (p) => p.uri === uri && (p.version === undefined || p.version === null || p.version === version),
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      });
    });
  }

  /** Milliseconds from sending didOpen to the first diagnostics, and those diagnostics. */
  async open(uri, text) {
    const published = this.diagnosticsFor(uri, 1);
    const sent = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const { params, arrived } = await published;
    return { ms: arrived - sent, diagnostics: params.diagnostics };
  }

  /** Milliseconds from sending a one-range didChange to the diagnostics for that version. */
  async change(uri, version, range, text) {
    const published = this.diagnosticsFor(uri, version);
    const sent = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const { params, arrived } = await published;
    return { ms: arrived - sent, diagnostics: params.diagnostics };
  }

  async request(method, params) {
    const sent = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - sent, result };
  }

  /** Peak resident set size in MB (VmHWM), read from /proc while the server still runs. */
  peakRssMb() {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      const exited = new Promise((r) => this.process.once('exit', r));
      await this.connection.sendNotification('exit');
      // Let it exit on its own (a CPU profile is written on exit), then make sure it is gone.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
