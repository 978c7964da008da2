/**
 * The engine: text in, diagnostics out. Each YAML document is parsed and checked once per
 * distinct text and kept until it changes, so a keystroke re-analyses only the document it
 * touched; rules that relate documents (file rules) then run over the cached models, which
 * costs no parsing.
 */
import { documentModelOf, parseDocumentModel } from '../model/parse-document';
import { DocumentEdit, patchScalar } from '../model/patch-scalar';
import type { DocumentModel } from '../model/types';
import type { Range } from '../model/yaml-nodes';
import { DOCUMENT_RULES, FILE_RULES } from '../rules/registry';
import type { Finding, FileFinding, RuleOptions, Severity } from '../rules/types';
import { effectiveSeverity, Settings } from '../settings';
import { LineIndex, Position } from '../text/line-index';
import { DocumentChunk, resplitDocuments, splitDocuments, TextChange } from '../text/split-documents';
import { combineSuppressions, documentSuppressions, isSuppressed } from './suppressions';

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

/** One analysed document: its model and the findings of the per-document rules. */
export interface AnalysedDocument {
  readonly model: DocumentModel;
  readonly lines: LineIndex;
  readonly findings: readonly Finding[];
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

function checked(model: DocumentModel, options: RuleOptions, onError: RuleErrorHandler): AnalysedDocument {
  // A document the parser could not read gets only its syntax errors: rules on a half-read tree mislead.
  const findings = model.syntaxProblems.length > 0 && !model.templated
    ? []
    : DOCUMENT_RULES.flatMap((rule) => runContained(rule.id, () => rule.check(model, options), onError));
  return { model, lines: new LineIndex(model.text), findings };
}

function analyseDocument(text: string, options: RuleOptions, onError: RuleErrorHandler): AnalysedDocument {
  return checked(parseDocumentModel(text), options, onError);
}

/** `previous` after an edit inside one scalar, without parsing again; undefined for any other edit. */
function analysePatched(previous: AnalysedDocument, text: string, edit: DocumentEdit, options: RuleOptions, onError: RuleErrorHandler): AnalysedDocument | undefined {
  const { parsed, templated, syntaxProblems, aliased } = previous.model;
  if (!parsed || templated || aliased || syntaxProblems.length > 0) return undefined;
  const document = patchScalar(parsed, text, edit);
  const model = document && documentModelOf(text, document);
  // Typing `{{` into a scalar makes a template action: that document is read differently.
  return model && !model.templated ? checked(model, options, onError) : undefined;
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
  return analysed !== undefined && analysed.model.text.length === text.length && analysed.model.text === text ? analysed : undefined;
}

/**
 * Finds a previous document by text, for documents that moved. Most calls look up one or two
 * texts (the edited document), so the first lookups scan the lengths; many lookups (a paste that
 * moved everything) build an index by length once.
 */
class PreviousDocuments {
  private lookups = 0;
  private byLength?: Map<number, AnalysedDocument[]>;

  constructor(private readonly documents: readonly AnalysedDocument[]) {}

  find(text: string): AnalysedDocument | undefined {
    if (++this.lookups <= 16) return this.documents.find((d) => ifSameText(d, text) !== undefined);
    if (!this.byLength) {
      this.byLength = new Map();
      for (const d of this.documents) {
        const list = this.byLength.get(d.model.text.length);
        if (list) list.push(d);
        else this.byLength.set(d.model.text.length, [d]);
      }
    }
    return this.byLength.get(text.length)?.find((d) => d.model.text === text);
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
  next: number;
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

  constructor(private readonly onRuleError: RuleErrorHandler = () => undefined) {}

  /**
   * Parses the documents of `text` that no cache holds yet, stopping after the first one that ends
   * past `deadline` (a performance.now() time), so that a server can answer other messages between
   * slices of a long first analysis. Returns true when none is left: analyse() will then parse
   * nothing. `change` is what analyse() would be given.
   */
  prepare(text: string, settings: Settings, change: TextChange | undefined, deadline: number): boolean {
    this.useOptions(settings);
    const preparation = this.preparationOf(text, change);
    const { chunks } = preparation;
    const shift = chunks.length - this.previous.length;
    while (preparation.next < chunks.length) {
      const index = preparation.next++;
      const chunk = chunks[index];
      preparation.found[index] = this.cached(chunk.text, index, shift) ?? preparation.moved.find(chunk.text);
      if (preparation.found[index] === undefined) {
        const analysed = this.analyseNew(index, chunk, preparation, settings);
        this.prepared.set(analysed.model.text, analysed);
        preparation.found[index] = analysed;
        if (performance.now() > deadline) return preparation.next === chunks.length;
      }
    }
    return true;
  }

  /**
   * Analyses `text`. When the caller knows it is the previous text with one `change` applied (an
   * editor's incremental sync), only the chunks around the change are split again.
   */
  analyse(text: string, settings: Settings, change?: TextChange): FileAnalysis {
    this.useOptions(settings);
    const preparation = this.preparationOf(text, change);
    const { chunks: split, found, moved } = preparation;
    // Documents before an edit keep their index, documents after it keep their distance from the end:
    // comparing with those two candidates finds almost every unchanged document without hashing its text.
    const shift = split.length - this.previous.length;
    const documents = split.map((chunk, index) => found[index]
      ?? this.cached(chunk.text, index, shift)
      ?? moved.find(chunk.text)
      ?? this.analyseNew(index, chunk, preparation, settings));
    this.previous = documents;
    this.preparation = undefined;
    this.prepared.clear();
    // Chunks keep the detached texts, so that no slice holds on to this version of the file.
    const chunks = split.map((chunk, index): DocumentChunk => ({ text: documents[index].model.text, offset: chunk.offset, line: chunk.line }));
    this.previousChunks = chunks;
    this.previousLength = text.length;
    return { chunks, documents, diagnostics: this.diagnosticsOf(chunks, documents, settings) };
  }

  /** Options that change what rules report make every cached document stale. */
  private useOptions(settings: Settings): void {
    const optionsKey = JSON.stringify([settings.publicRegistries, settings.kubernetesVersion]);
    if (optionsKey === this.optionsKey) return;
    this.previous = [];
    this.previousChunks = [];
    this.preparation = undefined;
    this.prepared.clear();
    this.optionsKey = optionsKey;
  }

  /** The chunks of `text`, split once per version even when prepare() and analyse() both ask. */
  private preparationOf(text: string, change: TextChange | undefined): Preparation {
    if (this.preparation?.text !== text) {
      const chunks = change ? resplitDocuments(this.previousChunks, this.previousLength, text, change) : splitDocuments(text);
      this.preparation = { text, chunks, found: [], moved: new PreviousDocuments(this.previous), change, next: 0 };
    }
    return this.preparation;
  }

  /** The analysed document with this text at this index, from the previous call or from prepare(), if any. */
  private cached(text: string, index: number, shift: number): AnalysedDocument | undefined {
    return ifSameText(this.previous[index], text) ?? ifSameText(this.previous[index - shift], text) ?? this.prepared.get(text);
  }

  /** A document no cache holds: updated from its previous analysis when the edit allows (see editOf), parsed otherwise. */
  private analyseNew(index: number, chunk: DocumentChunk, preparation: Preparation, options: RuleOptions): AnalysedDocument {
    const text = detached(chunk.text);
    const edit = this.editOf(index, chunk, preparation);
    const previous = this.previous[index];
    return (edit && analysePatched(previous, text, edit, options, this.onRuleError)) ?? analyseDocument(text, options, this.onRuleError);
  }

  /**
   * The edit in document coordinates, when the chunk at `index` is the previous call's chunk at the
   * same offset changed by that edit alone (nothing else in the file moved between documents).
   */
  private editOf(index: number, chunk: DocumentChunk, { change, chunks, text }: Preparation): DocumentEdit | undefined {
    const before = this.previousChunks[index];
    if (!change || !before || !this.previous[index] || chunks.length !== this.previousChunks.length || before.offset !== chunk.offset) return undefined;
    const delta = change.length - (change.end - change.start);
    const inside = change.start >= before.offset && change.end <= before.offset + before.text.length;
    if (!inside || text.length !== this.previousLength + delta || chunk.text.length !== before.text.length + delta) return undefined;
    return { start: change.start - before.offset, end: change.end - before.offset, length: change.length };
  }

  private diagnosticsOf(chunks: readonly DocumentChunk[], documents: readonly AnalysedDocument[], settings: Settings): Diagnostic[] {
    const models = documents.map((d) => d.model);
    const fileFindings = FILE_RULES.flatMap((rule) => runContained<FileFinding>(rule.id, () => rule.check(models, settings), this.onRuleError));
    // A plain loop: this runs over every document of the file on each keystroke.
    const all: FileFinding[] = [];
    for (let index = 0; index < documents.length; index++) {
      for (const finding of documents[index].findings) all.push({ ...finding, document: index });
    }
    all.push(...fileFindings);
    const diagnostics: Diagnostic[] = [];
    const suppressions = combineSuppressions(documents.map((d, index) => ({ suppressions: documentSuppressions(d, d.model.text), line: chunks[index].line })));
    const at = (document: number, range: Range): TextRange => toTextRange(chunks[document], documents[document].lines, range);
    for (const finding of all) {
      const severity = effectiveSeverity(finding.rule, settings);
      if (!severity) continue;
      const range = at(finding.document, finding.range);
      if (isSuppressed(suppressions, finding.rule, range.start.line)) continue;
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
    diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return diagnostics;
  }
}

/** One-shot analysis, for the CLI and tests. */
export function analyseText(text: string, settings: Settings, onRuleError?: RuleErrorHandler): FileAnalysis {
  return new FileAnalyzer(onRuleError).analyse(text, settings);
}
