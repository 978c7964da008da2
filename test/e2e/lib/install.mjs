// Installs the e2e tools once and caches them under .e2e/; later runs only check stamps.
// Kept out of the project's package.json so that a plain `npm ci` stays small and fast.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, run, since } from './util.mjs';

export const CODE_SERVER_VERSION = '4.100.3'; // newest code-server whose engines.node is 20
export const PLAYWRIGHT_VERSION = '1.65.2';
const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'];
// @vscode/ripgrep (a code-server dependency) downloads rg from GitHub unless it finds this file.
const RIPGREP_CACHE = ['vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'];
const INSTALL_TIMEOUT_MS = 15 * 60_000;

/** Makes sure every tool is present and returns where the harness finds them. */
export async function ensureTools(cacheDir) {
  mkdirSync(cacheDir, { recursive: true });
  await ensureAptPackages();
  const codeServerEntry = await ensureCodeServer(join(cacheDir, 'code-server'), join(cacheDir, 'tmp'));
  const playwrightDir = await ensurePlaywright(join(cacheDir, 'playwright'));
  return { codeServerEntry, playwrightDir, chromium: '/usr/bin/chromium' };
}

async function ensureAptPackages() {
  const missing = [];
  for (const pkg of APT_PACKAGES) if (!(await isDebInstalled(pkg))) missing.push(pkg);
  if (missing.length === 0) return;
  const start = Date.now();
  log(`apt-get install ${missing.join(' ')} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env, timeoutMs: INSTALL_TIMEOUT_MS });
  // No recommends: they add ~100 packages (desktop helpers) that a headless run never uses.
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, timeoutMs: INSTALL_TIMEOUT_MS });
  log(`apt packages installed in ${since(start)}`);
}

async function isDebInstalled(pkg) {
  try {
    const status = await run('dpkg-query', ['-W', '-f=${Status}', pkg], { timeoutMs: 10_000 });
    return status.includes('install ok installed');
  } catch {
    return false;
  }
}

/** Installs code-server from npm, building its native modules from source (no downloads). */
async function ensureCodeServer(prefix, tmpDir) {
  const entry = join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (isStamped(prefix, CODE_SERVER_VERSION) && existsSync(entry)) return entry;
  const start = Date.now();
  log(`npm install code-server@${CODE_SERVER_VERSION} (first run only, about 75-150 s) ...`);
  mkdirSync(prefix, { recursive: true });
  await seedRipgrepCache(tmpDir);
  const env = {
    ...npmEnv(),
    TMPDIR: tmpDir, // where @vscode/ripgrep looks for its cache
    npm_config_nodedir: '/usr', // node-gyp uses the local Node headers instead of downloading them
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs npx, which would prompt
  };
  await npmInstall(prefix, `code-server@${CODE_SERVER_VERSION}`, env);
  stamp(prefix, CODE_SERVER_VERSION);
  log(`code-server installed in ${since(start)}`);
  return entry;
}

/** Puts Debian's rg where @vscode/ripgrep's postinstall looks before it tries GitHub. */
async function seedRipgrepCache(tmpDir) {
  const cacheDir = join(tmpDir, RIPGREP_CACHE[0]);
  const archive = join(cacheDir, RIPGREP_CACHE[1]);
  if (existsSync(archive)) return;
  mkdirSync(cacheDir, { recursive: true });
  await run('tar', ['-czf', archive, '-C', '/usr/bin', 'rg'], { timeoutMs: 30_000 });
}

/** playwright-core only: the browser is Debian's Chromium, so nothing is downloaded. */
async function ensurePlaywright(prefix) {
  const pkgDir = join(prefix, 'node_modules', 'playwright-core');
  if (isStamped(prefix, PLAYWRIGHT_VERSION) && existsSync(pkgDir)) return pkgDir;
  const start = Date.now();
  log(`npm install playwright-core@${PLAYWRIGHT_VERSION} ...`);
  mkdirSync(prefix, { recursive: true });
  await npmInstall(prefix, `playwright-core@${PLAYWRIGHT_VERSION}`, npmEnv());
  stamp(prefix, PLAYWRIGHT_VERSION);
  log(`playwright-core installed in ${since(start)}`);
  return pkgDir;
}

function npmInstall(prefix, spec, env) {
  const args = ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', spec];
  return run('npm', args, { cwd: prefix, env, timeoutMs: INSTALL_TIMEOUT_MS });
}

/**
 * The environment without the npm_* variables that `npm run test:e2e` exports (prefix,
 * local_prefix, ...): a nested install must not inherit the outer project's npm config.
 */
function npmEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

// A stamp is written only after a complete install, so an interrupted install is retried.
function isStamped(dir, version) {
  const file = join(dir, '.installed');
  return existsSync(file) && readFileSync(file, 'utf8').trim() === version;
}

function stamp(dir, version) {
  writeFileSync(join(dir, '.installed'), `${version}\n`);
}
