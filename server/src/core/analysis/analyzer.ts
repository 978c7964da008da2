/**
 * The engine: text in, diagnostics out. Each YAML document is parsed and checked once per
 * distinct text and kept until it changes, so a keystroke re-analyses only the document it
 * touched; rules that relate documents (file rules) then run over the cached models, which
 * costs no parsing.
 */
import { documentModelOf, parseDocumentModel } from '../model/parse-document';
import { DocumentEdit, patchScalar } from '../model/patch-scalar';
import { FactColumns } from './fact-columns';
import { keepsFindings, movedFinding, ValueEdit, valueEditOf } from './kept-findings';
import type { DocumentModel } from '../model/types';
import type { Range } from '../model/yaml-nodes';
import { DOCUMENT_RULES, FILE_RULES } from '../rules/registry';
import type { Finding, FileFinding, RuleOptions, Severity } from '../rules/types';
import { effectiveSeverity, Settings } from '../settings';
import { LineIndex, Position } from '../text/line-index';
import { DocumentChunk, DocumentLimit, documentLimit, resplit, splitDocuments, TextChange } from '../text/split-documents';
import { MAX_DOCUMENTS } from '../rules/too-many-documents';
import { hasTemplateActions } from '../model/helm';
import { carriesOver, DocumentSummary, summaryOf } from '../rules/file-derived';
import { fileWideRules, findSuppressions, isSuppressed, suppressionsAfterLineEdit, Suppressions } from './suppressions';
import { AnalysisHelper, HelperJob, receivedDocument, SentRuleError, sendable, SentDocument } from './parallel';

export interface TextRange {
  readonly start: Position;
  readonly end: Position;
}

export interface RelatedDiagnostic {
  readonly message: string;
  readonly range: TextRange;
}

export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** 0-based index of the YAML document in the file. */
  readonly document: number;
  readonly fieldPath: string;
  readonly range: TextRange;
  readonly related: readonly RelatedDiagnostic[];
  readonly data?: Record<string, unknown>;
  readonly unnecessary: boolean;
}

/** One analysed document: its model, the findings of the per-document rules, and what the file rules need of it. */
export interface AnalysedDocument {
  /** The document's text (the model's). */
  readonly text: string;
  /** Read only when needed: a document analysed on another thread parses its tree here on first read (parallel.ts). */
  readonly model: DocumentModel;
  readonly lines: LineIndex;
  readonly findings: readonly Finding[];
  /** `byRule[i]` is what DOCUMENT_RULES[i] found: `findings` is their concatenation. */
  readonly byRule: readonly (readonly Finding[])[];
  /** `facts[i]` is what FILE_RULES[i] collected from this document. */
  readonly facts: readonly unknown[];
  /** What every file rule may read of it. */
  readonly summary: DocumentSummary;
  /** Its `kube-volumes-disable` comments, lines counted from its first line. */
  readonly suppressions: Suppressions;
}

export interface FileAnalysis {
  readonly chunks: readonly DocumentChunk[];
  readonly documents: readonly AnalysedDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

export type RuleErrorHandler = (ruleId: string, error: unknown) => void;

/** Runs one rule, containing its failure so that the other rules still report. */
function runContained<T>(ruleId: string, run: () => T[], onError: RuleErrorHandler): T[] {
  try {
    return run();
  } catch (error) {
    onError(ruleId, error);
    return [];
  }
}

/** Most rules find nothing in most documents: one shared empty list each, not thousands of arrays in a large file. */
const NONE: readonly Finding[] = Object.freeze([]);
const NO_FINDINGS: readonly (readonly Finding[])[] = DOCUMENT_RULES.map(() => NONE);

/** At most how many document markers `typed` holds: each may start a document. */
function markersIn(typed: string): number {
  let count = 0;
  for (let i = typed.indexOf('---'); i !== -1; i = typed.indexOf('---', i + 3)) count++;
  return count;
}

function ran(found: Finding[]): readonly Finding[] {
  return found.length === 0 ? NONE : found;
}

/** The previous analysis of a document and the edit that made the new one. */
interface EditedFrom {
  readonly previous: AnalysedDocument;
  /** The edit of the document's text, inside one scalar. */
  readonly textEdit: DocumentEdit;
  /** The same edit as a change of one value, when the rules' findings may be kept (see kept-findings.ts). */
  readonly valueEdit?: ValueEdit;
}

/**
 * Whether `edit` turned `before` into `after` without adding or removing a line break: text typed
 * right after a `\r` may split a `\r\n` in two (a lone `\r` is a line of its own, line-index.ts).
 */
function keepsLineBreaks(before: string, after: string, edit: DocumentEdit): boolean {
  return before.charCodeAt(edit.start - 1) !== 13 && !/[\r\n]/.test(before.slice(edit.start, edit.end)) && !/[\r\n]/.test(after.slice(edit.start, edit.start + edit.length));
}

/**
 * The line index and suppressions of the edited document, moved from the previous analysis when
 * the edit kept every line break and (for suppressions) neither text holds a directive: scanning
 * a 13,000-line document for both took a fifth of a keystroke.
 */
function textIndexes(text: string, from: EditedFrom | undefined): Pick<AnalysedDocument, 'lines' | 'suppressions'> {
  if (!from || !keepsLineBreaks(from.previous.text, text, from.textEdit)) return { lines: LineIndex.of(text), suppressions: findSuppressions(text) };
  const { start, end, length } = from.textEdit;
  const lines = from.previous.lines.shifted(start, length - (end - start));
  return { lines, suppressions: suppressionsAfterLineEdit(from.previous.suppressions, text, start, start + length) };
}

function checked(model: DocumentModel, options: RuleOptions, onError: RuleErrorHandler, from?: EditedFrom): AnalysedDocument {
  const kept = from?.valueEdit;
  // A document the parser could not read gets only its syntax errors: rules on a half-read tree mislead.
  const byRule = model.syntaxProblems.length > 0 && !model.templated
    ? NO_FINDINGS
    : DOCUMENT_RULES.map((rule, r) => kept && keepsFindings(rule, kept)
      ? ran(from!.previous.byRule[r].map((finding) => movedFinding(finding, kept)))
      : ran(runContained(rule.id, () => rule.check(model, options), onError)));
  // Facts refer to the model's objects, so only a document that had none may skip collecting them.
  const facts = FILE_RULES.map((rule, r) => kept && from!.previous.facts[r] === undefined && keepsFindings(rule, kept)
    ? undefined
    : runContained(rule.id, () => [rule.collect(model, options)], onError)[0]);
  return { text: model.text, model, findings: byRule.flat(), byRule, facts, summary: summaryOf(model), ...textIndexes(model.text, from) };
}

function analyseDocument(text: string, options: RuleOptions, onError: RuleErrorHandler): AnalysedDocument {
  return checked(parseDocumentModel(text), options, onError);
}

/** One document analysed for the analyser of another thread (parallel.ts): what it needs, as plain data. */
export function analyseForSending(text: string, options: RuleOptions): SentDocument {
  const errors: SentRuleError[] = [];
  const analysed = analyseDocument(text, options, (rule, error) => errors.push(error instanceof Error ? { rule, message: error.message, stack: error.stack ?? String(error) } : { rule, message: String(error) }));
  return sendable(analysed, errors);
}

/**
 * Whether an edit inside a scalar of a document without template text may have made some. The
 * scalar lies on the edit's line (a patched scalar has no line break), and template text that the
 * edit made or completed includes braces or a comment end in that scalar: when the line has none,
 * the document need not be searched again (0.8 MB for the largest CRD in the corpus).
 */
function mayHaveMadeAction(text: string, edit: DocumentEdit): boolean {
  const lineStart = text.lastIndexOf('\n', edit.start - 1) + 1;
  const lineEnd = text.indexOf('\n', edit.start + edit.length);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  return line.includes('{{') || line.includes('}}') || line.includes('*/');
}

function toTextRange(chunk: DocumentChunk, lines: LineIndex, range: Range): TextRange {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return {
    start: { line: start.line + chunk.line, character: start.character },
    end: { line: end.line + chunk.line, character: end.character },
  };
}

/**
 * A copy of `text` that shares no memory with the file it was cut from. A chunk is a slice of the
 * whole file's text, and V8 keeps the whole text alive for as long as a slice of it lives: cached
 * per document, slices would hold one full copy of the file per keystroke.
 */
function detached(text: string): string {
  // Through UTF-8 a one-byte string stays one-byte (so comparing it with the file's slices is a plain
  // memory comparison); a lone surrogate would not survive UTF-8, so such text goes through UTF-16.
  return /[\uD800-\uDFFF]/.test(text) ? Buffer.from(text, 'utf16le').toString('utf16le') : Buffer.from(text, 'utf8').toString('utf8');
}

/** `analysed` if its document has exactly this text: a length check, then one memory comparison. */
function ifSameText(analysed: AnalysedDocument | undefined, text: string): AnalysedDocument | undefined {
  return analysed !== undefined && analysed.text.length === text.length && analysed.text === text ? analysed : undefined;
}

/**
 * Finds a previous document by text, for documents that moved. Most calls look up one or two
 * texts (the edited document), so the first lookups scan the lengths; many lookups (a paste that
 * moved everything) build an index by text once. (By length, it was quadratic where many
 * documents have one length: after an edit that joined two of 50,000 one-line documents, every
 * later one searched a list of thousands, for 30 s.)
 */
class PreviousDocuments {
  private lookups = 0;
  private byText?: Map<string, AnalysedDocument[]>;

  /** `spent` is the analyser's set of documents no lookup may return; it may grow after construction. */
  constructor(private readonly documents: readonly AnalysedDocument[], private readonly spent: ReadonlySet<AnalysedDocument>) {}

  /** Documents this lookup handed out, possibly for another index than their own. */
  private readonly given = new Set<AnalysedDocument>();

  find(text: string): AnalysedDocument | undefined {
    const found = this.lookup(text);
    if (found === undefined || this.spent.has(found)) return undefined;
    this.given.add(found);
    return found;
  }

  /** Whether `document` was handed out: another index may be using it, so its tree must not change. */
  gave(document: AnalysedDocument): boolean {
    return this.given.has(document);
  }

  private lookup(text: string): AnalysedDocument | undefined {
    if (++this.lookups <= 16) return this.documents.find((d) => ifSameText(d, text) !== undefined && !this.spent.has(d));
    if (!this.byText) {
      this.byText = new Map();
      for (const d of this.documents) {
        const list = this.byText.get(d.text);
        if (list) list.push(d);
        else this.byText.set(d.text, [d]);
      }
    }
    // Copies of one text share a list: the first that is not spent.
    return this.byText.get(text)?.find((d) => !this.spent.has(d));
  }
}

/**
 * A version of the file whose documents are being parsed a slice at a time (see
 * FileAnalyzer.prepare): its chunks, how far the parsing got, and what it parsed.
 */
interface Preparation {
  readonly text: string;
  readonly chunks: readonly DocumentChunk[];
  /** The analysed document of each chunk found so far, so that analyse() does not look again. */
  readonly found: (AnalysedDocument | undefined)[];
  /** The previous call's documents by text, for documents that moved. */
  readonly moved: PreviousDocuments;
  /** The single edit from the previous call's text to this one, when the caller knows it. */
  readonly change?: TextChange;
  /** The chunk texts were made from the previous ones (see resplit): none of them keeps the file's text alive. */
  readonly rebuilt: boolean;
  next: number;
  /** The helper's share of this analysis, when it has one (parallel.ts). */
  job?: HelperJob;
}

export class FileAnalyzer {
  /** The documents and chunks of the previous call, in file order, and the length of its text. */
  private previous: readonly AnalysedDocument[] = [];
  private previousChunks: readonly DocumentChunk[] = [];
  private previousLength = 0;
  private optionsKey = '';
  private preparation?: Preparation;
  /**
   * Documents parsed by prepare() and not yet used by analyse(), by text. Kept across versions: an
   * edit during a long first analysis abandons it, and the next one starts with what is parsed.
   */
  private prepared = new Map<string, AnalysedDocument>();
  /**
   * Documents of `previous` whose tree a patch has updated in place (patch-scalar.ts): their model
   * no longer matches their tree, so no lookup may return them, until `previous` is replaced.
   */
  private spent = new Set<AnalysedDocument>();
  private fileWide: ReadonlySet<string> = new Set();
  /** The previous call's own diagnostics by index, and what they were placed with (see diagnosticsOf). */
  private lastPass: PlacementPass = { documents: [], lines: [], carried: [], own: [], fromFile: [], placed: [], fileWide: this.fileWide };
  private readonly columns = new FactColumns(FILE_RULES.length);

  /**
   * The last text scanned for the limit, and where it cuts (undefined: under it). Every slice of a
   * long first analysis asks about the same text; once the analysis is done, it is kept only for a
   * file over the limit, whose keystrokes need it (others skip the scan, see withinLimit).
   */
  private lastLimit?: { readonly text: string; readonly limit: DocumentLimit | undefined };

  /**
   * `maxDocuments`: how many documents of a file are read (MAX_DOCUMENTS; smaller in tests).
   * `helper`: another thread that takes a share of the first analysis of a large file (parallel.ts).
   * `findLimit`: the scan for the document limit (counted in tests).
   */
  constructor(
    private readonly onRuleError: RuleErrorHandler = () => undefined,
    private readonly maxDocuments = MAX_DOCUMENTS,
    private readonly helper?: AnalysisHelper,
    private readonly findLimit: (text: string, max: number) => DocumentLimit | undefined = documentLimit,
  ) {}

  /**
   * Parses the documents of `text` that no cache holds yet, stopping after the first one that ends
   * past `deadline` (a performance.now() time), so that a server can answer other messages between
   * slices of a long first analysis. Returns true when none is left: analyse() will then parse
   * nothing. `change` is what analyse() would be given.
   */
  prepare(fullText: string, settings: Settings, fullChange: TextChange | undefined, deadline: number): boolean {
    this.useOptions(settings);
    const { text, change } = this.withinLimit(fullText, fullChange);
    const preparation = this.preparationOf(text, change);
    const { chunks } = preparation;
    const shift = chunks.length - this.previous.length;
    this.shareWithHelper(preparation, settings);
    while (preparation.next < chunks.length) {
      const index = preparation.next;
      const chunk = chunks[index];
      if (preparation.job) {
        const received = this.fromHelper(preparation.job, index, chunk, preparation, deadline);
        if (received === 'pending') return false;
        if (received) {
          preparation.found[index] = received;
          preparation.next++;
          // Thousands of them can be waiting when the analyser reaches the helper's share.
          if (performance.now() > deadline) return preparation.next === chunks.length;
          continue;
        }
      }
      preparation.next++;
      preparation.found[index] = this.cached(chunk.text, index, shift) ?? this.patched(index, chunk, preparation, settings) ?? preparation.moved.find(chunk.text);
      if (preparation.found[index] === undefined) {
        const analysed = this.parsed(chunk, preparation, settings);
        this.prepared.set(analysed.text, analysed);
        preparation.found[index] = analysed;
        if (performance.now() > deadline) return preparation.next === chunks.length;
      }
    }
    return true;
  }

  /**
   * Analyses `text`. When the caller knows it is the previous text with one `change` applied (an
   * editor's incremental sync), only the chunks around the change are split again. The analysis
   * returned is good until the next call: an edit inside a scalar updates the edited document's
   * tree in place, so its previous analysis no longer describes it (the server keeps only the latest).
   */
  analyse(fullText: string, settings: Settings, fullChange?: TextChange): FileAnalysis {
    this.useOptions(settings);
    const { text, change } = this.withinLimit(fullText, fullChange);
    const preparation = this.preparationOf(text, change);
    // What the helper took must come from it: wait for the whole share (prepare() waits a slice at a time).
    this.shareWithHelper(preparation, settings);
    if (preparation.job) this.prepare(fullText, settings, fullChange, Infinity);
    const { chunks: split, found, moved } = preparation;
    // Documents before an edit keep their index, documents after it keep their distance from the end:
    // comparing with those two candidates finds almost every unchanged document without hashing its text.
    const shift = split.length - this.previous.length;
    const documents = split.map((chunk, index) => found[index]
      ?? this.cached(chunk.text, index, shift)
      ?? this.patched(index, chunk, preparation, settings)
      ?? moved.find(chunk.text)
      ?? this.parsed(chunk, preparation, settings));
    // Chunks keep the documents' own texts, so that no slice holds on to this version of the file. Chunks rebuilt from the previous
    // ones hold such texts already; split from the file, they hold slices of it (equal in content, which is all `===` can compare).
    const chunks = preparation.rebuilt ? split : split.map((chunk, index): DocumentChunk => ({ text: documents[index].text, offset: chunk.offset, line: chunk.line }));
    this.previous = documents;
    // New collections, not clear(): V8's clear() leaves the entries in the old table and links it to
    // the new one, and once that table is in the old generation every scavenge keeps alive what it
    // held (the documents of every keystroke since the last full collection).
    this.spent = new Set();
    this.dropPreparation();
    this.prepared = new Map();
    // A text under the limit is not asked about again (its keystrokes skip the scan): not kept alive for it.
    if (this.lastLimit?.limit === undefined) this.lastLimit = undefined;
    this.previousChunks = chunks;
    this.previousLength = text.length;
    return { chunks, documents, diagnostics: this.diagnosticsOf(chunks, documents, settings) };
  }

  /**
   * The text up to the first `maxDocuments` documents, and the change as an edit of it (only when
   * it lies before the cut and moved the cut by its own length); the number left out goes to the
   * file rules (too-many-documents.ts). Every analysed document is kept with its tree, so a file
   * of millions of tiny documents would take gigabytes; files below the limit pass unchanged.
   */
  private withinLimit(text: string, change: TextChange | undefined): { text: string; change?: TextChange } {
    const wasCut = this.columns.file.omittedDocuments > 0;
    // A keystroke far under the limit cannot reach it: the text is not scanned (that would read, and
    // so copy, the whole of a large file that the editor keeps in pieces).
    if (!wasCut && change?.text !== undefined && this.previous.length > 0 && this.previousChunks.length + 1 + markersIn(change.text) < this.maxDocuments) return { text, change };
    // The same text is asked about again by every slice of a long first analysis.
    if (this.lastLimit?.text !== text) this.lastLimit = { text, limit: this.findLimit(text, this.maxDocuments) };
    const { limit } = this.lastLimit;
    this.columns.file.omittedDocuments = limit?.after ?? 0;
    if (!limit && !wasCut) return { text, change };
    const within = limit ? text.slice(0, limit.offset) : text;
    const kept = change && change.end <= this.previousLength && within.length === this.previousLength + change.length - (change.end - change.start) ? change : undefined;
    return { text: within, change: kept };
  }

  /** Options that change what rules report make every cached document stale. */
  private useOptions(settings: Settings): void {
    const optionsKey = JSON.stringify([settings.publicRegistries, settings.kubernetesVersion]);
    if (optionsKey === this.optionsKey) return;
    this.previous = [];
    this.previousChunks = [];
    this.dropPreparation();
    this.prepared = new Map();
    this.optionsKey = optionsKey;
  }

  /**
   * How far the analysis under way has got: documents analysed (the helper's included) of the
   * file's; undefined when none is under way. The helper's documents are the last ones of the
   * file, so those this thread has not passed yet number min(sent, total - next).
   */
  progress(): { readonly done: number; readonly total: number } | undefined {
    const preparation = this.preparation;
    if (!preparation) return undefined;
    const total = preparation.chunks.length;
    return { done: Math.min(total, preparation.next + (preparation.job?.sent() ?? 0)), total };
  }

  /** Stops what this analyser has under way (the helper's share of a first analysis): its file has closed. */
  dispose(): void {
    this.dropPreparation();
  }

  /** Forgets the preparation, stopping the helper's share of it if it still works on one. */
  private dropPreparation(): void {
    this.preparation?.job?.cancel();
    this.preparation = undefined;
  }

  /**
   * Shares the first analysis of a large file with the helper: only a first one (nothing cached,
   * nothing parsed yet), where every document is to be parsed and the helper's share is all gain.
   */
  private shareWithHelper(preparation: Preparation, options: RuleOptions): void {
    if (!this.helper || preparation.job || preparation.next > 0 || this.previous.length > 0 || this.prepared.size > 0) return;
    preparation.job = this.helper.start(preparation.text, preparation.chunks, { publicRegistries: options.publicRegistries, kubernetesVersion: options.kubernetesVersion });
  }

  /**
   * The document at `index` from the helper, when the helper took it: 'pending' while it is not
   * there by `deadline`; undefined when the analyser took it, or the helper will not deliver it.
   */
  private fromHelper(job: HelperJob, index: number, chunk: DocumentChunk, preparation: Preparation, deadline: number): AnalysedDocument | 'pending' | undefined {
    if (job.claim(index)) return undefined;
    const result = job.resultFor(index, deadline);
    if (result.kind === 'pending') return 'pending';
    if (result.kind === 'failed') return undefined;
    // As the rule threw it here: an Error with the helper's stack, or the value itself.
    for (const { rule, message, stack } of result.document.errors) this.onRuleError(rule, stack === undefined ? message : Object.assign(new Error(message), { stack }));
    const analysed = receivedDocument(this.ownText(chunk, preparation), result.document, NONE, NO_FINDINGS);
    this.prepared.set(analysed.text, analysed);
    return analysed;
  }

  /** The chunks of `text`, split once per version even when prepare() and analyse() both ask. */
  private preparationOf(text: string, change: TextChange | undefined): Preparation {
    if (this.preparation?.text !== text) {
      this.dropPreparation();
      const { chunks, rebuilt } = change ? resplit(this.previousChunks, this.previousLength, text, change) : { chunks: splitDocuments(text), rebuilt: false };
      this.preparation = { text, chunks, found: [], moved: new PreviousDocuments(this.previous, this.spent), change, rebuilt, next: 0 };
    }
    return this.preparation;
  }

  /** The analysed document with this text at this index, from the previous call or from prepare(), if any. */
  private cached(text: string, index: number, shift: number): AnalysedDocument | undefined {
    // A chunk rebuilt around an edit holds the very string of the previous chunk: one pointer comparison,
    // without reading the analysed document (at 5,000 documents, reading each is a cache miss apiece).
    if (this.previousChunks[index]?.text === text) return this.live(this.previous[index]) ?? this.prepared.get(text);
    return ifSameText(this.live(this.previous[index]), text) ?? ifSameText(this.live(this.previous[index - shift]), text) ?? this.prepared.get(text);
  }

  private live(document: AnalysedDocument | undefined): AnalysedDocument | undefined {
    if (document === undefined || this.spent.size === 0) return document;
    // A keystroke spends one document: comparing pointers does not read each document's hash, a cache miss apiece in a large file.
    if (this.spent.size === 1) return this.spent.values().next().value === document ? undefined : document;
    return this.spent.has(document) ? undefined : document;
  }

  /**
   * The edited document, updated from its previous analysis when the edit allows (see editOf).
   * Tried before the search for a moved document, which reads every previous document: the
   * edited one is only rarely another's copy, and the search would find its old text nowhere.
   */
  private patched(index: number, chunk: DocumentChunk, preparation: Preparation, options: RuleOptions): AnalysedDocument | undefined {
    const edit = this.editOf(index, chunk, preparation);
    return edit && this.analysePatched(index, this.ownText(chunk, preparation), edit, preparation.moved, options);
  }

  /** A document no cache holds, parsed. */
  private parsed(chunk: DocumentChunk, preparation: Preparation, options: RuleOptions): AnalysedDocument {
    return analyseDocument(this.ownText(chunk, preparation), options, this.onRuleError);
  }

  private ownText(chunk: DocumentChunk, preparation: Preparation): string {
    return preparation.rebuilt ? chunk.text : detached(chunk.text);
  }

  /**
   * The document at `index` after an edit inside one scalar, its tree patched instead of parsed
   * again; undefined for any other edit. The patch changes the previous tree in place, so it is
   * made only when no other index shares that document (identical documents may share one, and a
   * document found by its text may have been handed to another index in this pass), and the
   * previous document is spent from then on, whether or not its patch is used.
   */
  private analysePatched(index: number, text: string, edit: DocumentEdit, moved: PreviousDocuments, options: RuleOptions): AnalysedDocument | undefined {
    const previous = this.previous[index];
    const { parsed, templated, syntaxProblems, aliased } = previous.model;
    if (!parsed || templated || aliased || syntaxProblems.length > 0) return undefined;
    if (this.previous.indexOf(previous) !== index || this.previous.lastIndexOf(previous) !== index || moved.gave(previous)) return undefined;
    const patch = patchScalar(parsed, text, edit);
    if (!patch) return undefined;
    this.spent.add(previous);
    const model = documentModelOf(text, patch.document, mayHaveMadeAction(text, edit) && hasTemplateActions(text));
    // Typing `{{` into a scalar makes a template action: that document is read differently.
    if (model.templated) return undefined;
    const valueEdit = valueEditOf(patch, model);
    return checked(model, options, this.onRuleError, { previous, textEdit: edit, valueEdit });
  }

  /**
   * The edit in document coordinates, when the chunk at `index` is the previous call's chunk at the
   * same offset changed by that edit alone (nothing else in the file moved between documents).
   */
  private editOf(index: number, chunk: DocumentChunk, { change, chunks, text }: Preparation): DocumentEdit | undefined {
    const before = this.previousChunks[index];
    if (!change || !before || !this.live(this.previous[index]) || chunks.length !== this.previousChunks.length || before.offset !== chunk.offset) return undefined;
    const delta = change.length - (change.end - change.start);
    const inside = change.start >= before.offset && change.end <= before.offset + before.text.length;
    if (!inside || text.length !== this.previousLength + delta || chunk.text.length !== before.text.length + delta) return undefined;
    return { start: change.start - before.offset, end: change.end - before.offset, length: change.length };
  }

  /**
   * The file's diagnostics, in the order of their positions. A document's own findings are placed
   * (positions in the file, severities, suppressions) once and reused while it stays at the same
   * line, so that a keystroke places the edited document's findings and the file rules' only.
   */
  private diagnosticsOf(chunks: readonly DocumentChunk[], documents: readonly AnalysedDocument[], settings: Settings): Diagnostic[] {
    const { summaries, facts } = this.columns.of(documents);
    this.columns.file.lastDocumentLength = documents.length > 0 ? documents[documents.length - 1].text.length : 0;
    const fileFindings = FILE_RULES.map((rule, r) => runContained<FileFinding>(rule.id, () => rule.relate(summaries, facts[r], settings, this.columns.file), this.onRuleError));
    const byDocument = new Map<number, FileFinding[]>();
    for (const finding of fileFindings.flat()) {
      const list = byDocument.get(finding.document);
      if (list) list.push(finding);
      else byDocument.set(finding.document, [finding]);
    }
    const fileWide = this.fileWideRulesOf(documents);
    const context: PlacementContext = { chunks, documents, settings, fileWide, severities: severitiesOf(settings) };
    const diagnostics: Diagnostic[] = [];
    const pass = this.lastPass;
    const placedAlike = pass.settings === settings && pass.fileWide === fileWide;
    const lines: number[] = new Array(documents.length);
    const carriedByIndex: (ReadonlySet<string> | undefined)[] = new Array(documents.length);
    const ownByIndex: (readonly Diagnostic[])[] = new Array(documents.length);
    const fromFileByIndex: (readonly FileFinding[] | undefined)[] = new Array(documents.length);
    const placedByIndex: (readonly Diagnostic[])[] = new Array(documents.length);
    // A plain loop over contiguous arrays: this runs over every document of the file on each keystroke.
    for (let index = 0; index < documents.length; index++) {
      const line = (lines[index] = chunks[index].line);
      const unmoved = placedAlike && pass.documents[index] === documents[index] && pass.lines[index] === line;
      // What the neighbour's last line silences here stays while the neighbour and both lines do;
      // known so, the documents are not read at all (at 5,000 documents, a cache miss apiece).
      const sameNeighbour = index === 0 || (pass.documents[index - 1] === documents[index - 1] && pass.lines[index - 1] === lines[index - 1]);
      const carried = (carriedByIndex[index] = unmoved && sameNeighbour ? pass.carried[index] : carriedSuppressions(index, context));
      const own = (ownByIndex[index] = unmoved && carried === pass.carried[index] ? pass.own[index] : ownDiagnostics(index, carried, context));
      const fromFile = (fromFileByIndex[index] = byDocument.get(index));
      // The file rules' findings here placed as before when they are the same objects (see
      // UncoveredImageFindings) and nothing they point into moved: no new diagnostics to convert.
      const placed = (placedByIndex[index] = fromFile === undefined
        ? own
        : own === pass.own[index] && carried === pass.carried[index] && samePlaces(fromFile, pass.fromFile[index], pass, context)
          ? pass.placed[index]
          : [...own, ...placeAll(fromFile, index, carried, context)].sort(byPosition));
      for (const d of placed) diagnostics.push(d);
    }
    this.lastPass = { documents, lines, carried: carriedByIndex, own: ownByIndex, fromFile: fromFileByIndex, placed: placedByIndex, settings, fileWide };
    return diagnostics;
  }

  /**
   * The rules silenced in the whole file, as the same set object while they stay the same: placed
   * diagnostics are reused by that identity, and a new set on every pass would place every document
   * of a file with a `kube-volumes-disable` comment again on each keystroke.
   */
  private fileWideRulesOf(documents: readonly AnalysedDocument[]): ReadonlySet<string> {
    // Documents that changed with no file-wide comment before or after leave the set as it was.
    if (carriesOver(this.lastPass.documents, documents, (before, after) => before.suppressions.file.size === 0 && after.suppressions.file.size === 0)) return this.fileWide;
    const rules = fileWideRules(documents);
    const same = rules.size === this.fileWide.size && [...rules].every((rule) => this.fileWide.has(rule));
    if (!same) this.fileWide = rules;
    return this.fileWide;
  }
}

/** What placing a finding needs to know about the file. */
interface PlacementContext {
  readonly chunks: readonly DocumentChunk[];
  readonly documents: readonly AnalysedDocument[];
  readonly settings: Settings;
  readonly fileWide: ReadonlySet<string>;
  readonly severities: ReadonlyMap<string, Severity | undefined>;
}

/**
 * One call's placement, by index: the documents, their lines, what the neighbour's last line
 * silenced on their first and their own diagnostics; and the settings and file-wide suppressions
 * used. The next call reuses a document's diagnostics when all of these are the same.
 */
interface PlacementPass {
  readonly documents: readonly AnalysedDocument[];
  readonly lines: readonly number[];
  readonly carried: readonly (ReadonlySet<string> | undefined)[];
  readonly own: readonly (readonly Diagnostic[])[];
  /** The file rules' findings in each document, and its diagnostics with them placed (`own` where there are none). */
  readonly fromFile: readonly (readonly FileFinding[] | undefined)[];
  readonly placed: readonly (readonly Diagnostic[])[];
  readonly settings?: Settings;
  readonly fileWide: ReadonlySet<string>;
}

/** By settings object, which lives until the settings change (a WeakMap suits such keys; see core/memo.ts). */
const severityMemo = new WeakMap<Settings, Map<string, Severity | undefined>>();

/** Each rule's severity under `settings`, worked out once per settings object. */
function severitiesOf(settings: Settings): ReadonlyMap<string, Severity | undefined> {
  let severities = severityMemo.get(settings);
  if (!severities) {
    severities = new Map([...DOCUMENT_RULES, ...FILE_RULES].map((rule) => [rule.id, effectiveSeverity(rule.id, settings)]));
    severityMemo.set(settings, severities);
  }
  return severities;
}

/** A document's own findings as diagnostics at its current place, in the order of their positions. */
function ownDiagnostics(index: number, carried: ReadonlySet<string> | undefined, context: PlacementContext): Diagnostic[] {
  return placeAll(context.documents[index].findings.map((finding) => ({ ...finding, document: index })), index, carried, context).sort(byPosition);
}

/** The rules a disable-next-line comment on the last line of the previous document silences on this one's first line. */
function carriedSuppressions(index: number, { chunks, documents }: PlacementContext): ReadonlySet<string> | undefined {
  if (index === 0) return undefined;
  const previous = documents[index - 1].suppressions;
  return previous.lines.size === 0 ? undefined : previous.lines.get(chunks[index].line - chunks[index - 1].line);
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * Whether file findings placed in the previous pass are placed alike now: the same findings, and
 * every document they point into (their own, and those of related locations) the same at the same
 * line. The caller has checked their own document's suppressions and the settings.
 */
function samePlaces(findings: readonly FileFinding[], before: readonly FileFinding[] | undefined, pass: PlacementPass, { chunks, documents }: PlacementContext): boolean {
  if (before === undefined || before.length !== findings.length) return false;
  const unmoved = (document: number): boolean => pass.documents[document] === documents[document] && pass.lines[document] === chunks[document].line;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i];
    if (finding !== before[i] || !unmoved(finding.document)) return false;
    for (const related of finding.related ?? []) if (related.document !== undefined && !unmoved(related.document)) return false;
  }
  return true;
}

/** Findings of the document at `index` as diagnostics: positions in the file, the configured severity, suppressions applied. `carried` is what the previous document's last line silences on its first. */
function placeAll(findings: readonly FileFinding[], index: number, carried: ReadonlySet<string> | undefined, context: PlacementContext): Diagnostic[] {
  const { chunks, documents } = context;
  const at = (document: number, range: Range): TextRange => toTextRange(chunks[document], documents[document].lines, range);
  const own = documents[index].suppressions;
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = context.severities.has(finding.rule) ? context.severities.get(finding.rule) : effectiveSeverity(finding.rule, context.settings);
    if (!severity) continue;
    const range = at(finding.document, finding.range);
    if (isSuppressed(finding.rule, range.start.line - chunks[index].line, context.fileWide, own, carried)) continue;
    diagnostics.push({
      rule: finding.rule,
      severity,
      message: finding.message,
      document: finding.document,
      fieldPath: finding.fieldPath,
      range,
      related: (finding.related ?? []).map((r) => ({ message: r.message, range: at(r.document ?? finding.document, r.range) })),
      data: finding.data,
      unnecessary: finding.unnecessary ?? false,
    });
  }
  return diagnostics;
}

/** One-shot analysis, for the CLI and tests. */
export function analyseText(text: string, settings: Settings, onRuleError?: RuleErrorHandler): FileAnalysis {
  return new FileAnalyzer(onRuleError).analyse(text, settings);
}
