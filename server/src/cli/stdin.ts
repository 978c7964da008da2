/** `-` as a PATH: one manifest read from standard input (`helm template . | kube-volumes -`), as kubectl does. */
import { readSync } from 'fs';
import { isatty } from 'tty';

export const STDIN_PATH = '-';
/** The name findings carry instead of a path; not a real file name, so it cannot be mistaken for one. */
export const STDIN_NAME = '<stdin>';

/** Blocks the thread for a moment; the CLI is synchronous, so there is nothing else to run meanwhile. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/**
 * Reads standard input to its end; empty input is an empty file. A loop of readSync rather than
 * readFileSync(0): a pipe left non-blocking by the parent gives EAGAIN until data arrives, and
 * Windows ends a pipe with an EOF error rather than a zero-byte read.
 */
export function readStandardInput(warn: (text: string) => void, fd = 0): string {
  // At a terminal nothing comes until the user ends the input; say so rather than seem to hang.
  if (isatty(fd)) warn('kube-volumes: reading a manifest from the terminal; end it with Ctrl-D (Ctrl-Z, Enter on Windows)\n');
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    let read: number;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause(10);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
  return Buffer.concat(chunks).toString('utf8');
}
