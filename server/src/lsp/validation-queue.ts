/**
 * Which open documents wait for diagnostics, and in what order. The document being edited goes
 * first; the others follow in the order they came. One step (one slice of one document's
 * analysis) runs at a time, two event-loop turns after the previous one, so that edits and
 * requests are never stuck behind a queue of other files: opening hundreds of files at once
 * delays the file being typed in by one step at most.
 */
export class ValidationQueue {
  private readonly waiting: string[] = [];
  private timer?: NodeJS.Immediate;

  /** `step` runs one slice of a document's validation; it returns false when more is left. */
  constructor(private readonly step: (uri: string) => boolean) {}

  /** Queues `uri`; an `edited` document goes to the front and restarts the wait, so a burst of edits is validated once. */
  add(uri: string, edited: boolean): void {
    this.remove(uri);
    if (edited) {
      this.waiting.unshift(uri);
      this.restart();
    } else {
      this.waiting.push(uri);
      this.wake();
    }
  }

  includes(uri: string): boolean {
    return this.waiting.includes(uri);
  }

  remove(uri: string): void {
    const index = this.waiting.indexOf(uri);
    if (index >= 0) this.waiting.splice(index, 1);
  }

  /**
   * Two turns, because vscode-jsonrpc handles one received message per turn: after one turn the
   * next edit of a burst is still queued behind us; after two it has been applied.
   */
  private wake(): void {
    if (this.timer) return;
    this.timer = setImmediate(() => {
      this.timer = setImmediate(() => {
        this.timer = undefined;
        this.runOne();
      });
    });
  }

  private restart(): void {
    if (this.timer) clearImmediate(this.timer);
    this.timer = undefined;
    this.wake();
  }

  private runOne(): void {
    const uri = this.waiting.shift();
    if (uri === undefined) return;
    // A document with more left goes to the back: one huge file does not starve the others.
    if (!this.step(uri)) this.waiting.push(uri);
    if (this.waiting.length > 0) this.wake();
  }
}
