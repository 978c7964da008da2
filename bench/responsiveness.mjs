/**
 * What a user feels while the server is busy: requests during the first analysis of a 50 MB file,
 * and a keystroke in one file while hundreds of other open files wait for validation.
 */
import { pathToFileURL } from 'node:url';
import { generate } from './generate.mjs';
import { LspClient } from './lsp-client.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a generated file of about 50 MB and sends a hover every 200 ms until its first diagnostics. */
export async function hugeFile(serverArgs) {
  const { text, edit, hover } = generate(21_000, 9);
  const client = new LspClient(process.execPath, serverArgs);
  await client.start();
  const uri = pathToFileURL('/bench/huge-50mb.yaml').toString();
  let done = false;
  const opened = client.open(uri, text).then((result) => ((done = true), result));
  const hovers = [];
  while (!done) {
    await sleep(200);
    if (!done) hovers.push((await client.request('textDocument/hover', { textDocument: { uri }, position: hover })).ms);
  }
  const first = await opened;
  const keystrokes = [];
  for (let i = 0; i < 10; i++) {
    const at = { line: edit.line, character: edit.character + i };
    keystrokes.push((await client.change(uri, i + 2, { start: at, end: at }, 'x')).ms);
  }
  const hoverAfter = (await client.request('textDocument/hover', { textDocument: { uri }, position: hover })).ms;
  const rss = client.peakRssMb();
  await client.stop();
  return { megabytes: text.length / 1e6, documents: 21_000, firstMs: first.ms, findings: first.diagnostics.length, hovers, keystrokes, hoverAfter, rss };
}

/**
 * Opens `count` files of 10 documents, changes a setting (every file is validated again), and
 * types one character in the middle file as soon as the re-validation has begun.
 */
export async function manyFiles(serverArgs, count = 300) {
  const { text, edit } = generate(10, 3);
  const client = new LspClient(process.execPath, serverArgs);
  await client.start();
  const uris = Array.from({ length: count }, (_, i) => pathToFileURL(`/bench/workspace/file-${i}.yaml`).toString());
  const openedAt = performance.now();
  await Promise.all(uris.map((uri) => client.open(uri, text)));
  const allOpenedMs = performance.now() - openedAt;
  const target = uris[Math.floor(count / 2)];
  const revalidating = client.diagnosticsFor(uris[0], 1);
  // A real change: the server re-validates only when the settings differ (pushed here; pulled from client.settings by clients that can).
  client.settings = { kubeVolumes: { rules: { 'unused-volume': 'hint' } } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: client.settings });
  await revalidating;
  const before = client.published.length;
  const at = { line: edit.line, character: edit.character };
  const keystroke = await client.change(target, 2, { start: at, end: at }, 'x');
  const othersFirst = client.published.slice(before).indexOf(target);
  await client.stop();
  return { count, allOpenedMs, keystrokeMs: keystroke.ms, othersFirst };
}
