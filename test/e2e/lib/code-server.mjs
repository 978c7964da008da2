// Runs code-server (VS Code's own workbench and extension host) in a throwaway sandbox.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, sleep, tail, waitFor } from './util.mjs';

// Settings a first-time user would not have to touch, but that keep a test run deterministic.
const USER_SETTINGS = {
  'files.autoSave': 'off', // the web build auto-saves, which would write edits into the fixture
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

/**
 * Creates the temp folder tree for one run. HOME and XDG_* point inside it so that neither
 * code-server nor Chromium writes into the real home directory.
 */
export function createSandbox() {
  const root = mkdtempSync(join(tmpdir(), 'kv-e2e-'));
  const dir = (...parts) => {
    const path = join(root, ...parts);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const sandbox = {
    root,
    home: dir('home'),
    data: dir('data'),
    extensions: dir('extensions'),
    workspace: dir('workspace'),
    config: join(root, 'code-server.yaml'),
    log: join(root, 'code-server.log'),
    probeOut: join(root, 'probe-diagnostics.json'),
    probeRequest: join(root, 'probe-request.json'),
  };
  sandbox.env = {
    ...process.env,
    HOME: sandbox.home,
    XDG_CONFIG_HOME: dir('home', '.config'),
    XDG_DATA_HOME: dir('home', '.local', 'share'),
    XDG_CACHE_HOME: dir('home', '.cache'),
    XDG_RUNTIME_DIR: dir('runtime'),
    KV_E2E_PROBE_OUT: sandbox.probeOut, // read by the probe extension inside the extension host
    KV_E2E_PROBE_REQUEST: sandbox.probeRequest, // positions for its hover/completion/code action queries
  };
  writeFileSync(join(dir('data', 'User'), 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // An explicit config stops code-server from generating one with a password in ~/.config.
  writeFileSync(sandbox.config, 'auth: none\ncert: false\n');
  return sandbox;
}

/** Installs a .vsix into the sandbox's extensions folder with code-server's own CLI. */
export async function installExtension(entry, sandbox, vsix) {
  const args = [entry, '--extensions-dir', sandbox.extensions, '--user-data-dir', sandbox.data, '--install-extension', vsix];
  const output = await run(process.execPath, args, { env: sandbox.env, timeoutMs: 60_000 });
  if (!/successfully installed/i.test(output)) throw new Error(`installing ${vsix} did not succeed:\n${tail(output, 10)}`);
}

/**
 * Starts code-server on a free loopback port and waits for /healthz. It runs detached, which
 * makes it a process-group leader (setsid): stop() kills the whole group, because killing only
 * the main process leaves the extension host and language server running for minutes.
 */
export async function startCodeServer(entry, sandbox) {
  const port = await freePort();
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', sandbox.config,
    '--extensions-dir', sandbox.extensions,
    '--user-data-dir', sandbox.data,
  ];
  const logStream = createWriteStream(sandbox.log);
  const child = spawn(process.execPath, args, { env: sandbox.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  const server = {
    url: `http://127.0.0.1:${port}`,
    logTail: () => tail(readFileSync(sandbox.log, 'utf8'), 20),
    stop: () => stopGroup(child),
  };
  let exited = false;
  child.on('exit', () => { exited = true; });
  await waitFor('code-server /healthz', async () => {
    if (exited) throw new Error(`code-server exited early:\n${server.logTail()}`);
    const res = await fetch(`${server.url}/healthz`);
    return res.ok;
  }, { timeoutMs: 30_000 });
  return server;
}

/** SIGTERM to the process group, then SIGKILL if anything in it is still alive. */
async function stopGroup(child) {
  if (child.exitCode !== null && !groupAlive(child.pid)) return;
  signalGroup(child.pid, 'SIGTERM');
  for (let i = 0; i < 20 && groupAlive(child.pid); i++) await sleep(100);
  if (groupAlive(child.pid)) signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks the OS for an unused loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
