/**
 * The first analysis of a large file on two cores. A helper (another thread) analyses documents
 * from the end of the file while the analyser works from the start; they meet where one finds the
 * next document taken. What the helper sends back is plain data: findings, facts and the summary
 * the file rules relate (a yaml tree cannot cross threads: a structured clone loses its classes,
 * and copying one costs about what parsing does). The tree of such a document is parsed here only
 * when something reads its model: a keystroke in it, a hover, a quick fix.
 *
 * Why: the `yaml` parse is most of a first analysis, and a fresh server opening a file of
 * thousands of documents spent seconds on one core while the other idled. Measured before
 * building this (bench/notes.md): two threads took 0.83× the time of one at 1,000 documents and
 * 0.64× at 5,000, and nothing at 100 (each thread warms its own copy of the code), hence the
 * threshold.
 */
import { outline, OutlineItem } from '../features/outline';
import { parseDocumentModel } from '../model/parse-document';
import type { DocumentModel } from '../model/types';
import type { Finding, RuleOptions } from '../rules/types';
import { canonicalSummary, DocumentSummary } from '../rules/file-derived';
import { LineIndex } from '../text/line-index';
import type { DocumentChunk } from '../text/split-documents';
import type { AnalysedDocument } from './analyzer';
import { findSuppressions, Suppressions } from './suppressions';

/**
 * Below this many documents a file is analysed on one thread, even with a helper at hand: a second
 * one only adds its own warm-up.
 */
export const PARALLEL_MIN_DOCUMENTS = 200;

/**
 * Below this many documents no helper is started for a file: one that must first load its code
 * gains nothing on it. First diagnostics, generated files, five fresh servers each: 300 and 600
 * documents the same with a new helper or none (446 against 442 ms, 632 against 634), 1,000
 * documents 854 against 1,077. In a server that had analysed a file before (its own code warm), a
 * new helper made 300 documents slower (349 against 271 ms) and 1,000 faster (793 against 871),
 * and a helper that had worked before made both faster (229 and 558 ms).
 */
export const PARALLEL_START_MIN_DOCUMENTS = 1000;

/** A rule that threw on the helper's side, to be reported as the analyser reports its own. */
export interface SentRuleError {
  readonly rule: string;
  /** The Error's message, or the value thrown as a string. */
  readonly message: string;
  /** The Error's stack; undefined when what was thrown is not an Error. */
  readonly stack?: string;
}

/** One document analysed by the helper: what AnalysedDocument holds, less the tree and the text indexes. */
export interface SentDocument {
  readonly byRule: readonly (readonly Finding[])[];
  readonly facts: readonly unknown[];
  readonly summary: DocumentSummary;
  /** Its outline: the editor asks for the whole file's soon after opening it, and it needs no tree here then. */
  readonly outline: readonly OutlineItem[];
  readonly errors: readonly SentRuleError[];
}

/** The part of an analysed document that is sent: everything made from the tree, nothing that holds it. */
export function sendable(analysed: AnalysedDocument, errors: readonly SentRuleError[]): SentDocument {
  return { byRule: analysed.byRule, facts: analysed.facts, summary: analysed.summary, outline: outline(analysed.model), errors };
}

/**
 * A document analysed by the helper, as the analyser keeps it. Its model is parsed on first read;
 * everything else is what the helper sent (findings, facts, summary) or cheap to make from the
 * text (line index, suppressions).
 */
class ReceivedDocument implements AnalysedDocument {
  private parsed?: DocumentModel;
  readonly findings: readonly Finding[];
  readonly lines: LineIndex;
  readonly suppressions: Suppressions;

  constructor(
    readonly text: string,
    readonly byRule: readonly (readonly Finding[])[],
    readonly facts: readonly unknown[],
    readonly summary: DocumentSummary,
    readonly outline: readonly OutlineItem[],
  ) {
    this.findings = byRule.flat();
    this.lines = LineIndex.of(text);
    this.suppressions = findSuppressions(text);
  }

  get model(): DocumentModel {
    return (this.parsed ??= parseDocumentModel(this.text));
  }

  /** Whether the tree has been parsed here. */
  get hasModel(): boolean {
    return this.parsed !== undefined;
  }
}

/**
 * The analysed document for `text` from what the helper sent. `noFindings` is the analyser's shared
 * list of empty lists, and `none` its shared empty list: a file of thousands of documents with
 * nothing to report keeps no array per rule and document.
 */
export function receivedDocument(text: string, sent: SentDocument, none: readonly Finding[], noFindings: readonly (readonly Finding[])[]): AnalysedDocument {
  const byRule = sent.byRule.every((found) => found.length === 0) ? noFindings : sent.byRule.map((found) => (found.length === 0 ? none : found));
  return new ReceivedDocument(text, byRule, sent.facts, canonicalSummary(sent.summary), sent.outline);
}

/** Whether `document` came from the helper and its tree has not been parsed yet. */
export function awaitsModel(document: AnalysedDocument): boolean {
  return document instanceof ReceivedDocument && !document.hasModel;
}

/** A document's outline, without parsing the tree of one the helper analysed. */
export function documentOutline(document: AnalysedDocument): readonly OutlineItem[] {
  return document instanceof ReceivedDocument ? document.outline : outline(document.model);
}

/** What the helper's work on one document came to. */
export type HelperResult =
  | { readonly kind: 'sent'; readonly document: SentDocument }
  /** Not yet: ask again later (the deadline passed while waiting). */
  | { readonly kind: 'pending' }
  /** The helper will not deliver it (it failed or stopped): analyse the document here. */
  | { readonly kind: 'failed' };

/** One first analysis shared with the helper. Indices are the chunks' indices in the file. */
export interface HelperJob {
  /** Takes the document at `index` for the analyser; false when the helper has taken it. */
  claim(index: number): boolean;
  /** The helper's result for a document it took, waiting for it until `deadline` (a performance.now() time). */
  resultFor(index: number, deadline: number): HelperResult;
  /** Stops the helper after the document it is on; its results are dropped. */
  cancel(): void;
  /** How many documents the helper has analysed so far (for progress shown to the user). */
  sent(): number;
}

/** Another thread that analyses documents (lsp/analysis-thread.ts); undefined where there is none (the CLI, tests). */
export interface AnalysisHelper {
  /**
   * Starts sharing the analysis of these chunks of `text` (their offsets are into it); undefined when
   * the helper is busy or gone, or declines a small file.
   */
  start(text: string, chunks: readonly DocumentChunk[], options: RuleOptions): HelperJob | undefined;
}
