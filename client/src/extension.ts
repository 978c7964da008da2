/** The VS Code client: starts the kube-volumes language server for YAML files, plus one editor command. */
import * as path from 'path';
import { commands, ExtensionContext, window, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, Position, ServerOptions, TextEdit, TransportKind } from 'vscode-languageclient/node';

/** Keep in step with server/src/lsp/protocol.ts. */
const REPAIR_REQUEST = 'kubeVolumes/repairIndentation';

let client: LanguageClient | undefined;

async function repairIndentation(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || !client) return;
  const reply = await client.sendRequest<{ edit?: TextEdit; message?: string }>(REPAIR_REQUEST, {
    uri: editor.document.uri.toString(),
    position: Position.create(editor.selection.active.line, editor.selection.active.character),
  });
  if (reply.edit) {
    const edit = client.protocol2CodeConverter.asTextEdit(reply.edit);
    await editor.edit((builder) => builder.replace(edit.range, edit.newText));
  } else if (reply.message) {
    void window.showInformationMessage(reply.message);
  }
}

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    synchronize: { configurationSection: 'kubeVolumes' },
    initializationOptions: { settings: workspace.getConfiguration('kubeVolumes') },
  };
  client = new LanguageClient('kubeVolumes', 'Kube Volumes', serverOptions, clientOptions);
  context.subscriptions.push(commands.registerCommand('kubeVolumes.repairIndentation', repairIndentation));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
