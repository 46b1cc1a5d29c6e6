// Inputs are never written: every format, every output mode, --fix-dry-run and annotate leave the
// drafts' bytes alone; only --fix on .txt/.md changes a file, and then atomically.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/run-cli.js';

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(p, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

test('no output mode writes to an input', () => {
  const dir = tempDir();
  for (const sub of ['seeds', 'good', 'bad', 'encodings', 'pdf']) cpSync(join(ROOT, 'fixtures', sub), join(dir, sub), { recursive: true });
  const before = hashes(dir);
  const out = tempDir();
  const formats = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit', 'html'];
  for (const format of formats) runCli(['.', '--format', format, '--output-file', join(out, `report.${format}`)], { cwd: dir });
  runCli(['.', '--format', 'json'], { cwd: dir });
  runCli(['.', '--fix-dry-run'], { cwd: dir });
  runCli(['.', '--concurrency', '2', '--cache', '--cache-location', join(out, 'cache')], { cwd: dir });
  for (const docx of ['seeds/002-city-report.docx', 'good/good-notice.docx']) runCli(['annotate', docx, '-o', join(out, docx.replace('/', '-'))], { cwd: dir });
  // annotate refuses to write over its input.
  expect(runCli(['annotate', 'seeds/003-news.docx', '-o', 'seeds/003-news.docx'], { cwd: dir }).code).toBe(2);
  expect(hashes(dir)).toEqual(before);
}, 300_000);

test('--fix changes only the .txt/.md drafts it fixes, atomically, and nothing else', () => {
  const dir = tempDir();
  cpSync(join(ROOT, 'fixtures/seeds/002-city-report.txt'), join(dir, 'a.txt'));
  cpSync(join(ROOT, 'fixtures/seeds/002-city-report.docx'), join(dir, 'b.docx'));
  writeFileSync(join(dir, 'c.md'), '# 关于工作的通知\n\n各单位:请于3月1日前报送。\n');
  const before = hashes(dir);
  const r = runCli(['.', '--fix'], { cwd: dir });
  // The .docx has fixable findings; the user is told it is not written.
  expect(r.stderr.trim()).toBe('wenfeng: b.docx: 只修正 .txt/.md 文稿，.docx 和 .pdf 从不改写 (only .txt/.md drafts are fixed; .docx and .pdf are never written)');
  const after = hashes(dir);
  expect(after.get(join(dir, 'b.docx'))).toBe(before.get(join(dir, 'b.docx')));
  expect(after.get(join(dir, 'a.txt'))).not.toBe(before.get(join(dir, 'a.txt')));
  expect(readFileSync(join(dir, 'c.md'), 'utf8')).toBe('# 关于工作的通知\n\n各单位：请于3月1日前报送。\n');
  // No temporary files are left behind.
  expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.docx', 'c.md']);
});
