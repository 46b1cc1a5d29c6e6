// The VS Code extension: starts `wenfeng lsp` and hands it Markdown and plain-text drafts. Everything
// else — diagnostics, quick fixes, hovers, the workspace command — is the server's.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The wenfeng command: the setting, else the workspace's own install, else PATH. */
function wenfengCommand(): string {
  const configured = vscode.workspace.getConfiguration('wenfeng').get<string>('path')?.trim();
  if (configured) return configured;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'wenfeng.cmd' : 'wenfeng');
    if (existsSync(local)) return local;
  }
  return 'wenfeng';
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const command = wenfengCommand();
  const server: ServerOptions = {
    command,
    args: ['lsp'],
    transport: TransportKind.stdio,
    // A .cmd shim on Windows needs a shell to start.
    options: { shell: process.platform === 'win32' },
  };
  const options: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    initializationOptions: { debounceMs: vscode.workspace.getConfiguration('wenfeng').get<number>('debounceMs') },
  };
  client = new LanguageClient('wenfeng', 'wenfeng 文风', server, options);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    void vscode.window.showErrorMessage(`wenfeng: cannot start \`${command} lsp\` (${String((error as Error)?.message ?? error)}). Install wenfeng or set wenfeng.path.`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
