/**
 * The progress of a long first analysis, shown by the editor (LSP work-done progress): a file of
 * 5,000 documents takes seconds, during which the editor would otherwise say "No Problems" and
 * then, at once, hundreds. Shown only past a delay, so that files read in a moment never flash it.
 */
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** How long an analysis runs before its progress is shown. */
export const SHOW_AFTER_MS = 500;

interface Run {
  readonly since: number;
  reporter?: Promise<WorkDoneProgressServerReporter | undefined>;
  percentage: number;
}

/** The last segment of a URI's path, as a user knows the file. */
function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export class AnalysisProgress {
  private readonly runs = new Map<string, Run>();

  /** `create`: a new progress in the editor (the connection's createWorkDoneProgress). */
  constructor(private readonly create: () => Promise<WorkDoneProgressServerReporter>, private readonly delayMs = SHOW_AFTER_MS) {}

  /** A slice of `uri`'s analysis has ended with `read.done` of `read.total` documents analysed. */
  update(uri: string, read: { readonly done: number; readonly total: number } | undefined, now = performance.now()): void {
    if (!read || read.total === 0) return;
    let run = this.runs.get(uri);
    if (!run) this.runs.set(uri, (run = { since: now, percentage: -1 }));
    if (now - run.since < this.delayMs) return;
    const percentage = Math.min(100, Math.floor((100 * read.done) / read.total));
    if (percentage === run.percentage) return;
    run.percentage = percentage;
    // In the text too: VS Code shows a language server's progress in the status bar, title and message only.
    const message = `${read.done.toLocaleString('en')} of ${read.total.toLocaleString('en')} documents (${percentage}%)`;
    if (run.reporter) {
      void run.reporter.then((reporter) => reporter?.report(percentage, message));
      return;
    }
    // A client that refuses the progress gets none; the analysis goes on all the same.
    run.reporter = this.create().then(
      (reporter) => (reporter.begin(`kube-volumes: checking ${fileName(uri)}`, percentage, message), reporter),
      () => undefined,
    );
  }

  /** The analysis of `uri` is done, or the file has closed. */
  end(uri: string): void {
    const run = this.runs.get(uri);
    this.runs.delete(uri);
    void run?.reporter?.then((reporter) => reporter?.done());
  }
}
