/**
 * The engine: text in, diagnostics out. Each YAML document is parsed and checked once per
 * distinct text and kept until it changes, so a keystroke re-analyses only the document it
 * touched; rules that relate documents (file rules) then run over the cached models, which
 * costs no parsing.
 */
import { parseDocumentModel } from '../model/parse-document';
import type { DocumentModel } from '../model/types';
import type { Range } from '../model/yaml-nodes';
import { DOCUMENT_RULES, FILE_RULES } from '../rules/registry';
import type { Finding, FileFinding, RuleOptions, Severity } from '../rules/types';
import { effectiveSeverity, Settings } from '../settings';
import { LineIndex, Position } from '../text/line-index';
import { DocumentChunk, splitDocuments } from '../text/split-documents';
import { findSuppressions, isSuppressed } from './suppressions';

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

function analyseDocument(text: string, options: RuleOptions, onError: RuleErrorHandler): AnalysedDocument {
  const model = parseDocumentModel(text);
  // A document the parser could not read gets only its syntax errors: rules on a half-read tree mislead.
  const findings = model.syntaxProblems.length > 0 && !model.templated
    ? []
    : DOCUMENT_RULES.flatMap((rule) => runContained(rule.id, () => rule.check(model, options), onError));
  return { model, lines: new LineIndex(text), findings };
}

function toTextRange(chunk: DocumentChunk, lines: LineIndex, range: Range): TextRange {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return {
    start: { line: start.line + chunk.line, character: start.character },
    end: { line: end.line + chunk.line, character: end.character },
  };
}

export class FileAnalyzer {
  private cache = new Map<string, AnalysedDocument>();
  private optionsKey = '';

  constructor(private readonly onRuleError: RuleErrorHandler = () => undefined) {}

  analyse(text: string, settings: Settings): FileAnalysis {
    const optionsKey = JSON.stringify([settings.publicRegistries, settings.kubernetesVersion]);
    if (optionsKey !== this.optionsKey) {
      this.cache.clear();
      this.optionsKey = optionsKey;
    }
    const chunks = splitDocuments(text);
    const next = new Map<string, AnalysedDocument>();
    const documents = chunks.map((chunk) => {
      const analysed = next.get(chunk.text) ?? this.cache.get(chunk.text) ?? analyseDocument(chunk.text, settings, this.onRuleError);
      next.set(chunk.text, analysed);
      return analysed;
    });
    this.cache = next;
    const models = documents.map((d) => d.model);
    const fileFindings = FILE_RULES.flatMap((rule) => runContained<FileFinding>(rule.id, () => rule.check(models, settings), this.onRuleError));
    const all: FileFinding[] = [
      ...documents.flatMap((d, index) => d.findings.map((f) => ({ ...f, document: index }))),
      ...fileFindings,
    ];
    const diagnostics: Diagnostic[] = [];
    const suppressions = findSuppressions(text);
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
    return { chunks, documents, diagnostics };
  }
}

/** One-shot analysis, for the CLI and tests. */
export function analyseText(text: string, settings: Settings, onRuleError?: RuleErrorHandler): FileAnalysis {
  return new FileAnalyzer(onRuleError).analyse(text, settings);
}
