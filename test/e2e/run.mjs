#!/usr/bin/env node
// End-to-end test in a real VS Code: code-server (VS Code 1.100.3) driven by Debian's Chromium.
// Installs its tools under .e2e/, builds and packages the extension, then drives the steps in
// lib/steps.mjs like a user: a broken manifest's diagnostic (Problems panel, squiggle), a hover,
// a completion list, a quick fix applied, and a snippet typed into a new file. Each step is one
// test; it checks what the user sees (DOM, screenshots in .e2e/screenshots/) and what VS Code
// holds (the probe extension in probe-extension/).
//
//   node test/e2e/run.mjs                      the real test (npm run test:e2e)
//   node test/e2e/run.mjs --without-extension  negative control: same flow without kube-volumes,
//                                              must fail (also KV_E2E_NEGATIVE=1)
//   node test/e2e/run.mjs --vsix FILE          use a prebuilt .vsix, skip build and package
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSandbox, installExtension, startCodeServer } from './lib/code-server.mjs';
import { ensureTools } from './lib/install.mjs';
import { seedWorkspace, STEPS } from './lib/steps.mjs';
import { log, run, since } from './lib/util.mjs';
import { launchBrowser, openFolder } from './lib/workbench.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const CACHE = join(ROOT, '.e2e');
const SCREENSHOTS = join(CACHE, 'screenshots');
const CASES = resolve(ROOT, '..', 'shared', 'cases');
const SCENARIO_TIMEOUT_MS = 180_000; // start to finish once tools, build and vsix are ready

// Cleanup steps run in reverse order on every exit path, including the watchdog and signals.
const cleanups = [];

async function main() {
  const options = parseOptions();
  const started = Date.now();
  const tools = await ensureTools(CACHE);
  const vsix = options.negative ? null : (options.vsix ?? (await buildAndPackage()));
  const probeVsix = await packageProbe();
  const scenarioStart = Date.now();
  const tests = await withWatchdog(() => runScenario(tools, vsix, probeVsix, options));
  for (const test of tests) {
    log(`${test.pass ? 'ok  ' : 'FAIL'} ${test.name} (${test.took})`);
    for (const c of test.checks) log(`       ${c.pass ? 'ok  ' : 'FAIL'} ${c.name}${c.pass ? '' : `: ${c.detail}`}`);
  }
  const failed = tests.filter((test) => !test.pass).length;
  log(`scenario took ${since(scenarioStart)}, whole run ${since(started)}`);
  log(`${tests.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function parseOptions() {
  const { values } = parseArgs({
    options: { 'without-extension': { type: 'boolean' }, vsix: { type: 'string' } },
  });
  const negative = Boolean(values['without-extension']) || process.env.KV_E2E_NEGATIVE === '1';
  if (negative) log('negative control: kube-volumes is NOT installed, this run must fail');
  return { negative, vsix: values.vsix && resolve(values.vsix) };
}

/** Builds and packages the real extension with the project's own scripts. */
async function buildAndPackage() {
  const start = Date.now();
  log('npm run build && npm run package ...');
  await run('npm', ['run', 'build'], { cwd: ROOT, timeoutMs: 300_000 });
  await run('npm', ['run', 'package'], { cwd: ROOT, timeoutMs: 300_000 });
  const vsix = join(ROOT, 'kube-volumes.vsix');
  if (!existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  log(`extension built and packaged in ${since(start)}`);
  return vsix;
}

/** Packages the test-only probe extension; vsce is already a devDependency. */
async function packageProbe() {
  const out = join(CACHE, 'kv-e2e-probe.vsix');
  const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out];
  await run(vsce, args, { cwd: join(HERE, 'probe-extension'), timeoutMs: 60_000 });
  return out;
}

/** Starts a fresh code-server and browser, runs every step, and always tears both down. */
async function runScenario(tools, vsix, probeVsix, options) {
  const sandbox = createSandbox();
  cleanups.push(() => rmSync(sandbox.root, { recursive: true, force: true }));
  seedWorkspace(sandbox.workspace, CASES);
  if (vsix) await installExtension(tools.codeServerEntry, sandbox, vsix);
  await installExtension(tools.codeServerEntry, sandbox, probeVsix);

  const server = await startCodeServer(tools.codeServerEntry, sandbox);
  cleanups.push(() => server.stop());
  log(`code-server listening on ${server.url}`);
  const ui = await launchBrowser(tools.playwrightDir, tools.chromium, sandbox.env);
  cleanups.push(() => ui.close());

  const ctx = { page: ui.page, sandbox, casesDir: CASES, screenshot: (name) => screenshot(ui.page, options, name) };
  const tests = [];
  try {
    const start = Date.now();
    await openFolder(ui.page, server.url, sandbox.workspace);
    log(`workbench ready in ${since(start)}`);
    for (const step of STEPS) tests.push(await runStep(step, ctx, server));
  } catch (err) {
    await screenshot(ui.page, options, 'error');
    tests.push({ name: 'the workbench opens', pass: false, took: '-', checks: [{ name: 'workbench ready', pass: false, detail: `${err.message}\ncode-server log:\n${server.logTail()}` }] });
  }
  if (!tests.every((test) => test.pass)) keepLog(sandbox.log, options);
  await cleanupAll();
  return tests;
}

/**
 * One step, one test: it passes when every check it returns passes. A step that throws fails
 * with the error (and a screenshot); the later steps still run, so one report shows them all.
 */
async function runStep(step, ctx, server) {
  const start = Date.now();
  log(`step: ${step.name}`);
  let checks;
  try {
    checks = await step.run(ctx);
  } catch (err) {
    await ctx.screenshot(`error-${STEPS.indexOf(step) + 1}`);
    checks = [{ name: 'the step ran to the end', pass: false, detail: `${err.message}\ncode-server log:\n${server.logTail()}` }];
  }
  if (checks.length === 0) checks = [{ name: 'the step made a check', pass: false, detail: 'no checks returned' }];
  return { name: step.name, pass: checks.every((c) => c.pass), took: since(start), checks };
}

async function screenshot(page, options, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${options.negative ? 'negative-' : ''}${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 10_000 });
    log(`screenshot ${file}`);
  } catch (err) {
    log(`screenshot failed: ${err.message.split('\n')[0]}`);
  }
}

// The sandbox is always deleted; on failure its code-server log (extension host errors) is kept.
function keepLog(file, options) {
  const logs = join(CACHE, 'logs');
  mkdirSync(logs, { recursive: true });
  const kept = join(logs, `${options.negative ? 'negative-' : ''}code-server.log`);
  copyFileSync(file, kept);
  log(`code-server log kept: ${kept}`);
}

/** Fails the run, after cleanup, if the scenario hangs somewhere no inner timeout covers. */
async function withWatchdog(body) {
  let timer;
  const watchdog = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`scenario exceeded ${SCENARIO_TIMEOUT_MS / 1000}s`)), SCENARIO_TIMEOUT_MS);
  });
  try {
    return await Promise.race([body(), watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

async function cleanupAll() {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    try {
      await step();
    } catch (err) {
      log(`cleanup: ${err.message}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: cleaning up`);
    cleanupAll().finally(() => process.exit(1));
  });
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    log(`error: ${err.message}`);
    await cleanupAll();
    log('0 passed, 1 failed');
    process.exit(1);
  },
);
