// Test-only extension installed beside kube-volumes by test/e2e/run.mjs. The DOM shows what a
// user sees; this file gives the test the exact codes, lines and severities behind it.
const fs = require('node:fs');
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('kvE2e.writeDiagnostics', writeDiagnostics));
}

/** Writes a snapshot of diagnostics, open documents and extensions to $KV_E2E_PROBE_OUT. */
function writeDiagnostics() {
  const out = process.env.KV_E2E_PROBE_OUT;
  if (!out) throw new Error('KV_E2E_PROBE_OUT is not set');
  const snapshot = {
    documents: vscode.workspace.textDocuments.map((doc) => ({ uri: doc.uri.toString(), languageId: doc.languageId })),
    diagnostics: vscode.languages.getDiagnostics().map(([uri, list]) => ({ uri: uri.toString(), items: list.map(toPlain) })),
    extensions: vscode.extensions.all
      .filter((ext) => !ext.packageJSON.isBuiltin)
      .map((ext) => ({ id: ext.id, active: ext.isActive })),
  };
  // Write then rename, so the test never reads a half-written file.
  fs.writeFileSync(`${out}.tmp`, JSON.stringify(snapshot, null, 2));
  fs.renameSync(`${out}.tmp`, out);
}

// vscode.Diagnostic serialises ranges as arrays and severities as numbers; spell them out.
function toPlain(d) {
  return {
    message: d.message,
    source: d.source,
    code: typeof d.code === 'object' ? d.code.value : d.code,
    severity: vscode.DiagnosticSeverity[d.severity],
    range: { start: pos(d.range.start), end: pos(d.range.end) },
  };
}

function pos(p) {
  return { line: p.line, character: p.character };
}

module.exports = { activate };
