// Bad input: one clear line naming the file and the cause, exit 2, the other files still checked,
// no stack trace unless --debug.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const cases: Array<[string, RegExp]> = [
  ['fixtures/bad/corrupt.docx', /文件已损坏/],
  ['fixtures/bad/truncated.docx', /文件已损坏/],
  ['fixtures/bad/truncated.pdf', /文件已损坏：PDF 结构不完整/],
  ['fixtures/bad/encrypted.pdf', /密码/],
  ['fixtures/bad/program.docx', /扩展名是 \.docx，但内容是可执行程序/],
  ['fixtures/bad/really-docx.pdf', /扩展名是 \.pdf，但内容是 Word 文档/],
  ['fixtures/bad/empty.txt', /文件是空的/],
  ['fixtures/bad/no-drafts', /目录中没有可检查的文稿/],
  ['no/such/draft.docx', /文件或目录不存在/],
];

describe('each bad input on its own', () => {
  for (const [path, cause] of cases) {
    test(path, () => {
      const r = runCli([path]);
      expect(r.code).toBe(2);
      const lines = r.stdout.trim().split('\n').filter((l) => l && !/^✖/.test(l));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(path);
      expect(lines[0]).toMatch(cause);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

test('with good files beside them, the good files are still checked', () => {
  const r = runCli([...cases.map(([p]) => p), 'fixtures/seeds/002-city-report.pdf', '--format', 'json']);
  expect(r.code).toBe(2);
  const out = JSON.parse(r.stdout);
  expect(out.files.filter((f: { fatal: boolean }) => f.fatal)).toHaveLength(cases.length);
  const seed = out.files.find((f: { path: string }) => f.path.endsWith('002-city-report.pdf'));
  expect(seed.fatal).toBe(false);
  expect(seed.messages.filter((m: { ruleId: string }) => m.ruleId === 'placeholder').length).toBeGreaterThanOrEqual(20);
});

test('--debug shows the stack of an unexpected failure; without it, one line', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'bad.mjs'), `export default { rules: { boom: { meta: { id: 'boom', description: { zh: '坏', en: 'bad' }, defaultSeverity: 'error' }, check() { throw new Error('kaput'); } } } };\n`);
  writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ plugins: ['./bad.mjs'] }));
  writeFileSync(join(dir, 'd.txt'), '关于工作的通知\n正文。\n');
  expect(runCli(['d.txt'], { cwd: dir }).stderr).not.toMatch(/\n\s+at /);
  expect(runCli(['d.txt', '--debug'], { cwd: dir }).stderr).toMatch(/\n\s+at /);
});

test('a dangling symlink and a directory loop', () => {
  const dir = tempDir();
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'link.txt'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a/ok.txt'), '关于工作的通知\n正文。\n');
  symlinkSync(dir, join(dir, 'a/loop'));
  const dangling = runCli(['link.txt'], { cwd: dir });
  expect(dangling.code).toBe(2);
  expect(dangling.stdout).toMatch(/link\.txt +错误 +符号链接指向的文件不存在/);
  const loop = runCli(['a', '--format', 'json'], { cwd: dir });
  expect(JSON.parse(loop.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a/ok.txt']);
});
