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

/**
 * Conversions already made, per core diagnostic and document URI. The engine hands back the same
 * diagnostic objects for every document a keystroke did not touch, so a keystroke converts only
 * the new ones.
 */
const converted = new WeakMap<Diagnostic, { uri: string; docsRoot: string; lsp: LspDiagnostic }>();

export function toLspDiagnostic(diagnostic: Diagnostic, uri: string, docsRoot: string): LspDiagnostic {
  const known = converted.get(diagnostic);
  if (known && known.uri === uri && known.docsRoot === docsRoot) return known.lsp;
  const lsp = convert(diagnostic, uri, docsRoot);
  converted.set(diagnostic, { uri, docsRoot, lsp });
  return lsp;
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
