// A minimal Language Server Protocol client for tests and benchmarks: spawns `node bin/wenfeng.js lsp`
// and speaks JSON-RPC over its stdio with Content-Length framing, as an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

type Message = { jsonrpc: '2.0'; id?: number | string; method?: string; params?: any; result?: any; error?: { code: number; message: string } };

export class RpcClient {
  readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiting = new Map<number | string, (m: Message) => void>();
  private readonly listeners: Array<(m: Message) => void> = [];
  /** Every notification the server sent, in order. */
  readonly notifications: Message[] = [];
  stderr = '';

  constructor(cwd: string, args: string[] = []) {
    this.child = spawn(process.execPath, [resolve(ROOT, 'bin/wenfeng.js'), 'lsp', ...args], { cwd, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.read(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(body);
    }
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
      return;
    }
    if (m.id !== undefined && m.method) {
      // A request from the server (client/registerCapability, workspace/configuration): say yes.
      this.send({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? [] : null });
    } else this.notifications.push(m);
    for (const l of [...this.listeners]) l(m);
  }

  private send(m: Message): void {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((done, fail) => {
      this.waiting.set(id, (m) => (m.error ? fail(new Error(`${method}: ${m.error.message}`)) : done(m.result as T)));
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The next notification `method` that satisfies `test`, within `ms`. */
  next(method: string, test: (params: any) => boolean = () => true, ms = 60_000): Promise<any> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        fail(new Error(`no ${method} within ${ms} ms; stderr: ${this.stderr}`));
      }, ms);
      const listener = (m: Message): void => {
        if (m.method !== method || !test(m.params)) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        done(m.params);
      };
      this.listeners.push(listener);
    });
  }

  /** The next publishDiagnostics for `uri` (of `version`, when given). */
  diagnostics(uri: string, version?: number, ms?: number): Promise<{ uri: string; version?: number; diagnostics: any[] }> {
    return this.next('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version), ms);
  }

  async initialize(rootUri: string, initializationOptions: unknown = {}, capabilities: unknown = {}): Promise<any> {
    const result = await this.request('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'root' }], capabilities, initializationOptions });
    this.notify('initialized', {});
    return result;
  }

  /** shutdown, exit, and the process's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((done) => this.child.once('exit', (code) => done(code)));
    await this.request('shutdown', null);
    this.notify('exit', null);
    return exited;
  }
}
