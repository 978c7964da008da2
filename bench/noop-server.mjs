/**
 * The protocol floor: an LSP server that keeps documents in sync (incremental sync through
 * TextDocuments, with the library's TextDocument) and publishes empty diagnostics for every version.
 *
 * With `--rope` (run under `node --import tsx`) it keeps them as our server does, in the rope of
 * server/src/lsp/rope-text-document.ts: the difference between the two is what the library's
 * copy of the whole text on each edit costs, which our server no longer pays.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(process.argv.includes('--rope') ? (await import('../server/src/lsp/rope-text-document.ts')).ROPE_DOCUMENTS : TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental }, serverInfo: { name: 'do-nothing' } }));
documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});
documents.listen(connection);
connection.listen();
