// Files that are not files: FIFOs, sockets, devices and /proc pseudo-files are refused from their
// metadata, before anything opens them, wherever they are met — on the command line, as a reference,
// inside a checked directory or behind a symlink — and the other drafts are still checked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const DRAFT = '关于开展安全检查的通知\n各单位要在月底前完成检查，每年不超过次。\n';
const canFifo = process.platform !== 'win32';

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** A directory with one good draft (one placeholder error) and whatever `extra` adds. */
function tree(extra: (dir: string) => void): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'drafts'));
  writeFileSync(join(dir, 'drafts/good.txt'), DRAFT);
  extra(dir);
  return dir;
}

const lines = (out: string, path: string): string[] => out.split('\n').filter((l) => l.startsWith(`${path}:`));

describe.skipIf(!canFifo)('files that are not regular files', () => {
  test('a FIFO named on the command line: one line, exit 2, the next draft checked, no hang', () => {
    const dir = tree((d) => mkfifo(join(d, 'x.txt')));
    const started = Date.now();
    const r = runCli(['x.txt', 'drafts', '--no-config', '--format', 'compact'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(lines(r.stdout, 'x.txt')).toEqual(['x.txt:1:1: 错误 这是命名管道（FIFO），不是普通文件，未打开 [fatal]']);
    expect(r.stdout).toMatch(/^drafts\/good\.txt:2:\d+: 错误 数字空缺/m);
  });

  test('a FIFO as a config `references` entry, in English', () => {
    const dir = tree((d) => {
      mkfifo(join(d, 'upstream.txt'));
      writeFileSync(join(d, '.wenfengrc.json'), JSON.stringify({ references: ['upstream.txt'] }));
    });
    const started = Date.now();
    const r = runCli(['drafts', '--format', 'compact', '--locale', 'en'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(lines(r.stdout, 'upstream.txt')).toEqual(['upstream.txt:1:1: error reference: a named pipe (FIFO), not a regular file; not opened [fatal]']);
    expect(r.stdout).toMatch(/^drafts\/good\.txt:2:\d+: error /m);
  });

  test('a FIFO given with --against and a FIFO inside a checked directory', () => {
    const dir = tree((d) => {
      mkfifo(join(d, 'up.txt'));
      mkfifo(join(d, 'drafts/pipe.md'));
    });
    const r = runCli(['drafts', '--against', 'up.txt', '--no-config', '--format', 'compact'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(lines(r.stdout, 'up.txt')).toHaveLength(1);
    expect(lines(r.stdout, 'drafts/pipe.md')).toEqual(['drafts/pipe.md:1:1: 错误 这是命名管道（FIFO），不是普通文件，未打开 [fatal]']);
    expect(r.stdout).toMatch(/^drafts\/good\.txt:2:\d+: 错误 数字空缺/m);
  });

  test('annotate refuses a FIFO named .docx without opening it', () => {
    const dir = tree((d) => mkfifo(join(d, 'pipe.docx')));
    const started = Date.now();
    const r = runCli(['annotate', 'pipe.docx'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('pipe.docx：这是命名管道（FIFO）');
  });

  test('a socket named like a draft', async () => {
    const dir = tree(() => undefined);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'drafts/sock.txt'), resolve));
    try {
      const r = runCli(['drafts', '--no-config', '--format', 'compact'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(lines(r.stdout, 'drafts/sock.txt')).toEqual(['drafts/sock.txt:1:1: 错误 这是套接字，不是普通文件，未打开 [fatal]']);
    } finally {
      server.close();
    }
  });
});

describe.skipIf(!existsSync('/proc/self/environ'))('symlinks out of a checked directory', () => {
  const SECRET = 'wenfeng-secret-5f1c9a';

  test('are not followed by default: a note on stderr, nothing read, the secret nowhere in the report', () => {
    const dir = tree((d) => {
      symlinkSync('/proc/self/environ', join(d, 'drafts/env.txt'));
      symlinkSync('/dev/zero', join(d, 'drafts/zero.txt'));
    });
    const r = runCli(['drafts', '--no-config', '--format', 'html', '-o', 'report.html'], { cwd: dir, env: { WENFENG_TEST_SECRET: SECRET } });
    expect(r.code).toBe(1); // the good draft's placeholder; the links are not drafts of this directory
    expect(r.stderr).toContain('wenfeng: drafts/env.txt: 符号链接指向所查目录之外，未跟随');
    expect(r.stderr).toContain('wenfeng: drafts/zero.txt: ');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain(SECRET);
    expect(html).toContain('drafts/good.txt');
  });

  test('with --follow-symlinks they are followed, and /proc and device targets are refused unread', () => {
    const dir = tree((d) => {
      symlinkSync('/proc/self/environ', join(d, 'drafts/env.txt'));
      symlinkSync('/dev/zero', join(d, 'drafts/zero.txt'));
    });
    const started = Date.now();
    const r = runCli(['drafts', '--no-config', '--follow-symlinks', '--format', 'json'], { cwd: dir, env: { WENFENG_TEST_SECRET: SECRET } });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain(SECRET);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; fatal: boolean; messages: Array<{ message: string }> }>;
    const by = (p: string) => files.find((f) => f.path === p)!;
    expect(by('drafts/env.txt').messages.map((m) => m.message)).toEqual(['这是系统伪文件（proc），不是文稿，未读取']);
    expect(by('drafts/zero.txt').messages.map((m) => m.message)).toEqual(['这是设备文件，不是普通文件，未打开']);
    expect(by('drafts/good.txt').fatal).toBe(false);
  });

  test('a /proc file named on the command line is refused too, and a link inside the tree is followed', () => {
    const dir = tree((d) => symlinkSync('good.txt', join(d, 'drafts/alias.txt')));
    const r = runCli(['/proc/self/environ', 'drafts', '--no-config', '--format', 'compact', '--locale', 'en'], { cwd: dir, env: { WENFENG_TEST_SECRET: SECRET } });
    expect(r.code).toBe(2);
    expect(r.stdout).not.toContain(SECRET);
    expect(lines(r.stdout, '/proc/self/environ')).toEqual(['/proc/self/environ:1:1: error a kernel pseudo-file (proc), not a draft; not read [fatal]']);
    expect(r.stdout).toMatch(/^drafts\/alias\.txt:2:\d+: error /m);
    expect(r.stderr).toBe('');
  });
});
