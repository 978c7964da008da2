/**
 * The V8 flags the language server runs with. VS Code starts it with them on the command line
 * (client/src/extension.ts); started otherwise (`node dist/server.js --stdio`, from Neovim or the
 * benchmark), it sets them itself before any of its code runs.
 *
 * --no-allocation-site-pretenuring: the first analysis of a file keeps almost everything it
 * allocates, so V8 learns to allocate the objects of those allocation sites (models, diagnostics,
 * arrays) straight in the old generation. Keystrokes make the same kinds of objects, garbage one
 * keystroke later, and there they wait for a full collection, keeping alive every young object
 * they point to. At 1,000 documents, over 600 keystrokes in one process: 21.8 KB per keystroke
 * reached the old generation with pretenuring, 3.7 KB without, and scavenges took 38 ms in all
 * against 22 ms; the first analysis took as long either way (bench/notes.md).
 */
import * as v8 from 'node:v8';

export const SERVER_V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/** Sets those of the flags the command line did not give (server/src/apply-v8-flags.ts calls it first thing). */
export function applyServerV8Flags(): void {
  for (const flag of SERVER_V8_FLAGS) if (!process.execArgv.includes(flag)) v8.setFlagsFromString(flag);
}
