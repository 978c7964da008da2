// Small process and timing helpers shared by the e2e harness.
import { spawn } from 'node:child_process';

/** Prints one short progress line; the prefix makes harness output easy to grep in CI logs. */
export function log(message) {
  console.log(`e2e: ${message}`);
}

/** Seconds since `start`, for timing lines. */
export function since(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)}s`;
}

/**
 * Runs a command to completion with a hard timeout. Output is captured rather than streamed so
 * that a passing run stays quiet; on failure the tail is put in the error, where it is needed.
 */
export function run(command, args, { cwd, env, timeoutMs, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => { output += chunk; };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.stdin.end(input ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs ?? 120_000);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(output);
      const why = signal ? `killed by ${signal} (timeout ${timeoutMs ?? 120_000} ms?)` : `exit ${code}`;
      reject(new Error(`${command} ${args.join(' ')} failed (${why}):\n${tail(output, 30)}`));
    });
  });
}

/** The last `lines` lines of a text, to keep failure messages readable. */
export function tail(text, lines) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Polls `probe` until it returns a truthy value and returns that value. Every wait in the
 * harness goes through here so that none can hang and each timeout names what was awaited.
 */
export async function waitFor(what, probe, { timeoutMs, intervalMs = 250 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}

/** Rejects with a clear message if `promise` takes longer than `timeoutMs`. */
export function withTimeout(promise, timeoutMs, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000}s: ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
