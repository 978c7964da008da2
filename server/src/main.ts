/** Entry point of the language server: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { analysisThread } from './lsp/analysis-thread';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all), { helper: analysisThread() });
