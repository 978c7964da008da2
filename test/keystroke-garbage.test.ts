/**
 * What a keystroke leaves behind. Each keystroke makes a new model of the edited document, new
 * arrays of models and facts, and new diagnostics; all of it is garbage by the next keystroke and
 * should die in the young generation, which costs almost nothing to collect. Anything that keeps
 * it alive through a scavenge makes every scavenge copy it (a WeakMap entry keyed by it), or sends
 * it to the old generation to wait for a full collection (a Set emptied with clear()): see
 * server/src/core/memo.ts. The typing runs in a child process under V8's --trace-gc-nvp, which
 * reports, for each scavenge, the bytes that survived it and the bytes it promoted.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const KEYSTROKES = 600;

/** Sums a --trace-gc-nvp field over the scavenges between the script's START and END lines. */
function scavenged(output: string, field: string): number {
  const measured = output.slice(output.indexOf('START\n'), output.indexOf('END '));
  let total = 0;
  for (const line of measured.split('\n')) {
    if (!line.includes('gc=s')) continue;
    const value = new RegExp(`\\b${field}=(\\d+)`).exec(line);
    if (value) total += Number(value[1]);
  }
  return total;
}

describe('memory a keystroke leaves behind', () => {
  it('typing in a file of 10 documents leaves little alive at the next scavenge, and less for the old generation', () => {
    const script = path.join(__dirname, 'fixtures', 'garbage', 'typing.ts');
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--trace-gc-nvp', script], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.match(output, /END [1-9]/, 'the keystrokes had diagnostics to publish');
    const survived = scavenged(output, 'new_space_survived') / KEYSTROKES / 1024;
    const promoted = scavenged(output, 'promoted') / KEYSTROKES / 1024;
    // About 0.6 KB survived and 0.9 KB promoted per keystroke here. With the rules' caches in
    // WeakMaps keyed by each keystroke's model, 5 KB survived; with the analyser's Sets emptied
    // with clear(), 4.6 KB per keystroke reached the old generation.
    assert.ok(survived < 2.5, `${survived.toFixed(1)} KB per keystroke survived a scavenge`);
    assert.ok(promoted < 2.5, `${promoted.toFixed(1)} KB per keystroke reached the old generation`);
  });
});
