/**
 * Entry point of the analysis helper thread (lsp/analysis-thread.ts): analyses documents from
 * the end of a file while the server's thread works from the start, and sends each one's
 * findings, facts and summary back as plain data.
 */
import { parentPort, workerData } from 'worker_threads';
import { analyseForSending } from './core/analysis/analyzer';
import { CLAIMS, FREE, HELPER, JobMessage, ResultMessage, SENT, STOP, ThreadData } from './lsp/analysis-thread';

const { port, idleMs } = workerData as ThreadData;
/** Ends the thread when no job comes for a while (see analysis-thread.ts). */
let idle: NodeJS.Timeout | undefined;

function send(state: Int32Array, message: ResultMessage): void {
  port.postMessage(message);
  // After the message is queued: the analyser, woken by this, finds it on the port.
  Atomics.add(state, SENT, 1);
  Atomics.notify(state, SENT);
}

/** Takes documents from the last one down until the analyser has taken the next, or the job is stopped. */
function work({ id, text, bounds, options, shared }: JobMessage): void {
  clearTimeout(idle);
  const state = new Int32Array(shared);
  for (let index = bounds.length / 2 - 1; index >= 0; index--) {
    if (Atomics.load(state, STOP) !== 0 || Atomics.compareExchange(state, CLAIMS + index, FREE, HELPER) !== FREE) break;
    const documentText = text.slice(bounds[2 * index], bounds[2 * index + 1]);
    try {
      send(state, { id, index, document: analyseForSending(documentText, options) });
    } catch (error) {
      // Rules are contained by the analysis; this is anything else (a message that cannot be cloned):
      // the analyser then analyses the document itself.
      send(state, { id, index, failed: String(error) });
    }
  }
  send(state, { id, done: true });
  idle = setTimeout(() => process.exit(0), idleMs);
}

parentPort?.on('message', work);
