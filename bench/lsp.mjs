#!/usr/bin/env node
// `wenfeng lsp` as an editor drives it, timed from outside over stdio (medians):
//
//   change   a 5,000-character Markdown draft: from sending a didChange (one character typed or deleted)
//            to its publishDiagnostics, with the server's default debounce. Target ≤ 50 ms. Beside it,
//            interleaved, the engine's own warm lint of the same text in this process (LintSession,
//            in-thread): what the server adds is the difference.
//   save     the 10-page .docx (bench/.inputs/docx-10p.docx): from didSave to publishDiagnostics,
//            interleaved round by round with the CLI's warm lint of the same file in this process
//            (`main([file, '--format', 'json', '--no-config', '--concurrency', 'off'])` after a first
//            run, as bench/breakdown.mjs counts "warm"; each such run starts a fresh worker, which builds
//            the rules' matchers again). Target ≤ 1.2×. Also against the stricter floor: the engine's
//            warm lint of the file in this process's thread (LintSession.lintOne), no worker at all.
//   memory   the server over 1,000 edits of the Markdown draft, each awaited: its heap after a full
//            collection (the wenfeng/memoryUsage request) after the first 100 edits and after the last,
//            target within 10 %; and its RSS, the median of the first 100 edits' samples against the
//            last 100's (RSS also moves with when the collector last ran).
//
//   node bench/lsp.mjs [--reps <n>] [--edits <n>]     (needs `npm run build` and bench/make-inputs.mjs)
// Results also go to bench/lsp-results.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH, ROOT, median, round } from './lib.mjs';
import { draft, INPUTS } from './make-inputs.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const REPS = opt('--reps', 21);
const EDITS = opt('--edits', 1000);
const window = Math.max(1, Math.floor(EDITS / 10));
const DOCX = path.join(INPUTS, 'docx-10p.docx');
if (!fs.existsSync(DOCX)) {
  console.error('bench/lsp.mjs: no bench/.inputs/docx-10p.docx — run node bench/make-inputs.mjs first');
  process.exit(2);
}

/** A JSON-RPC client over the server's stdio, as in test/lsp/rpc-client.ts. */
class Client {
  constructor(cwd) {
    // --expose-gc: the server's wenfeng/memoryUsage request then collects before it measures.
    this.child = spawn(process.execPath, ['--expose-gc', path.join(ROOT, 'bin/wenfeng.js'), 'lsp'], { cwd, stdio: 'pipe' });
    this.buffer = Buffer.alloc(0);
    this.id = 1;
    this.replies = new Map();
    this.waiters = [];
    this.child.stdout.on('data', (chunk) => this.read(chunk));
    this.child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  }
  read(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))[1]);
      if (this.buffer.length < end + 4 + length) return;
      const m = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 4 + length);
      const at = performance.now();
      if (m.id !== undefined && !m.method) this.replies.get(m.id)?.(m.result);
      else if (m.id !== undefined) this.send({ jsonrpc: '2.0', id: m.id, result: null });
      else for (const w of [...this.waiters]) w(m, at);
    }
  }
  send(m) {
    const body = Buffer.from(JSON.stringify(m));
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }
  request(method, params) {
    const id = this.id++;
    return new Promise((done) => {
      this.replies.set(id, done);
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }
  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }
  /** Resolves with the time the matching publishDiagnostics arrived. */
  diagnostics(uri, version) {
    return new Promise((done) => {
      const w = (m, at) => {
        if (m.method !== 'textDocument/publishDiagnostics' || m.params.uri !== uri || (version !== undefined && m.params.version !== version)) return;
        this.waiters.splice(this.waiters.indexOf(w), 1);
        done({ at, count: m.params.diagnostics.length });
      };
      this.waiters.push(w);
    });
  }
  rssKB() {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  }
  async stop() {
    await this.request('shutdown', null);
    this.notify('exit', null);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenfeng-bench-lsp-'));
const results = { when: new Date().toISOString(), node: process.version, cpus: os.cpus().length, load: os.loadavg().map((x) => round(x, 2)) };
try {
  // ---- change: a 5,000-character Markdown draft ----
  const lines = draft(7, 5000);
  const md = `# ${lines[0]}\n\n${lines.slice(1).join('\n\n')}\n`;
  const mdPath = path.join(dir, 'draft.md');
  fs.writeFileSync(mdPath, md);
  const client = new Client(dir);
  await client.request('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
  client.notify('initialized', {});
  const uri = pathToFileURL(mdPath).href;
  let version = 1;
  let opened = client.diagnostics(uri, version);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text: md } });
  await opened;
  const bodyLines = md.split('\n').map((l, i) => [l, i]).filter(([l]) => l.length > 20);
  let pendingDelete;
  /** Types one character into a paragraph, or deletes the one typed before: the text stays the same size. */
  const edit = async (k) => {
    version++;
    let change;
    if (pendingDelete) {
      change = { range: { start: pendingDelete, end: { line: pendingDelete.line, character: pendingDelete.character + 1 } }, text: '' };
      pendingDelete = undefined;
    } else {
      const [text, line] = bodyLines[(k * 7) % bodyLines.length];
      const at = { line, character: (k * 13) % text.length };
      change = { range: { start: at, end: at }, text: '的' };
      pendingDelete = at;
    }
    const published = client.diagnostics(uri, version);
    const t0 = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const { at } = await published;
    return at - t0;
  };
  const { LintSession } = await import(pathToFileURL(path.join(ROOT, 'dist', 'index.js')).href);
  const engine = new LintSession({ cwd: dir, useConfig: false });
  const mdBytes = new TextEncoder().encode(md);
  const engineLint = async () => {
    const t0 = performance.now();
    await engine.lintBytes(mdBytes, 'draft.md');
    return performance.now() - t0;
  };
  for (let k = 0; k < 20; k++) {
    await edit(k);
    await engineLint();
  }
  const changeMs = [];
  const engineMs = [];
  for (let k = 0; k < Math.max(REPS, 51); k++) {
    // Apart by a pause longer than the debounce, as keystrokes are.
    await new Promise((r) => setTimeout(r, 40));
    changeMs.push(await edit(k));
    engineMs.push(await engineLint());
  }
  results.change = { chars: md.replace(/\s/g, '').length, runs: changeMs.length, medianMs: round(median(changeMs)), p90Ms: round([...changeMs].sort((a, b) => a - b)[Math.floor(changeMs.length * 0.9)]), engineWarmMedianMs: round(median(engineMs)), targetMs: 50 };

  // ---- memory: 1,000 edits ----
  const rss = [];

  let heapFirst;
  for (let k = 0; k < EDITS; k++) {
    await edit(k + 1000);
    if (k % 5 === 0) rss.push({ k, kb: client.rssKB() });
    if (k === window - 1) heapFirst = (await client.request('wenfeng/memoryUsage', null)).heapUsed;
  }
  const heapLast = (await client.request('wenfeng/memoryUsage', null)).heapUsed;
  const first = median(rss.filter((s) => s.k < window).map((s) => s.kb));
  const last = median(rss.filter((s) => s.k >= EDITS - window).map((s) => s.kb));
  results.memory = {
    edits: EDITS,
    heapAfterGcFirstMB: round(heapFirst / 1048576, 2),
    heapAfterGcLastMB: round(heapLast / 1048576, 2),
    change: round((heapLast - heapFirst) / heapFirst, 3),
    rssFirstMB: round(first / 1024),
    rssLastMB: round(last / 1024),
    rssPeakMB: round(Math.max(...rss.map((s) => s.kb)) / 1024),
    rssChange: round((last - first) / first, 3),
    target: 0.1,
  };

  // ---- save: the 10-page .docx, against the CLI's warm lint ----
  const docxPath = path.join(dir, 'docx-10p.docx');
  fs.copyFileSync(DOCX, docxPath);
  const docxUri = pathToFileURL(docxPath).href;
  opened = client.diagnostics(docxUri);
  client.notify('textDocument/didOpen', { textDocument: { uri: docxUri, languageId: 'plaintext', version: 1, text: '' } });
  await opened;
  const save = async () => {
    const published = client.diagnostics(docxUri);
    const t0 = performance.now();
    client.notify('textDocument/didSave', { textDocument: { uri: docxUri } });
    return (await published).at - t0;
  };
  const { main } = await import(pathToFileURL(path.join(ROOT, 'dist', 'cli.js')).href);
  // main() adds its EPIPE listener to stdout on every call.
  process.stdout.setMaxListeners(0);
  const write = process.stdout.write.bind(process.stdout);
  const cli = async () => {
    process.stdout.write = () => true;
    const t0 = performance.now();
    try {
      await main([docxPath, '--format', 'json', '--no-config', '--concurrency', 'off']);
    } finally {
      process.stdout.write = write;
    }
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) {
    await save();
    await cli();
  }
  const inThread = async () => {
    const t0 = performance.now();
    await engine.lintOne('docx-10p.docx', docxPath);
    return performance.now() - t0;
  };
  for (let i = 0; i < 3; i++) await inThread();
  const saveMs = [];
  const cliMs = [];
  const threadMs = [];
  const cases = [[save, saveMs], [cli, cliMs], [inThread, threadMs]];
  for (let i = 0; i < REPS; i++) {
    for (let k = 0; k < cases.length; k++) {
      const [run, into] = cases[(k + i) % cases.length];
      into.push(await run());
    }
  }
  results.save = { file: 'bench/.inputs/docx-10p.docx', runs: REPS, lspMedianMs: round(median(saveMs)), cliWarmMedianMs: round(median(cliMs)), ratio: round(median(saveMs) / median(cliMs), 2), engineInThreadMedianMs: round(median(threadMs)), ratioToEngine: round(median(saveMs) / median(threadMs), 2), target: 1.2 };
  await client.stop();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const met = (ok) => (ok ? 'yes' : 'no');
const rows = [
  ['didChange → diagnostics, 5,000-character .md', `${results.change.medianMs} ms (p90 ${results.change.p90Ms})`, `${results.change.engineWarmMedianMs} ms engine warm lint`, '≤ 50 ms', met(results.change.medianMs <= 50)],
  ['didSave → diagnostics, 10-page .docx', `${results.save.lspMedianMs} ms`, `${results.save.cliWarmMedianMs} ms CLI warm`, `${results.save.ratio}× (≤ 1.2×)`, met(results.save.ratio <= 1.2)],
  ['the same save, against the engine in-thread', `${results.save.lspMedianMs} ms`, `${results.save.engineInThreadMedianMs} ms`, `${results.save.ratioToEngine}×`, '—'],
  [`heap after GC over ${results.memory.edits} edits (after ${window} / after all)`, `${results.memory.heapAfterGcFirstMB} → ${results.memory.heapAfterGcLastMB} MB`, '—', `${round(results.memory.change * 100)} % (≤ 10 %)`, met(Math.abs(results.memory.change) <= 0.1)],
  [`RSS over the same edits (first / last tenth)`, `${results.memory.rssFirstMB} → ${results.memory.rssLastMB} MB`, `peak ${results.memory.rssPeakMB} MB`, `${round(results.memory.rssChange * 100)} %`, '—'],
];
console.log('| case | median | against | ratio / target | met |\n| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(JSON.stringify(results, null, 2));
fs.writeFileSync(path.join(BENCH, 'lsp-results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
