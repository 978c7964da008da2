/** Converts core diagnostics into LSP diagnostics: the protocol edge, the only place positions meet URIs. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic as LspDiagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver/node';
import type { Diagnostic } from '../core/analysis/analyzer';
import type { Severity } from '../core/rules/types';

export const SOURCE = 'kube-volumes';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docsUris = new Map<string, string>();

/** The rule's docs page shipped inside the extension, so the link works offline and matches the version. */
export function ruleDocsUri(ruleId: string, docsRoot: string): string {
  const key = `${docsRoot}\u0000${ruleId}`;
  let uri = docsUris.get(key);
  if (uri === undefined) docsUris.set(key, (uri = pathToFileURL(path.join(docsRoot, 'rules', `${ruleId}.md`)).toString()));
  return uri;
}

export function toLspDiagnostic(diagnostic: Diagnostic, uri: string, docsRoot: string): LspDiagnostic {
  return convert(diagnostic, uri, docsRoot);
}

/**
 * The LSP diagnostics of one document, reusing the conversions of its previous publication: the
 * engine hands back the same diagnostic objects for every document a keystroke did not touch, so
 * a keystroke converts only the new ones. One map per publication, not a WeakMap by diagnostic:
 * diagnostics are made on every keystroke, and V8's scavenger keeps every WeakMap entry alive
 * until a full collection (core/memo.ts).
 */
export class PublishedDiagnostics {
  private previous = new Map<Diagnostic, LspDiagnostic>();

  constructor(private readonly uri: string, private readonly docsRoot: string) {}

  of(diagnostics: readonly Diagnostic[]): LspDiagnostic[] {
    const next = new Map<Diagnostic, LspDiagnostic>();
    const converted = diagnostics.map((diagnostic) => {
      const lsp = this.previous.get(diagnostic) ?? convert(diagnostic, this.uri, this.docsRoot);
      next.set(diagnostic, lsp);
      return lsp;
    });
    this.previous = next;
    return converted;
  }
}

function convert(diagnostic: Diagnostic, uri: string, docsRoot: string): LspDiagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    source: SOURCE,
    code: diagnostic.rule,
    codeDescription: { href: ruleDocsUri(diagnostic.rule, docsRoot) },
    message: diagnostic.message,
    tags: diagnostic.unnecessary ? [DiagnosticTag.Unnecessary] : undefined,
    relatedInformation: diagnostic.related.length
      ? diagnostic.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }))
      : undefined,
    data: { rule: diagnostic.rule, fieldPath: diagnostic.fieldPath, document: diagnostic.document, ...diagnostic.data },
  };
}
