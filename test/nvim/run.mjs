#!/usr/bin/env node
// A second real LSP client: headless Neovim (Debian 12's 0.7.x) talking to dist/server.js.
//
// For each scenario it copies a case from ../shared/cases into a temp dir, runs
//   nvim --headless --clean -u NONE -n -i NONE -c "luafile test/nvim/probe.lua" <copy>
// with a JSON plan (which requests to send where), reads the JSON the probe writes, and checks
// the server's answers. Nothing is built here: run `npm run build` first.
//
//   node test/nvim/run.mjs                         the real test
//   node test/nvim/run.mjs --negative              negative control: points the client at a server
//                                                  command that does not exist; must fail
//   node test/nvim/run.mjs --server-cmd '["node","/x/server.js","--stdio"]'   any other command
//   KV_NVIM_SERVER_CMD='[...]' node test/nvim/run.mjs                         same, via env
//   node test/nvim/run.mjs --verbose               also print the probe's raw JSON per scenario
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const PROBE = join(HERE, 'probe.lua');
const CASES = resolve(ROOT, '..', 'shared', 'cases');

const APT_TIMEOUT_MS = 300_000;
const NVIM_TIMEOUT_MS = 60_000; // one headless nvim run, start to quit
const DIAGNOSTICS_TIMEOUT_MS = 10_000; // inside nvim: wait for the first publishDiagnostics
const REQUEST_TIMEOUT_MS = 5_000; // inside nvim: each request

const log = (msg) => process.stdout.write(`${msg}\n`);
const tempDirs = [];
function cleanup() {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// Scenarios. Positions are 0-based LSP positions in the case files (see the comments).

const SCENARIOS = [
  {
    case: 'B01-mount-name-typo-scratch.yaml',
    requests: [
      // line 16: `    - name: scratch-volume` (name at 12..26)
      { name: 'hoverVolume', kind: 'hover', line: 16, character: 14 },
      // line 13: `        - name: scratch   # <-- typo` (name at 16..23)
      { name: 'completionMount', kind: 'completion', line: 13, character: 16 },
      { name: 'definitionVolume', kind: 'definition', line: 16, character: 14 },
      { name: 'definitionUnmatchedMount', kind: 'definition', line: 13, character: 16 },
      { name: 'fixMount', kind: 'codeAction', code: 'mount-without-volume' },
    ],
    checks: (r, t) => {
      const diag = (r.diagnostics ?? []).find((d) => d.code === 'mount-without-volume');
      t('B01 diagnostic mount-without-volume published', Boolean(diag), JSON.stringify(r.diagnostics));
      if (diag) {
        t('B01 diagnostic severity 1 (error)', diag.severity === 1, `severity ${diag.severity}`);
        t('B01 diagnostic source kube-volumes', diag.source === 'kube-volumes', `source ${diag.source}`);
        t('B01 diagnostic starts at 13:16', diag.range?.start?.line === 13 && diag.range?.start?.character === 16,
          JSON.stringify(diag.range));
      }
      const hover = hoverText(r.responses.hoverVolume);
      t("B01 hover on the volume mentions 'scratch-volume'", hover.includes('scratch-volume'), describe(r.responses.hoverVolume));
      t("B01 hover on the volume mentions 'emptyDir'", hover.includes('emptyDir'), describe(r.responses.hoverVolume));
      const labels = completionItems(r.responses.completionMount).map((i) => i.label);
      t("B01 completion at the mount name offers 'scratch-volume'", labels.includes('scratch-volume'),
        describe(r.responses.completionMount));
      const unmatched = locations(r.responses.definitionUnmatchedMount);
      t('B01 definition from the unmatched mount returns no location', noError(r.responses.definitionUnmatchedMount) && unmatched.length === 0,
        describe(r.responses.definitionUnmatchedMount));
      const own = locations(r.responses.definitionVolume);
      t('B01 definition on the volume name is empty or its own range (16:12-16:26)',
        noError(r.responses.definitionVolume) && (own.length === 0
          || (own.length === 1 && own[0].uri === r.uri && sameRange(own[0].range, [16, 12, 16, 26]))),
        describe(r.responses.definitionVolume));
      const titles = actions(r.responses.fixMount).map((a) => a.title);
      t("B01 code actions include \"Change to 'scratch-volume'\"", titles.includes("Change to 'scratch-volume'"),
        describe(r.responses.fixMount));
    },
  },
  {
    case: 'B08-vct-mount-must-not-be-flagged.yaml',
    requests: [
      // line 32: `            - name: www` (name at 20..23) -> volumeClaimTemplates line 38 `        name: www` (14..17)
      { name: 'definitionVctMount', kind: 'definition', line: 32, character: 21 },
      // line 34: `            - name: www-example-0` (20..33) -> volumes line 22 `        - name: www-example-0` (16..29)
      { name: 'definitionPodVolumeMount', kind: 'definition', line: 34, character: 21 },
      { name: 'hoverVctMount', kind: 'hover', line: 32, character: 21 },
    ],
    checks: (r, t) => {
      const onMounts = (r.diagnostics ?? []).filter((d) => d.range?.start?.line === 32 || d.range?.start?.line === 34
        || d.code === 'mount-without-volume');
      t('B08 diagnostics were published', Array.isArray(r.diagnostics), JSON.stringify(r.diagnostics));
      t('B08 no diagnostic on either mount', Array.isArray(r.diagnostics) && onMounts.length === 0, JSON.stringify(onMounts));
      const vct = locations(r.responses.definitionVctMount);
      t("B08 definition from mount 'www' goes to volumeClaimTemplates[0].metadata.name (38:14-38:17)",
        vct.length === 1 && vct[0].uri === r.uri && sameRange(vct[0].range, [38, 14, 38, 17]),
        describe(r.responses.definitionVctMount));
      const pod = locations(r.responses.definitionPodVolumeMount);
      t("B08 definition from mount 'www-example-0' goes to the pod volume (22:16-22:29)",
        pod.length === 1 && pod[0].uri === r.uri && sameRange(pod[0].range, [22, 16, 22, 29]),
        describe(r.responses.definitionPodVolumeMount));
      const hover = hoverText(r.responses.hoverVctMount);
      t("B08 hover on mount 'www' mentions volumeClaimTemplates", hover.includes('volumeClaimTemplates'),
        describe(r.responses.hoverVctMount));
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Helpers for LSP result shapes.

const noError = (entry) => Boolean(entry) && !entry.error;
function describe(entry) {
  if (!entry) return 'no response recorded';
  const text = JSON.stringify(entry.error ? { error: entry.error } : { result: entry.result ?? null });
  return text.length > 600 ? `${text.slice(0, 600)}...` : text;
}
function hoverText(entry) {
  const contents = entry?.result?.contents;
  if (!contents) return '';
  const one = (c) => (typeof c === 'string' ? c : (c?.value ?? ''));
  return Array.isArray(contents) ? contents.map(one).join('\n') : one(contents);
}
function completionItems(entry) {
  const res = entry?.result;
  if (!res) return [];
  return Array.isArray(res) ? res : (res.items ?? []);
}
function locations(entry) {
  const res = entry?.result;
  if (!res) return [];
  const list = Array.isArray(res) ? res : [res];
  // Location or LocationLink
  return list.map((l) => ({ uri: l.uri ?? l.targetUri, range: l.range ?? l.targetSelectionRange }));
}
function actions(entry) {
  const res = entry?.result;
  return Array.isArray(res) ? res : [];
}
function sameRange(range, [sl, sc, el, ec]) {
  return range?.start?.line === sl && range?.start?.character === sc && range?.end?.line === el && range?.end?.character === ec;
}

// ---------------------------------------------------------------------------------------------

function parseOptions() {
  const { values } = parseArgs({
    options: { negative: { type: 'boolean' }, 'server-cmd': { type: 'string' }, verbose: { type: 'boolean' } },
  });
  let cmd = ['node', SERVER, '--stdio'];
  const custom = values['server-cmd'] ?? process.env.KV_NVIM_SERVER_CMD;
  if (values.negative) cmd = [join(ROOT, 'does-not-exist', 'kube-volumes-server'), '--stdio'];
  else if (custom) {
    try {
      cmd = JSON.parse(custom);
    } catch {
      cmd = custom.split(/\s+/).filter(Boolean);
    }
  }
  return { cmd, negative: Boolean(values.negative), custom: Boolean(custom), verbose: Boolean(values.verbose) };
}

function ensureNvim() {
  const probe = () => spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  let version = probe();
  if (version.error?.code === 'ENOENT') {
    log('nvim not found: apt-get install -y neovim');
    const apt = (args) => spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'], timeout: APT_TIMEOUT_MS, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    let install = apt(['install', '-y', 'neovim']);
    if (install.status !== 0) {
      log('apt-get install failed; running apt-get update and retrying');
      apt(['update']);
      install = apt(['install', '-y', 'neovim']);
    }
    if (install.status !== 0) {
      throw new Error(`could not install neovim (apt-get exit ${install.status}${install.error ? `, ${install.error.message}` : ''}); `
        + 'install it by hand (apt-get install -y neovim, as root)');
    }
    version = probe();
  }
  if (version.status !== 0) throw new Error(`nvim --version failed: ${version.error?.message ?? version.stderr}`);
  return version.stdout.split('\n')[0].trim();
}

/** Runs one headless nvim with a process-group watchdog; resolves with exit info and captured output. */
function runNvim(dir, file, env) {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-n', '-i', 'NONE', '-c', `luafile ${PROBE}`, file], {
      cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true, // own process group: the watchdog kills the server too
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    let timedOut = false;
    const watchdog = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, NVIM_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(watchdog);
      resolvePromise({ code: null, error, output, timedOut, ms: Date.now() - started });
    });
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      // Anything nvim left behind in its process group (a server that ignored shutdown) goes too.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
      resolvePromise({ code, signal, output, timedOut, ms: Date.now() - started });
    });
  });
}

async function runScenario(scenario, cmd, verbose) {
  const dir = mkdtempSync(join(tmpdir(), 'kv-nvim-'));
  tempDirs.push(dir);
  const file = join(dir, basename(scenario.case));
  copyFileSync(join(CASES, scenario.case), file);
  const planPath = join(dir, 'plan.json');
  const outPath = join(dir, 'out.json');
  writeFileSync(planPath, JSON.stringify({
    cmd, diagnosticsTimeoutMs: DIAGNOSTICS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, requests: scenario.requests,
  }));
  // Keep nvim's state, cache (lsp.log) and config inside the temp dir.
  const xdg = Object.fromEntries(['CONFIG', 'DATA', 'CACHE', 'STATE'].map((k) => {
    const p = join(dir, 'xdg', k.toLowerCase());
    mkdirSync(p, { recursive: true });
    return [`XDG_${k}_HOME`, p];
  }));
  const env = { ...process.env, ...xdg, KV_NVIM_PLAN: planPath, KV_NVIM_OUT: outPath };
  const run = await runNvim(dir, file, env);
  let result = null;
  if (existsSync(outPath)) {
    try {
      result = JSON.parse(readFileSync(outPath, 'utf8'));
    } catch (error) {
      result = { errors: [`probe output is not JSON: ${error.message}`] };
    }
  }
  const lspLogPath = join(xdg.XDG_CACHE_HOME, 'nvim', 'lsp.log');
  const lspLog = existsSync(lspLogPath) ? readFileSync(lspLogPath, 'utf8') : '';
  if (verbose) log(`--- ${scenario.case}: probe output\n${JSON.stringify(result, null, 2)}\n--- lsp.log\n${lspLog}`);
  return { run, result, lspLog };
}

async function main() {
  const options = parseOptions();
  const started = Date.now();
  if (options.negative) log('negative control: the client points at a server command that does not exist; this run must fail');
  if (!options.negative && !options.custom && !existsSync(SERVER)) {
    log(`dist/server.js not found at ${SERVER}: run \`npm run build\` first`);
    log('nvim: 0 passed, 1 failed');
    return 1;
  }
  const nvimVersion = ensureNvim();
  log(`${nvimVersion}; server command: ${JSON.stringify(options.cmd)}`);

  let passed = 0;
  let failed = 0;
  const t = (name, ok, detail) => {
    if (ok) passed++;
    else failed++;
    log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
  };

  for (const scenario of SCENARIOS) {
    const { run, result, lspLog } = await runScenario(scenario, options.cmd, options.verbose);
    const took = `${(run.ms / 1000).toFixed(1)}s`;
    log(`# ${scenario.case} (nvim ran ${took}${result?.timings?.firstDiagnosticsMs ? `, first diagnostics after ${Math.round(result.timings.firstDiagnosticsMs)} ms` : ''})`);
    t(`${scenario.case}: nvim exited cleanly`, !run.timedOut && !run.error && run.code === 0,
      run.timedOut ? `killed after ${NVIM_TIMEOUT_MS} ms` : `exit ${run.code}${run.signal ? ` signal ${run.signal}` : ''}${run.error ? ` ${run.error.message}` : ''}; output: ${run.output.trim().slice(0, 500)}`);
    if (!result) {
      t(`${scenario.case}: probe wrote its JSON output`, false, `no output file; nvim said: ${run.output.trim().slice(0, 500)}`);
      continue;
    }
    t(`${scenario.case}: probe ran without errors`, (result.errors ?? []).length === 0, JSON.stringify(result.errors));
    if (!result.diagnostics) continue; // nothing useful to check; the failure above says why
    scenario.checks({ ...result, responses: Array.isArray(result.responses) ? {} : (result.responses ?? {}) }, t);
    for (const m of result.serverMessages ?? []) log(`     server ${m.kind}(${m.type}): ${m.message}`);
    const errorsInLog = lspLog.split('\n').filter((l) => /\[(ERROR|WARN)\]/.test(l));
    for (const l of errorsInLog) log(`     lsp.log: ${l.slice(0, 300)}`);
  }

  log(`took ${((Date.now() - started) / 1000).toFixed(1)}s`);
  log(`nvim: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main()
  .then((code) => {
    cleanup();
    process.exitCode = code;
  })
  .catch((error) => {
    cleanup();
    log(`error: ${error?.stack ?? error}`);
    log('nvim: 0 passed, 1 failed');
    process.exitCode = 1;
  });
