/**
 * Editor requests (hover, completion, navigation, outline, quick fixes) on top of the core
 * features: position conversion in, protocol types out. Nothing here knows YAML.
 */
import {
  CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, Diagnostic as LspDiagnostic, DocumentHighlight,
  DocumentHighlightKind, DocumentSymbol, Hover, InsertTextFormat, Location, MarkupKind, Position, Range as LspRange,
  SymbolKind, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../core/analysis/analyzer';
import { locate } from '../core/analysis/file-view';
import { completionsAt } from '../core/features/completion';
import { disableInFileEdit, FileDocuments, fixesFor } from '../core/features/fixes';
import { hoverAt } from '../core/features/hover';
import { definitionAt, isValidVolumeName, occurrencesAt, renameEdits, renameRangeAt } from '../core/features/navigation';
import { OutlineItem, OutlineKind } from '../core/features/outline';
import { documentOutline } from '../core/analysis/parallel';
import type { Range } from '../core/model/yaml-nodes';
import { ruleById } from '../core/rules/registry';
import { repairIndentation } from '../core/paste/repair';
import { SOURCE } from './diagnostics';

/** A request's position as (document index, document model, document-relative offset). */
interface At {
  readonly index: number;
  readonly offset: number;
  readonly analysis: FileAnalysis;
}

export function at(analysis: FileAnalysis, document: TextDocument, position: Position): At | undefined {
  const found = locate(analysis, document.offsetAt(position));
  return found && { index: found.document, offset: found.offset, analysis };
}

function toLspRange(document: TextDocument, analysis: FileAnalysis, index: number, range: Range): LspRange {
  const base = analysis.chunks[index].offset;
  return { start: document.positionAt(base + range.start), end: document.positionAt(base + range.end) };
}

const modelOf = (a: At) => a.analysis.documents[a.index].model;

export function hover(document: TextDocument, a: At): Hover | null {
  const result = hoverAt(modelOf(a), a.offset);
  return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toLspRange(document, a.analysis, a.index, result.range) } : null;
}

/**
 * The file's documents as features that look across them read them: summaries, and a model only
 * where one is edited (a document analysed on another thread is parsed on first read; parallel.ts).
 */
function fileDocuments(analysis: FileAnalysis): FileDocuments {
  return { summaries: analysis.documents.map((d) => d.summary), modelAt: (index) => analysis.documents[index].model };
}

export function completion(document: TextDocument, a: At): CompletionItem[] {
  const kinds = { reference: CompletionItemKind.Reference, value: CompletionItemKind.EnumMember, field: CompletionItemKind.Property, snippet: CompletionItemKind.Snippet };
  return completionsAt(modelOf(a), fileDocuments(a.analysis).summaries, a.offset).map((entry) => ({
    label: entry.label,
    kind: kinds[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation,
    sortText: entry.sortText,
    filterText: entry.label,
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: toLspRange(document, a.analysis, a.index, entry.replace), newText: entry.insertText },
  }));
}

export function definition(document: TextDocument, a: At): Location | null {
  const range = definitionAt(modelOf(a), a.offset);
  return range ? { uri: document.uri, range: toLspRange(document, a.analysis, a.index, range) } : null;
}

export function references(document: TextDocument, a: At, includeDeclaration: boolean): Location[] {
  return occurrencesAt(modelOf(a), a.offset)
    .filter((o) => includeDeclaration || !o.isDeclaration)
    .map((o) => ({ uri: document.uri, range: toLspRange(document, a.analysis, a.index, o.range) }));
}

export function highlights(document: TextDocument, a: At): DocumentHighlight[] {
  return occurrencesAt(modelOf(a), a.offset).map((o) => ({
    range: toLspRange(document, a.analysis, a.index, o.range),
    kind: o.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function prepareRename(document: TextDocument, a: At): LspRange | null {
  const range = renameRangeAt(modelOf(a), a.offset);
  return range ? toLspRange(document, a.analysis, a.index, range) : null;
}

export class RenameError extends Error {}

export function rename(document: TextDocument, a: At, newName: string): WorkspaceEdit | null {
  if (!isValidVolumeName(newName)) throw new RenameError(`"${newName}" is not a valid volume name: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.`);
  const edits = renameEdits(modelOf(a), a.offset, newName);
  if (edits.length === 0) return null;
  return { changes: { [document.uri]: edits.map((e) => TextEdit.replace(toLspRange(document, a.analysis, a.index, e.range), quoteLike(a, e.range, newName))) } };
}

/** Keeps the quotes a name was written with. */
function quoteLike(a: At, range: Range, name: string): string {
  const first = a.analysis.documents[a.index].model.text[range.start];
  return first === '"' || first === "'" ? `${first}${name}${first}` : name;
}

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  object: SymbolKind.Class, container: SymbolKind.Module, volume: SymbolKind.Field, mount: SymbolKind.Property, group: SymbolKind.Namespace,
};

export function symbols(document: TextDocument, analysis: FileAnalysis): DocumentSymbol[] {
  const convert = (index: number) => (item: OutlineItem): DocumentSymbol => ({
    name: item.name,
    detail: item.detail,
    kind: SYMBOL_KINDS[item.kind],
    range: toLspRange(document, analysis, index, item.range),
    selectionRange: toLspRange(document, analysis, index, item.selection),
    children: item.children.map(convert(index)),
  });
  return analysis.documents.flatMap((d, index) => documentOutline(d).map(convert(index)));
}

/** Quick fixes for our own diagnostics in the request, from their `data` (never their message). */
export function codeActions(document: TextDocument, analysis: FileAnalysis, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const file = fileDocuments(analysis);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const data = (diagnostic.data ?? {}) as Record<string, unknown>;
    const rule = String(diagnostic.code ?? data.rule ?? '');
    // Only our rules have fixes and disable comments: a code that names none (a stale or foreign
    // diagnostic under our source) would be offered a comment that silences nothing.
    if (!ruleById(rule)) continue;
    const located = locate(analysis, document.offsetAt(diagnostic.range.start));
    if (!located) continue;
    const base = analysis.chunks[located.document].offset;
    const finding = {
      rule,
      fieldPath: String(data.fieldPath ?? ''),
      data,
      start: document.offsetAt(diagnostic.range.start) - base,
      end: document.offsetAt(diagnostic.range.end) - base,
    };
    for (const fix of fixesFor(analysis.documents[located.document].model, file, finding)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.preferred || undefined,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri]: fix.edits.map((e) => TextEdit.replace(toLspRange(document, analysis, e.document ?? located.document, e), e.newText)) } },
      });
    }
    if (rule !== 'yaml-syntax') {
      // The comment goes on the first line: it ends its lines as the first document does. Reading the
      // whole text instead would copy a large file on every request, and VS Code asks for actions on
      // each keystroke while the cursor is on a finding.
      const edit = disableInFileEdit(rule, analysis.chunks[0]?.text.includes('\r\n') ? '\r\n' : '\n');
      actions.push({
        title: `Disable ${rule} in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri]: [TextEdit.insert({ line: 0, character: 0 }, edit.newText)] } },
      });
    }
  }
  return actions;
}

/** The paste-repair command: an edit for the document under the cursor, or why there is none. */
export function repairAt(document: TextDocument, analysis: FileAnalysis, position: Position): { edit?: TextEdit; message?: string } {
  const located = locate(analysis, document.offsetAt(position));
  if (!located) return { message: 'There is no YAML document here.' };
  const model = analysis.documents[located.document].model;
  if (!model.flattened) return { message: 'This document is indented already; nothing to repair.' };
  const result = repairIndentation(model.text);
  if (!result.ok) return { message: `Cannot repair the indentation: ${result.reason}` };
  return { edit: TextEdit.replace(toLspRange(document, analysis, located.document, { start: 0, end: model.text.length }), result.text) };
}
