// `wenfeng lsp`: a Language Server Protocol server over stdio. One process serves every document the
// editor opens: .txt and .md buffers are checked on open and as they change (debounced), Word, PDF and
// OFD drafts on open and whenever they are saved (read from disk). It writes nothing to any document:
// fixes are code actions the editor applies to its own buffer.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../api.js';
import { CONFIG_FILES } from '../config/load.js';
import { ConfigError } from '../config/types.js';
import type { FileResult } from '../engine/result.js';
import { formatOfPath, SUPPORTED_EXTENSIONS } from '../readers/index.js';
import { codeActions } from './actions.js';
import { Checker, isTextFormat, type Checked } from './checker.js';
import { findingsOf, type Finding } from './findings.js';
import { contains } from './positions.js';
import { docExcerpt, ruleInfo, type RuleInfo } from './rule-docs.js';

export const CHECK_WORKSPACE = 'wenfeng.checkWorkspace';

/** What was last published for a document: the findings behind its diagnostics and hovers. */
interface Published {
  /** The buffer version linted (text drafts), or undefined for a draft read from disk. */
  version?: number;
  text: string;
  format: string | null;
  locale: Locale;
  findings: Finding[];
  rules: Map<string, RuleInfo>;
}

interface Pending {
  /** A check waiting for the debounce. */
  timer?: NodeJS.Timeout;
  /** A check due now, on the next turn of the event loop (a timer waits at least 1 ms). */
  immediate?: NodeJS.Immediate;
  running: boolean;
  again: boolean;
  /** When the last check of this document ended (performance.now()). */
  lastEnd: number;
}

export interface ServerOptions {
  /** Milliseconds of quiet after a change before a text buffer is checked (initializationOptions.debounceMs). */
  debounceMs: number;
}

const DEFAULTS: ServerOptions = { debounceMs: 15 };

const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);
const isConfigFile = (path: string): boolean => CONFIG_FILES.includes(basename(path)) || basename(path) === '.wenfengignore';
const isDraft = (path: string): boolean => formatOfPath(path) !== undefined;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const published = new Map<string, Published>();
  const pending = new Map<string, Pending>();
  const options: ServerOptions = { ...DEFAULTS };
  let checker = new Checker(process.cwd());
  let folders: string[] = [];
  let watchRegistration = false;
  let locale: Locale = 'zh';

  const log = (text: string): void => connection.console.log(`wenfeng: ${text}`);

  connection.onInitialize((params: InitializeParams) => {
    const roots = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => !!p);
    const root = roots[0] ?? (params.rootUri ? pathOf(params.rootUri) : undefined) ?? params.rootPath ?? process.cwd();
    folders = roots.length ? roots : [root];
    checker = new Checker(root);
    const init = (params.initializationOptions ?? {}) as Partial<ServerOptions>;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) options.debounceMs = init.debounceMs;
    if (params.locale?.startsWith('en')) locale = 'en';
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.wenfeng'] },
        hoverProvider: true,
        executeCommandProvider: { commands: [CHECK_WORKSPACE] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'wenfeng' },
    };
  });

  connection.onInitialized(() => {
    for (const folder of folders) watchConfigDir(folder);
    // Config files and the drafts an editor does not hold as text: re-read when they change on disk.
    if (watchRegistration) {
      const drafts = SUPPORTED_EXTENSIONS.filter((e) => !isTextFormat(`x${e}`)).map((e) => e.slice(1));
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${[...CONFIG_FILES, '.wenfengignore'].join(',')}}` }, { globPattern: `**/*.{${drafts.join(',')}}` }],
      });
    }
  });

  const state = (uri: string): Pending => {
    let s = pending.get(uri);
    if (!s) pending.set(uri, (s = { running: false, again: false, lastEnd: -Infinity }));
    return s;
  };

  const cancel = (s: Pending | undefined): void => {
    if (!s) return;
    clearTimeout(s.timer);
    clearImmediate(s.immediate);
    s.timer = undefined;
    s.immediate = undefined;
  };

  const schedule = (uri: string, delay: number): void => {
    const s = state(uri);
    cancel(s);
    if (delay > 0) s.timer = setTimeout(() => void run(uri), delay);
    else s.immediate = setImmediate(() => void run(uri));
  };

  /**
   * After an edit: debounced on both edges. The first edit after a quiet spell is checked at once (a
   * typist waits for nothing); edits that follow while a check runs or within the debounce wait for
   * quiet, and then one check covers them all.
   */
  const edited = (uri: string): void => {
    const s = state(uri);
    const quiet = !s.running && !s.timer && !s.immediate && performance.now() - s.lastEnd >= options.debounceMs;
    schedule(uri, quiet ? 0 : options.debounceMs);
  };

  async function run(uri: string): Promise<void> {
    const s = state(uri);
    s.timer = undefined;
    s.immediate = undefined;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    try {
      await check(uri);
    } catch (error) {
      log(`${uri}: ${String((error as Error)?.stack ?? error)}`);
    } finally {
      s.running = false;
      s.lastEnd = performance.now();
      if (s.again) {
        s.again = false;
        schedule(uri, 0);
      }
    }
  }

  function publish(uri: string, entry: Published): void {
    published.set(uri, entry);
    void connection.sendDiagnostics({ uri, version: entry.version, diagnostics: entry.findings.map((f) => f.diagnostic) });
  }

  function publishResult(uri: string, checked: Checked, text: string, version: number | undefined, editable: boolean): void {
    const { result, settings } = checked;
    if (settings.configPath) watchConfigDir(dirname(settings.configPath));
    const rules = ruleInfo(settings, settings.locale);
    const findings = findingsOf(result, { locale: settings.locale, docLink: (id) => rules.get(id)?.href, editable });
    publish(uri, { version, text, format: result.format, locale: settings.locale, findings, rules });
  }

  function publishConfigError(uri: string, error: ConfigError): void {
    for (const e of error.all) if (e.filepath) watchConfigDir(dirname(e.filepath));
    const message = error.all.map((e) => e.line(locale)).join('\n');
    const diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1 as const, code: 'wenfeng/config', source: 'wenfeng', message: `${locale === 'zh' ? '配置错误' : 'config error'}: ${message}` };
    publish(uri, { text: '', format: null, locale, findings: [{ diagnostic, ruleId: null, message: { ruleId: null, severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1 } }], rules: new Map() });
  }

  /** Checks one document and publishes its diagnostics (nothing when the config ignores it). */
  async function check(uri: string): Promise<void> {
    const path = pathOf(uri);
    const doc = documents.get(uri);
    // A buffer not yet saved is checked as Markdown or text by its language, with the root's config.
    const name = path ?? `${checker.root}/untitled.${doc?.languageId === 'markdown' ? 'md' : 'txt'}`;
    if (!isDraft(name)) return;
    try {
      const settings = await checker.settingsFor(name);
      if (settings.ignored) {
        publish(uri, { text: '', format: null, locale: settings.locale, findings: [], rules: new Map() });
        return;
      }
      if (doc && isTextFormat(name)) {
        const version = doc.version;
        const text = doc.getText();
        const checked = await checker.checkText(name, text);
        // A newer edit is on its way: its own check publishes.
        if (documents.get(uri)?.version !== version) return;
        publishResult(uri, checked, text, version, true);
      } else if (path) {
        publishResult(uri, await checker.checkFile(path), '', undefined, false);
      }
    } catch (error) {
      if (error instanceof ConfigError) publishConfigError(uri, error);
      else throw error;
    }
  }

  /**
   * Clients that cannot watch files for the server (no dynamic registration of didChangeWatchedFiles:
   * Neovim before 0.10, some others) still see a config change take effect: the server watches the
   * workspace folders and every folder a config was found in, for config file names only.
   */
  const watchers = new Map<string, FSWatcher>();
  let reloadTimer: NodeJS.Timeout | undefined;
  function watchConfigDir(dir: string): void {
    if (watchRegistration || watchers.has(dir)) return;
    try {
      const w = watch(dir, { persistent: false }, (_event, file) => {
        if (!file || !isConfigFile(String(file))) return;
        // An editor's save is several events (write, rename): one reload for them all.
        clearTimeout(reloadTimer);
        reloadTimer = setTimeout(recheckAll, 50);
      });
      w.on('error', () => undefined);
      watchers.set(dir, w);
    } catch {
      // a folder that cannot be watched: its config is re-read on the next didChangeWatchedFiles or save
    }
  }

  /** After a config change: every open draft and every draft with diagnostics, again. */
  function recheckAll(): void {
    checker.reload();
    const uris = new Set([...documents.keys(), ...published.keys()]);
    for (const uri of uris) schedule(uri, 0);
  }

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    // Opening fires this too; binary drafts are checked from disk, on open and on save only.
    if (isTextFormat(pathOf(e.document.uri) ?? e.document.uri)) edited(e.document.uri);
  });
  documents.onDidSave((e) => {
    const path = pathOf(e.document.uri);
    if (path && isConfigFile(path)) recheckAll();
    else if (path && !isTextFormat(path)) schedule(e.document.uri, 0);
  });
  documents.onDidClose((e) => {
    cancel(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => isConfigFile(pathOf(c.uri) ?? ''))) return recheckAll();
    for (const c of params.changes) {
      const path = pathOf(c.uri);
      if (!path || isTextFormat(path) || !isDraft(path)) continue;
      // A Word or PDF draft saved by another program: checked again if the editor shows it.
      if (c.type === 3) {
        published.delete(c.uri);
        void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
      } else if (published.has(c.uri) || documents.get(c.uri)) schedule(c.uri, 0);
    }
  });

  connection.onCodeAction((params) => {
    const entry = published.get(params.textDocument.uri);
    const doc = documents.get(params.textDocument.uri);
    // Edits are offered only against the very text they were computed from.
    if (!entry || entry.version === undefined || !doc || doc.version !== entry.version) return [];
    return codeActions({ uri: params.textDocument.uri, format: entry.format, locale: entry.locale, findings: entry.findings, text: entry.text, range: params.range, only: params.context.only });
  });

  connection.onHover((params) => {
    const entry = published.get(params.textDocument.uri);
    if (!entry) return null;
    const under = entry.findings.filter((f) => f.ruleId && contains(f.diagnostic.range, params.position));
    if (!under.length) return null;
    const parts = under.map((f) => {
      const info = entry.rules.get(f.ruleId!);
      const head = `**${f.ruleId}**${info ? ` — ${info.description}` : ''}`;
      const suggestion = f.message.suggestion ? `\n\n${entry.locale === 'zh' ? '建议' : 'Suggestion'}：${f.message.suggestion}` : '';
      const doc = info?.file ? `\n\n---\n\n${docExcerpt(info.file)}` : '';
      const link = info?.href ? `\n\n[${entry.locale === 'zh' ? '规则说明' : 'Rule documentation'}](${info.href})` : '';
      return `${head}\n\n${f.message.message}${suggestion}${doc}${link}`;
    });
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range: under[0]!.diagnostic.range };
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== CHECK_WORKSPACE) return null;
    const totals = { files: 0, errors: 0, warnings: 0, infos: 0 };
    for (const folder of folders) {
      let results: FileResult[];
      try {
        results = await checker.checkDirectory(folder);
      } catch (error) {
        if (error instanceof ConfigError) {
          const message = error.all.map((e) => e.line(locale)).join('\n');
          void connection.window.showErrorMessage(`wenfeng: ${message}`);
          continue;
        }
        throw error;
      }
      for (const result of results) {
        const uri = pathToFileURL(`${folder}/${result.path}`).href;
        totals.files++;
        totals.errors += result.errorCount;
        totals.warnings += result.warningCount;
        totals.infos += result.infoCount;
        // An open text buffer is newer than its file: its own diagnostics stand.
        if (documents.get(uri) && isTextFormat(result.path)) continue;
        try {
          publishResult(uri, { result, settings: await checker.settingsFor(fileURLToPath(uri)) }, '', undefined, false);
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
        }
      }
    }
    return totals;
  });

  // The server's memory, after a full collection when Node runs with --expose-gc: for bench/lsp.mjs
  // and for anyone who wonders what a long session holds.
  connection.onRequest('wenfeng/memoryUsage', () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  });

  connection.onShutdown(async () => {
    for (const s of pending.values()) cancel(s);
    for (const w of watchers.values()) w.close();
    await checker.close();
  });

  documents.listen(connection);
  connection.listen();
}

/** Runs the server on stdin/stdout until the client says exit (the library then ends the process). */
export async function runLanguageServer(): Promise<number> {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startServer(connection);
  return new Promise<number>(() => undefined);
}
