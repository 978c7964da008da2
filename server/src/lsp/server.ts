/**
 * The language server shell: keeps one analyser per open document, validates on open and change,
 * and publishes diagnostics tagged with the version they were computed for. All analysis is in
 * ../core; this file only speaks the protocol.
 */
import * as path from 'path';
import {
  CancellationToken, CodeActionKind, Connection, DidChangeConfigurationNotification, ErrorCodes, InitializeParams, InitializeResult, Position,
  ResponseError, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { FileAnalysis, FileAnalyzer } from '../core/analysis/analyzer';
import type { AnalysisHelper } from '../core/analysis/parallel';
import type { TextChange } from '../core/text/split-documents';
import { DEFAULT_SETTINGS, normaliseSettings, Settings } from '../core/settings';
import { AnalysisProgress } from './analysis-progress';
import { PublishedDiagnostics } from './diagnostics';
import * as features from './features';
import { REPAIR_REQUEST } from './protocol';
import { ROPE_DOCUMENTS, RopeTextDocument } from './rope-text-document';
import { ValidationQueue } from './validation-queue';

interface ServerSettings {
  enable: boolean;
  analysis: Settings;
}

/**
 * How long the server parses before it looks at its messages again: during validation, and when a
 * request finds its document not analysed yet (then, past this, the request gets an empty answer).
 * A slice always finishes the document it started, so after a keystroke, which changes one
 * document, a request always gets a full answer.
 */
const VALIDATION_SLICE_MS = 50;
const REQUEST_SLICE_MS = 10;

const DEFAULTS: ServerSettings = { enable: true, analysis: DEFAULT_SETTINGS };

function readSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return { enable: section.enable !== false, analysis: normaliseSettings(section) };
}

export interface ServerOptions {
  /** Folder holding `rules/<id>.md`; defaults to the docs folder next to the bundle. */
  docsRoot?: string;
  /** The thread that shares the first analysis of large files (analysis-thread.ts); none, one thread does all. */
  helper?: AnalysisHelper;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const docsRoot = options.docsRoot ?? path.resolve(__dirname, '..', 'docs');
  const { helper } = options;
  /**
   * The edits each document received since it was last analysed. A single one lets the analyser
   * re-split the file only around it; anything else (several edits, a full replacement) means a full split.
   */
  const edits = new Map<string, TextChange[] | 'unknown'>();
  const record = (document: TextDocument, changes: TextDocumentContentChangeEvent[]): void => {
    const recorded = edits.get(document.uri) ?? [];
    const change = changes.length === 1 ? changes[0] : undefined;
    const range: Range | undefined = change && 'range' in change ? (change.range as Range) : undefined;
    if (recorded === 'unknown' || !change || !range) {
      edits.set(document.uri, 'unknown');
      return;
    }
    const [a, b] = [document.offsetAt(range.start), document.offsetAt(range.end)];
    recorded.push({ start: Math.min(a, b), end: Math.max(a, b), length: change.text.length, text: change.text });
    edits.set(document.uri, recorded);
  };
  const documents = new TextDocuments<RopeTextDocument>({
    create: ROPE_DOCUMENTS.create,
    update: (document, changes, version) => {
      record(document, changes);
      return ROPE_DOCUMENTS.update(document, changes, version);
    },
  });
  const analysers = new Map<string, FileAnalyzer>();
  const reportedRuleErrors = new Set<string>();
  let canPullConfiguration = false;
  let settings: ServerSettings = DEFAULTS;

  const onRuleError = (ruleId: string, error: unknown): void => {
    // Log a failing rule once per session, not once per keystroke.
    if (reportedRuleErrors.has(ruleId)) return;
    reportedRuleErrors.add(ruleId);
    connection.console.error(`kube-volumes: rule ${ruleId} failed and was skipped: ${error instanceof Error ? error.stack : String(error)}`);
  };

  const latest = new Map<string, { version: number; settings: Settings; analysis: FileAnalysis }>();

  const analyserOf = (uri: string): FileAnalyzer => {
    let analyser = analysers.get(uri);
    if (!analyser) analysers.set(uri, (analyser = new FileAnalyzer(onRuleError, undefined, helper)));
    return analyser;
  };

  const published = new Map<string, PublishedDiagnostics>();
  const publishedOf = (uri: string): PublishedDiagnostics => {
    let conversions = published.get(uri);
    if (!conversions) published.set(uri, (conversions = new PublishedDiagnostics(uri, docsRoot)));
    return conversions;
  };

  /** The single edit since the last analysis, which lets the analyser re-split only around it. */
  const changeSinceAnalysis = (uri: string): TextChange | undefined => {
    const since = edits.get(uri);
    return Array.isArray(since) && since.length === 1 ? since[0] : undefined;
  };

  const isAnalysed = (document: TextDocument): boolean => {
    const cached = latest.get(document.uri);
    return cached !== undefined && cached.version === document.version && cached.settings === settings.analysis;
  };

  /** The analysis of a document's current version, computed now if the scheduled run has not happened yet. */
  function analysisOf(document: TextDocument): FileAnalysis {
    if (isAnalysed(document)) return latest.get(document.uri)!.analysis;
    const change = changeSinceAnalysis(document.uri);
    edits.delete(document.uri);
    const analysis = analyserOf(document.uri).analyse(document.getText(), settings.analysis, change);
    latest.set(document.uri, { version: document.version, settings: settings.analysis, analysis });
    return analysis;
  }

  /**
   * Parses what is left of the current version for about `sliceMs`; true when analysisOf() will
   * now be quick. Keystrokes parse one document and finish at once; the first analysis of a file
   * of thousands of documents takes many slices, and the server answers messages between them.
   */
  function prepared(document: TextDocument, sliceMs: number): boolean {
    if (isAnalysed(document)) return true;
    return analyserOf(document.uri).prepare(document.getText(), settings.analysis, changeSinceAnalysis(document.uri), performance.now() + sliceMs);
  }

  /** One step of a document's validation: a slice of its analysis, then its diagnostics; false when more is left. */
  function validate(uri: string): boolean {
    const document = documents.get(uri);
    if (!document) return true; // closed meanwhile
    if (!settings.enable) {
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return true;
    }
    if (!prepared(document, VALIDATION_SLICE_MS)) {
      progress.update(uri, analyserOf(uri).progress());
      return false;
    }
    const { diagnostics } = analysisOf(document);
    void connection.sendDiagnostics({
      uri,
      version: document.version,
      diagnostics: publishedOf(uri).of(diagnostics),
    });
    return true;
  }

  /**
   * Requests that wait for a document's analysis (see onDocumentSymbol), woken when its validation
   * is done or it closes.
   */
  const waiting = new Map<string, (() => void)[]>();
  const wake = (uri: string): void => {
    const wakers = waiting.get(uri);
    waiting.delete(uri);
    wakers?.forEach((resume) => resume());
  };
  /** Resolves when the document's validation is done, it closes, or the request is cancelled. */
  const validated = (uri: string, token: CancellationToken): Promise<void> => new Promise((resolve) => {
    const wakers = waiting.get(uri) ?? [];
    wakers.push(resolve);
    waiting.set(uri, wakers);
    token.onCancellationRequested(() => resolve());
    // Whatever left it unanalysed, its validation is on the way (an open document's always is; this makes sure).
    if (!queue.includes(uri)) queue.add(uri, false);
  });

  const progress = new AnalysisProgress(() => connection.window.createWorkDoneProgress());
  const queue = new ValidationQueue((uri) => {
    const done = validate(uri);
    if (done) {
      progress.end(uri);
      wake(uri);
    }
    return done;
  });
  const validateAll = (): void => documents.all().forEach((d) => queue.add(d.uri, false));

  /** Pulls the settings; true when they differ from those in use. */
  async function refreshSettings(): Promise<boolean> {
    if (!canPullConfiguration) return false;
    return useSettings(readSettings(await connection.workspace.getConfiguration('kubeVolumes')));
  }

  /**
   * Keeps the settings object when nothing changed, so that the analyses made with it stay valid:
   * the configuration pulled right after start-up is usually the default, and re-publishing every
   * open file's diagnostics for it is wasted work (and a flicker).
   */
  function useSettings(next: ServerSettings): boolean {
    if (JSON.stringify(next) === JSON.stringify(settings)) return false;
    settings = next;
    return true;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    settings = readSettings(params.initializationOptions?.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '-'] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'kube-volumes' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kubeVolumes' });
      void refreshSettings().then((changed) => changed && validateAll());
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    const changed = canPullConfiguration
      ? await refreshSettings()
      : useSettings(readSettings((change.settings as Record<string, unknown> | undefined)?.kubeVolumes));
    if (changed) validateAll();
  });

  /**
   * The open document, if requests on it can be answered now: enabled, and its current version
   * analysed or quick to analyse. While the first analysis of a huge file is under way, requests
   * get empty answers at once instead of waiting for it.
   */
  function readyDocument(uri: string): TextDocument | undefined {
    const document = documents.get(uri);
    return document && settings.enable && prepared(document, REQUEST_SLICE_MS) ? document : undefined;
  }

  /** Runs a position request on the current analysis; unknown or closed documents get `empty`. */
  function onPosition<T>(uri: string, position: Position, empty: T, handler: (document: TextDocument, a: NonNullable<ReturnType<typeof features.at>>) => T): T {
    const document = readyDocument(uri);
    if (!document) return empty;
    const a = features.at(analysisOf(document), document, position);
    return a ? handler(document, a) : empty;
  }

  connection.onHover((p) => onPosition(p.textDocument.uri, p.position, null, features.hover));
  connection.onCompletion((p) => onPosition(p.textDocument.uri, p.position, [], features.completion));
  connection.onDefinition((p) => onPosition(p.textDocument.uri, p.position, null, features.definition));
  connection.onReferences((p) => onPosition(p.textDocument.uri, p.position, [], (d, a) => features.references(d, a, p.context.includeDeclaration)));
  connection.onDocumentHighlight((p) => onPosition(p.textDocument.uri, p.position, [], features.highlights));
  connection.onPrepareRename((p) => onPosition(p.textDocument.uri, p.position, null, features.prepareRename));
  connection.onRenameRequest((p) => {
    try {
      return onPosition(p.textDocument.uri, p.position, null, (d, a) => features.rename(d, a, p.newName));
    } catch (error) {
      if (error instanceof features.RenameError) return new ResponseError(ErrorCodes.InvalidParams, error.message);
      throw error;
    }
  });
  // VS Code asks for a file's symbols (outline, breadcrumbs, Go to Symbol) once per version and keeps
  // what it gets: an empty answer during a long first analysis left the outline empty until an edit.
  // So this request waits for the analysis, while the server goes on answering others.
  connection.onDocumentSymbol(async (p, token) => {
    const { uri } = p.textDocument;
    for (;;) {
      const document = readyDocument(uri);
      if (document) return features.symbols(document, analysisOf(document));
      if (!documents.get(uri) || !settings.enable || token.isCancellationRequested) return [];
      await validated(uri, token);
    }
  });
  connection.onCodeAction((p) => {
    const document = readyDocument(p.textDocument.uri);
    return document ? features.codeActions(document, analysisOf(document), p.context.diagnostics) : [];
  });

  connection.onRequest(REPAIR_REQUEST, (p: { uri: string; position: Position }) => {
    const document = documents.get(p.uri);
    if (!document) return { message: 'Open a YAML file first.' };
    if (!prepared(document, REQUEST_SLICE_MS)) return { message: 'kube-volumes is still reading this file; try again in a moment.' };
    return features.repairAt(document, analysisOf(document), p.position);
  });

  // TextDocuments fires onDidChangeContent for an open too, right after onDidOpen: only real edits jump the queue.
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    // An open replaces the whole text, also of a document that was open already (a client may
    // open it again without closing it): edits recorded before it describe another text.
    edits.set(event.document.uri, 'unknown');
  });
  documents.onDidChangeContent((event) => {
    // New text is new work whatever its version says: a client that repeats a version number
    // must not be answered with the analysis of the text before it.
    latest.delete(event.document.uri);
    queue.add(event.document.uri, !justOpened.delete(event.document.uri));
  });
  documents.onDidClose((event) => {
    queue.remove(event.document.uri);
    wake(event.document.uri);
    progress.end(event.document.uri);
    // Stops the helper thread's share of a first analysis still under way: another file may need it.
    analysers.get(event.document.uri)?.dispose();
    analysers.delete(event.document.uri);
    published.delete(event.document.uri);
    latest.delete(event.document.uri);
    edits.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
