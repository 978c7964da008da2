/**
 * The analysis helper on a worker thread (core/analysis/parallel.ts), as the server runs it:
 * started when a file large enough to repay its start is opened, kept for the files opened after
 * it (a helper that has worked before is much faster than a new one), and ended by itself after
 * a minute without one, so that its heap (tens of megabytes of trees parsed and dropped) goes
 * with it.
 * Not with the server: loading its code took the other core while the server analysed its first
 * (small) file, which made that 10–15% slower; the analysis of a large file goes on without the
 * helper while it starts, and the helper takes documents from the end once it is ready.
 *
 * The two threads share one Int32Array: a stop flag, a count of results sent, and a claim per
 * document. Each thread takes a document with a compare-and-swap on its claim, so that none is
 * analysed twice whoever is faster. The analyser reads the helper's results synchronously from a
 * MessagePort (receiveMessageOnPort) and sleeps on the count (Atomics.wait) when the one it needs
 * is not there yet: it never needs the event loop to get them, so a first analysis still runs in
 * slices between which the server answers other messages.
 */
import * as path from 'path';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';
import { AnalysisHelper, HelperJob, HelperResult, PARALLEL_MIN_DOCUMENTS, PARALLEL_START_MIN_DOCUMENTS, SentDocument } from '../core/analysis/parallel';
import type { RuleOptions } from '../core/rules/types';
import type { DocumentChunk } from '../core/text/split-documents';

/** Indices into the shared array. */
export const STOP = 0;
export const SENT = 1;
export const CLAIMS = 2;
/** Claim values. */
export const FREE = 0;
export const ANALYSER = 1;
export const HELPER = 2;

/**
 * How long the thread waits for another job before it ends. Ended after 500 ms, every large file
 * opened later paid for a new thread: 1,000 documents 793 ms instead of 558 with the thread kept.
 * Kept, its heap stays: 27 MB more resident memory at 1,000 documents, 45–57 MB at 5,000.
 */
export const IDLE_MS = 60_000;

/** When the thread takes a share of a file, and how long it waits for the next. */
export interface ThreadOptions {
  /** The smallest file a running thread takes a share of. */
  readonly minDocuments?: number;
  /** The smallest file that starts a thread when none is running. */
  readonly startMinDocuments?: number;
  readonly idleMs?: number;
}

/** What the thread is started with. */
export interface ThreadData {
  readonly port: MessagePort;
  readonly idleMs: number;
}

/** What the analyser sends the helper to start a job. */
export interface JobMessage {
  readonly id: number;
  /**
   * The text the chunks were split from, and where each starts and ends in it: one string to copy,
   * not thousands (joining the chunks' texts again took 31–135 ms of a 50 MB file's first analysis).
   */
  readonly text: string;
  readonly bounds: Int32Array;
  readonly options: RuleOptions;
  readonly shared: SharedArrayBuffer;
}

/** What the helper sends back: a document's analysis, one it could not analyse, or the end of its share. */
export type ResultMessage =
  | { readonly id: number; readonly index: number; readonly document: SentDocument }
  | { readonly id: number; readonly index: number; readonly failed: string }
  | { readonly id: number; readonly done: true };

/**
 * Without a result for this long, an analyser that waits with no deadline (FileAnalyzer.analyse
 * called before prepare() finished) takes the helper for stuck and does its documents itself. One
 * that waits a slice at a time never gives up on a helper at work: between slices, the event loop
 * tells it when the thread has died (a single document of megabytes takes it many seconds, and was
 * analysed twice when the analyser stopped waiting after 10 s).
 */
const SILENCE_MS = 60_000;

/** One job's side of the analyser: exported for tests. */
export class ThreadJob implements HelperJob {
  private results = new Map<number, ResultMessage>();
  private done = false;
  private cancelled = false;
  private lastHeard = performance.now();

  /** `drain`: hands this job the messages that arrived, until a deadline (AnalysisThread.drain). */
  constructor(readonly id: number, private readonly state: Int32Array, private readonly drain: (deadline: number) => void, private readonly silenceMs = SILENCE_MS) {}

  claim(index: number): boolean {
    return Atomics.compareExchange(this.state, CLAIMS + index, FREE, ANALYSER) === FREE;
  }

  resultFor(index: number, deadline: number): HelperResult {
    for (;;) {
      const seen = Atomics.load(this.state, SENT);
      this.drain(deadline);
      const result = this.results.get(index);
      if (result !== undefined) {
        this.results.delete(index);
        return 'document' in result ? { kind: 'sent', document: result.document } : { kind: 'failed' };
      }
      const now = performance.now();
      if (this.done || (deadline === Infinity && now - this.lastHeard > this.silenceMs)) return { kind: 'failed' };
      if (now >= deadline) return { kind: 'pending' };
      // Sleeps until the helper sends something (it adds to SENT after each message), at most until the deadline.
      Atomics.wait(this.state, SENT, seen, Math.min(deadline - now, this.silenceMs));
    }
  }

  sent(): number {
    // The helper counts every message it sends, the last ("done") included.
    return Atomics.load(this.state, SENT) - (this.done ? 1 : 0);
  }

  cancel(): void {
    Atomics.store(this.state, STOP, 1);
    this.cancelled = true;
    // What the analyser will not ask for (new collection, not clear(): see FileAnalyzer.analyse).
    this.results = new Map();
  }

  /**
   * Whether the job is over: the helper finished its share, or the analyser stopped it. Another job
   * may then start: the thread takes it once it has stopped this one, and this one's last messages
   * are dropped. (Waiting for the helper's last message made the file opened next after a large
   * one miss the helper whenever it came after that file's first slice.)
   */
  get finished(): boolean {
    return this.done || this.cancelled;
  }

  receive(message: ResultMessage): void {
    this.lastHeard = performance.now();
    if ('done' in message) this.done = true;
    else this.results.set(message.index, message);
  }
}

/** The helper on a worker thread, started on the first job; one job at a time. */
export class AnalysisThread implements AnalysisHelper {
  private thread?: { readonly worker: Worker; readonly port: MessagePort };
  private job?: ThreadJob;
  private nextId = 1;
  private dead = false;

  private readonly minDocuments: number;
  private readonly startMinDocuments: number;
  private readonly idleMs: number;

  /** `script`: the helper's bundle (dist/analysis-worker.js). */
  constructor(private readonly script: string, options: ThreadOptions = {}) {
    this.minDocuments = options.minDocuments ?? PARALLEL_MIN_DOCUMENTS;
    this.startMinDocuments = options.startMinDocuments ?? PARALLEL_START_MIN_DOCUMENTS;
    this.idleMs = options.idleMs ?? IDLE_MS;
  }

  /** How many threads have been started (for tests). */
  started = 0;

  start(text: string, chunks: readonly DocumentChunk[], options: RuleOptions): HelperJob | undefined {
    if (chunks.length < this.minDocuments) return undefined;
    this.drain();
    if (this.dead || (this.job && !this.job.finished)) return undefined;
    if (!this.thread && chunks.length < this.startMinDocuments) return undefined;
    const worker = this.running()?.worker;
    if (!worker) return undefined;
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (CLAIMS + chunks.length));
    const bounds = new Int32Array(chunks.length * 2);
    chunks.forEach((chunk, i) => {
      bounds[2 * i] = chunk.offset;
      bounds[2 * i + 1] = chunk.offset + chunk.text.length;
    });
    const job = (this.job = new ThreadJob(this.nextId++, new Int32Array(shared), (deadline) => this.drain(deadline)));
    const message: JobMessage = { id: job.id, text, bounds, options, shared };
    worker.postMessage(message);
    return job;
  }

  /** The thread, started now if it is not running; undefined where threads cannot start (one thread then does all). */
  private running(): { readonly worker: Worker; readonly port: MessagePort } | undefined {
    if (this.thread) return this.thread;
    try {
      const { port1, port2 } = new MessageChannel();
      const workerData: ThreadData = { port: port2, idleMs: this.idleMs };
      const worker = new Worker(this.script, { workerData, transferList: [port2] });
      // The helper must not keep the server alive once the editor has gone.
      worker.unref();
      const thread = { worker, port: port1 };
      worker.on('error', () => this.stop());
      worker.on('exit', (code) => this.ended(thread, code));
      this.started++;
      return (this.thread = thread);
    } catch {
      this.dead = true;
      return undefined;
    }
  }

  /**
   * A thread ended: after its idle time (code 0), the next job starts another; otherwise it failed
   * and none is started again. A job it had not finished gets no more results (a job posted as it
   * ended is one): the analyser does those documents itself.
   */
  private ended(thread: { readonly worker: Worker; readonly port: MessagePort }, code: number): void {
    if (this.thread !== thread) return;
    this.drain();
    this.thread = undefined;
    if (this.job && !this.job.finished) this.job.receive({ id: this.job.id, done: true });
    if (code !== 0) this.dead = true;
  }

  /**
   * Hands the messages that arrived to their job (those of older jobs are dropped), until `deadline`.
   * The analyser needs the helper's documents first to last, and the helper sends them last to first,
   * so the first one it needs comes after all others: thousands of messages to read, a slice at a time.
   */
  private drain(deadline = Infinity): void {
    const port = this.thread?.port;
    if (!port) return;
    do {
      const received = receiveMessageOnPort(port);
      if (received === undefined) return;
      const message = received.message as ResultMessage;
      if (message.id === this.job?.id && !this.job.finished) this.job.receive(message);
    } while (performance.now() < deadline);
  }

  private stop(): void {
    this.dead = true;
    // A job waiting for results gets none: the analyser does the documents itself.
    this.job?.receive({ id: this.job.id, done: true });
  }

  /** Ends the thread (for tests; the server's thread ends with the process). */
  async terminate(): Promise<void> {
    this.dead = true;
    await this.thread?.worker.terminate();
  }
}

/** The helper of a server bundle: `dist/analysis-worker.js`, beside `dist/server.js`. */
export function analysisThread(script = path.join(__dirname, 'analysis-worker.js')): AnalysisThread {
  return new AnalysisThread(script);
}
