// A draft that takes too long is abandoned with one clear line; the run goes on and ends.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli, tempDir } from './helpers/run-cli.js';

function setUp(check: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'slow.mjs'), `export default { rules: { stuck: { meta: { id: 'stuck', description: { zh: '卡住', en: 'stuck' }, defaultSeverity: 'error' }, async check(doc) { if (doc.path.includes('slow')) { ${check} } } } } };\n`);
  writeFileSync(join(dir, '.wenfengrc.json'), JSON.stringify({ plugins: ['./slow.mjs'] }));
  writeFileSync(join(dir, 'slow.txt'), '关于工作的通知\n正文。\n');
  writeFileSync(join(dir, 'fine.txt'), '关于工作的通知\n每年不超过次。\n');
  return dir;
}

test('in-process: a draft stuck waiting is abandoned at its limit, the others are checked', () => {
  const dir = setUp('await new Promise((r) => setTimeout(r, 120000));');
  const started = Date.now();
  const r = runCli(['slow.txt', 'fine.txt', '--timeout-per-page', '0.5', '--concurrency', 'off', '--format', 'compact'], { cwd: dir });
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(r.code).toBe(2);
  expect(r.stdout).toMatch(/^slow\.txt:1:1: 错误 处理超时（超过 2 秒），已放弃此文件；可用 --timeout-per-page 放宽限制 \[fatal\]$/m);
  expect(r.stdout).toMatch(/^fine\.txt:2:\d+: 错误 数字空缺/m);
});

test('worker threads: a draft stuck in a busy loop is abandoned by stopping its worker', () => {
  const dir = setUp('for (;;) {}');
  for (let i = 0; i < 8; i++) writeFileSync(join(dir, `more-${i}.txt`), '关于工作的通知\n每年不超过次。\n');
  const started = Date.now();
  const r = runCli(['.', '--timeout-per-page', '0.5', '--concurrency', '2', '--format', 'compact'], { cwd: dir });
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(r.code).toBe(2);
  expect(r.stdout).toMatch(/^slow\.txt:1:1: 错误 处理超时/m);
  expect(r.stdout.match(/数字空缺/g)).toHaveLength(9);
});
