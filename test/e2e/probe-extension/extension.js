// Test-only extension installed beside kube-volumes by test/e2e/run.mjs. The DOM shows what a
// user sees; this file gives the test the exact codes, lines, severities, texts and provider
// results behind it.
//
// Commands (run from the command palette by the test):
//   KV E2E: Write Diagnostics       snapshot of documents, diagnostics, extensions and the active
//                                   editor's text, written to $KV_E2E_PROBE_OUT
//   KV E2E: Write Editor Features   the same snapshot plus the results of VS Code's hover,
//                                   completion and code action providers at the positions listed
//                                   in $KV_E2E_PROBE_REQUEST (JSON, see writeEditorFeatures)
const fs = require('node:fs');
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('kvE2e.writeDiagnostics', () => write(snapshot())),
    vscode.commands.registerCommand('kvE2e.writeEditorFeatures', writeEditorFeatures),
  );
}

/** Documents, diagnostics, extensions and the active editor as VS Code holds them right now. */
function snapshot() {
  const editor = vscode.window.activeTextEditor;
  return {
    documents: vscode.workspace.textDocuments.map((doc) => ({ uri: doc.uri.toString(), languageId: doc.languageId, isDirty: doc.isDirty })),
    diagnostics: vscode.languages.getDiagnostics().map(([uri, list]) => ({ uri: uri.toString(), items: list.map(toPlainDiagnostic) })),
    extensions: vscode.extensions.all
      .filter((ext) => !ext.packageJSON.isBuiltin)
      .map((ext) => ({ id: ext.id, active: ext.isActive })),
    activeEditor: editor && {
      uri: editor.document.uri.toString(),
      languageId: editor.document.languageId,
      isDirty: editor.document.isDirty,
      text: editor.document.getText(),
      selection: { start: pos(editor.selection.start), end: pos(editor.selection.end) },
    },
  };
}

/**
 * Request: { file, hover: [Position], completion: [Position], codeActions: [Range] } where
 * `file` is matched against the end of an open document's URI (so unsaved text is used) and
 * positions are 0-based { line, character }. Each result keeps the position it was asked for.
 */
async function writeEditorFeatures() {
  const requestFile = process.env.KV_E2E_PROBE_REQUEST;
  if (!requestFile) throw new Error('KV_E2E_PROBE_REQUEST is not set');
  const request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith(`/${request.file}`));
  const result = snapshot();
  result.features = { file: request.file, uri: doc?.uri.toString() ?? null, hover: [], completion: [], codeActions: [] };
  if (doc) {
    for (const at of request.hover ?? []) {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, toPosition(at));
      result.features.hover.push({ at, hovers: (hovers ?? []).map(toPlainHover) });
    }
    for (const at of request.completion ?? []) {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, toPosition(at));
      result.features.completion.push({ at, items: (list?.items ?? []).map(toPlainCompletion) });
    }
    for (const at of request.codeActions ?? []) {
      const range = new vscode.Range(toPosition(at.start), toPosition(at.end));
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, range);
      result.features.codeActions.push({ at, actions: (actions ?? []).map(toPlainAction) });
    }
  }
  write(result);
}

// Write then rename, so the test never reads a half-written file.
function write(data) {
  const out = process.env.KV_E2E_PROBE_OUT;
  if (!out) throw new Error('KV_E2E_PROBE_OUT is not set');
  fs.writeFileSync(`${out}.tmp`, JSON.stringify(data, null, 2));
  fs.renameSync(`${out}.tmp`, out);
}

// vscode.Diagnostic serialises ranges as arrays and severities as numbers; spell them out.
function toPlainDiagnostic(d) {
  return {
    message: d.message,
    source: d.source,
    code: typeof d.code === 'object' ? d.code.value : d.code,
    severity: vscode.DiagnosticSeverity[d.severity],
    range: range(d.range),
  };
}

function toPlainHover(h) {
  return {
    contents: h.contents.map((c) => (typeof c === 'string' ? c : c.value)),
    range: h.range ? range(h.range) : null,
  };
}

function toPlainCompletion(item) {
  const insert = item.insertText;
  return {
    label: typeof item.label === 'string' ? item.label : item.label.label,
    kind: item.kind === undefined ? null : vscode.CompletionItemKind[item.kind],
    detail: item.detail ?? null,
    insertText: insert === undefined ? null : typeof insert === 'string' ? insert : insert.value,
    range: !item.range ? null : 'inserting' in item.range ? range(item.range.replacing) : range(item.range),
  };
}

function toPlainAction(action) {
  if (typeof action.command === 'string') return { title: action.title, command: action.command }; // a bare Command
  const edits = action.edit
    ? action.edit.entries().flatMap(([uri, list]) => list.map((e) => ({ uri: uri.toString(), range: range(e.range), newText: e.newText })))
    : [];
  return {
    title: action.title,
    kind: action.kind?.value ?? null,
    isPreferred: Boolean(action.isPreferred),
    diagnostics: (action.diagnostics ?? []).map((d) => (typeof d.code === 'object' ? d.code.value : d.code)),
    edits,
  };
}

function toPosition(p) {
  return new vscode.Position(p.line, p.character);
}

function range(r) {
  return { start: pos(r.start), end: pos(r.end) };
}

function pos(p) {
  return { line: p.line, character: p.character };
}

module.exports = { activate };
