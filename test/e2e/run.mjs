#!/usr/bin/env node
// End-to-end test in a real VS Code: code-server (VS Code 1.100.3) driven by Debian's Chromium.
// Installs its tools under .e2e/, builds and packages the extension, opens a broken manifest and
// checks what the user sees (Problems panel, squiggle) and what VS Code holds (probe extension).
//
//   node test/e2e/run.mjs                      the real test (npm run test:e2e)
//   node test/e2e/run.mjs --without-extension  negative control: same flow without kube-volumes,
//                                              must fail (also KV_E2E_NEGATIVE=1)
//   node test/e2e/run.mjs --vsix FILE          use a prebuilt .vsix, skip build and package
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSandbox, installExtension, startCodeServer } from './lib/code-server.mjs';
import { ensureTools } from './lib/install.mjs';
import { log, run, since, waitFor } from './lib/util.mjs';
import { errorSquiggleLines, hoverErrorSquiggle, launchBrowser, openFile, openFolder, openProblems, problemRows, runCommand } from './lib/workbench.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const CACHE = join(ROOT, '.e2e');
const SCREENSHOTS = join(CACHE, 'screenshots');
const CASES = resolve(ROOT, '..', 'shared', 'cases');
const SCENARIO_TIMEOUT_MS = 180_000; // start to finish once tools, build and vsix are ready
const DIAGNOSTICS_TIMEOUT_MS = 30_000; // server start plus first analysis; usually ~1-3 s

/** The user story under test: a mount whose name has no matching volume. */
const SCENARIO = {
  id: 'b01',
  file: 'B01-mount-name-typo-scratch.yaml',
  word: 'scratch',
  source: 'kube-volumes',
  code: 'mount-without-volume',
  line: 14, // 1-based, as shown in the editor and the Problems panel
};

// Cleanup steps run in reverse order on every exit path, including the watchdog and signals.
const cleanups = [];

async function main() {
  const options = parseOptions();
  const started = Date.now();
  const tools = await ensureTools(CACHE);
  const vsix = options.negative ? null : (options.vsix ?? (await buildAndPackage()));
  const probeVsix = await packageProbe();
  const scenarioStart = Date.now();
  const checks = await withWatchdog(() => runScenario(tools, vsix, probeVsix, options));
  const failed = checks.filter((check) => !check.pass);
  for (const check of checks) log(`${check.pass ? 'ok  ' : 'FAIL'} ${check.name}${check.pass ? '' : `: ${check.detail}`}`);
  log(`scenario took ${since(scenarioStart)}, whole run ${since(started)}`);
  log(`${failed.length === 0 ? 1 : 0} passed, ${failed.length === 0 ? 0 : 1} failed`);
  return failed.length === 0 ? 0 : 1;
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

/** Starts a fresh code-server and browser, drives the scenario, and always tears both down. */
async function runScenario(tools, vsix, probeVsix, options) {
  const sandbox = createSandbox();
  cleanups.push(() => rmSync(sandbox.root, { recursive: true, force: true }));
  copyFileSync(join(CASES, SCENARIO.file), join(sandbox.workspace, SCENARIO.file));
  if (vsix) await installExtension(tools.codeServerEntry, sandbox, vsix);
  await installExtension(tools.codeServerEntry, sandbox, probeVsix);

  const server = await startCodeServer(tools.codeServerEntry, sandbox);
  cleanups.push(() => server.stop());
  log(`code-server listening on ${server.url}`);
  const ui = await launchBrowser(tools.playwrightDir, tools.chromium, sandbox.env);
  cleanups.push(() => ui.close());

  let checks;
  try {
    checks = evaluate(await observe(ui.page, server, sandbox, options));
  } catch (err) {
    await screenshot(ui.page, options, 'error');
    checks = [{ name: 'scenario ran to the end', pass: false, detail: `${err.message}\ncode-server log:\n${server.logTail()}` }];
  }
  if (!checks.every((check) => check.pass)) keepLog(sandbox.log, options);
  await cleanupAll();
  return checks;
}

/**
 * Opens the file like a user and gathers what the checks need. Waiting for diagnostics may time
 * out (that is what the negative control does); the other observations are still collected so
 * that the report shows every failing check rather than only the first.
 */
async function observe(page, server, sandbox, options) {
  const start = Date.now();
  await openFolder(page, server.url, sandbox.workspace);
  await openFile(page, SCENARIO.file);
  log(`opened ${SCENARIO.file} in ${since(start)}`);

  const appeared = await waitForSquiggle(page);
  await openProblems(page);
  const rows = await waitForProblemRow(page, appeared ? 10_000 : 2_000);
  await screenshot(page, options, 'problems');
  const observed = { squiggleLines: await errorSquiggleLines(page), rows, probe: await readProbe(page, sandbox.probeOut) };
  if (appeared) await hoverScreenshot(page, options);
  return observed;
}

/** Waits for the error squiggle on the expected line; false (not a throw) on timeout. */
async function waitForSquiggle(page) {
  const start = Date.now();
  const onLine = async () => (await errorSquiggleLines(page)).includes(SCENARIO.line);
  try {
    await waitFor(`an error squiggle on line ${SCENARIO.line}`, onLine, { timeoutMs: DIAGNOSTICS_TIMEOUT_MS });
    log(`diagnostics shown ${since(start)} after the file opened`);
    return true;
  } catch (err) {
    log(err.message);
    return false;
  }
}

/** The Problems rows once the expected one is listed, or whatever is listed at the timeout. */
async function waitForProblemRow(page, timeoutMs) {
  const listed = async () => {
    const rows = await problemRows(page);
    return findProblemRow(rows) ? rows : null;
  };
  return waitFor('the Problems row', listed, { timeoutMs }).catch(() => problemRows(page));
}

// Best effort: the hover shows the full message, which the Problems panel truncates.
async function hoverScreenshot(page, options) {
  try {
    await hoverErrorSquiggle(page);
    await screenshot(page, options, 'hover');
  } catch (err) {
    log(`no hover screenshot: ${err.message.split('\n')[0]}`);
  }
}

/** Asks the probe extension for the diagnostics VS Code holds and reads its JSON. */
async function readProbe(page, outFile) {
  rmSync(outFile, { force: true });
  await runCommand(page, 'KV E2E: Write Diagnostics');
  await waitFor('the probe extension to write its JSON', () => existsSync(outFile), { timeoutMs: 10_000 });
  return JSON.parse(readFileSync(outFile, 'utf8'));
}

/** Turns the observations into named pass/fail checks. */
function evaluate({ squiggleLines, rows, probe }) {
  const row = findProblemRow(rows);
  const diagnostic = findProbeDiagnostic(probe);
  return [
    {
      name: `Problems panel shows the '${SCENARIO.word}' ${SCENARIO.code} error on line ${SCENARIO.line}`,
      pass: Boolean(row),
      detail: `rows were ${JSON.stringify(rows)}`,
    },
    {
      name: `an error squiggle is drawn on line ${SCENARIO.line} in the editor`,
      pass: squiggleLines.includes(SCENARIO.line),
      detail: `error squiggles on lines ${JSON.stringify(squiggleLines)}`,
    },
    {
      name: `VS Code holds an Error ${SCENARIO.code} diagnostic at line ${SCENARIO.line} (probe)`,
      pass: Boolean(diagnostic),
      detail: `probe saw ${JSON.stringify(probeSummary(probe))}`,
    },
  ];
}

function findProblemRow(rows) {
  // A file row also mentions 'scratch' (it is in the file name), so require marker-only text.
  return rows.find((text) => !text.includes(SCENARIO.file)
    && text.includes(SCENARIO.word)
    && (text.includes(SCENARIO.source) || text.includes(SCENARIO.code))
    && text.includes(`Ln ${SCENARIO.line},`));
}

function findProbeDiagnostic(probe) {
  const entry = probe.diagnostics.find((d) => d.uri.endsWith(`/${SCENARIO.file}`));
  return entry?.items.find((d) => d.code === SCENARIO.code && d.severity === 'Error' && d.range.start.line === SCENARIO.line - 1);
}

// Enough of the probe output to see why a check failed: language, extensions, diagnostics.
function probeSummary(probe) {
  return {
    documents: probe.documents.filter((d) => d.uri.endsWith(SCENARIO.file)),
    extensions: probe.extensions,
    diagnostics: probe.diagnostics.filter((d) => d.items.length > 0),
  };
}

async function screenshot(page, options, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${options.negative ? 'negative-' : ''}${SCENARIO.id}-${name}.png`);
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
  const kept = join(logs, `${options.negative ? 'negative-' : ''}${SCENARIO.id}-code-server.log`);
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
