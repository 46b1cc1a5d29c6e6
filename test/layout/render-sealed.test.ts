// --render is sealed: a .docx whose picture is linked to a loopback HTTP listener the test starts gets
// rendered without a single connection reaching it, and nothing of LibreOffice's is left behind —
// no temporary file, no copy of the draft, no process — also when the file's time runs out mid-render.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sealDocx } from '../../src/layout/seal-docx.js';
import { linkedPictureDocx } from '../helpers/linked-picture-docx.js';
import { BIN, tempDir } from '../helpers/run-cli.js';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice']).status === 0;

/** The CLI as a child process that leaves this process's event loop free to serve the listener. */
function runAsync(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Processes whose command line mentions `text` (LibreOffice's carries its private profile path). */
function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(text)) found.push(`${pid} ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

test('sealing removes the external picture link and keeps the rest of the package', () => {
  const { bytes, report } = sealDocx(linkedPictureDocx('http://127.0.0.1:1/pic.png'));
  expect(report.externalRelationships).toBe(1);
  expect(Buffer.from(bytes).includes(Buffer.from('127.0.0.1:1'))).toBe(false);
  expect(sealDocx(bytes).report).toEqual({ externalRelationships: 0, fetchingFields: 0 });
});

describe.skipIf(!hasSoffice)('--render with a linked picture', () => {
  let server: Server;
  let url: string;
  let connections = 0;
  let requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.end();
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/picture.png`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function setUp(): { dir: string; temp: string } {
    const dir = tempDir();
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    writeFileSync(join(dir, 'linked.docx'), linkedPictureDocx(url));
    writeFileSync(join(dir, 'other.txt'), '关于开展安全检查的通知\n各单位要在月底前完成检查，每年不超过次。\n');
    connections = 0;
    requests = [];
    return { dir, temp };
  }

  test('no request reaches the listener; the count is LibreOffice\'s; nothing is left', async () => {
    const { dir, temp } = setUp();
    const r = await runAsync(['linked.docx', 'other.txt', '--render', '--no-config', '--format', 'json'], dir, { TMPDIR: temp });
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; pages: { method: string } | null; messages: Array<{ ruleId: string | null }> }>;
    expect(files.find((f) => f.path === 'linked.docx')!.pages!.method).toBe('render');
    expect(files.find((f) => f.path === 'other.txt')!.messages.some((m) => m.ruleId === 'placeholder')).toBe(true);
    expect(requests).toEqual([]);
    expect(connections).toBe(0);
    expect(readdirSync(temp)).toEqual([]);
    expect(processesMentioning(temp)).toEqual([]);
  }, 120_000);

  test('a per-file limit shorter than the render: LibreOffice is killed in time and cleaned up', async () => {
    const { dir, temp } = setUp();
    const started = Date.now();
    // About 4 s for this file, so LibreOffice (several seconds to start) gets about 3.
    const r = await runAsync(['linked.docx', 'other.txt', '--render', '--timeout-per-page', '1', '--no-config', '--format', 'compact'], dir, { TMPDIR: temp });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect([0, 1, 2]).toContain(r.code);
    expect(r.stdout).toMatch(/^other\.txt:2:\d+: 错误 数字空缺/m);
    expect(requests).toEqual([]);
    expect(connections).toBe(0);
    expect(readdirSync(temp)).toEqual([]);
    expect(processesMentioning(temp)).toEqual([]);
  }, 120_000);
});
