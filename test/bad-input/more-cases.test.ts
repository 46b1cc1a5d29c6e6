// The rest of the bad-input suite: bombs, deep XML, encryption, scans, encodings, limits, permissions.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../helpers/run-cli.js';
import { makeDocx } from '../helpers/minimal-docx.js';

/** One line for the file, naming it and the cause; exit 2; no stack trace. */
function expectOneLine(args: string[], path: string, cause: RegExp, cwd?: string): void {
  const r = runCli(args, { cwd });
  expect(r.code).toBe(2);
  const lines = r.stdout.trim().split('\n').filter((l) => l && !/^✖/.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(path);
  expect(lines[0]).toMatch(cause);
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
}

/** A .docx whose body is `body` (the inside of <w:body>). */
const docxWith = (body: string): Uint8Array => makeDocx(body);

describe('bad .docx', () => {
  test('a zip bomb is refused by its inflated size, with a configurable cap', () => {
    const dir = tempDir();
    const para = '<w:p><w:r><w:t>关于开展检查的通知正文内容</w:t></w:r></w:p>';
    writeFileSync(join(dir, 'bomb.docx'), docxWith(para.repeat(100_000)));
    expectOneLine(['bomb.docx', '--max-inflated-size', '2'], 'bomb.docx', /解压后超过 2 MiB 上限（疑似压缩炸弹）/, dir);
    expect(runCli(['bomb.docx', '--max-inflated-size', '64', '--format', 'json', '--rule', 'page-limit: off', '--timeout-per-page', '60'], { cwd: dir }).stdout).toContain('"fatal":false');
  });

  test('a table cell spanning 2³² − 1 columns is read as spanning Word\'s 63, and the draft is checked', () => {
    const dir = tempDir();
    const cell = (span: string, text: string) => `<w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl><w:tr>${cell('4294967295', '全县排查隐患处')}${cell('1', '已整改')}</w:tr></w:tbl>`;
    writeFileSync(join(dir, 'span.docx'), docxWith(`<w:p><w:r><w:t>关于排查情况的报告</w:t></w:r></w:p>${table}`));
    const r = runCli(['span.docx', '--format', 'json', '--no-config'], { cwd: dir });
    expect(r.stderr).toBe('');
    const file = JSON.parse(r.stdout).files[0];
    expect(file.fatal).toBe(false);
    expect(file.pages.count).toBe(1);
  });

  test('malformed and deeply nested XML', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'malformed.docx'), docxWith('<w:p><w:r></w:p>'));
    writeFileSync(join(dir, 'deep.docx'), docxWith(`${'<w:sdt>'.repeat(5000)}${'</w:sdt>'.repeat(5000)}`));
    expectOneLine(['malformed.docx'], 'malformed.docx', /word\/document\.xml/, dir);
    expectOneLine(['deep.docx'], 'deep.docx', /嵌套|nest/i, dir);
  });

  test('a password-protected .docx (an OLE container) and a .doc renamed .docx', () => {
    expectOneLine(['fixtures/bad/encrypted.docx'], 'encrypted.docx', /密码/);
    const dir = tempDir();
    copyFileSync(join(ROOT, 'fixtures/bad/encrypted.doc'), join(dir, 'old.docx'));
    expectOneLine(['old.docx'], 'old.docx', /密码|Word 97/, dir);
  });
});

describe('bad .pdf', () => {
  test('an owner-password-only PDF is read', () => {
    const r = runCli(['fixtures/pdf/owner-only.pdf', '--format', 'json']);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.fatal).toBe(false);
    expect(f.stats.chars).toBeGreaterThan(10);
  });

  test('a scan: pages counted, a warning that text rules could not run, exit 0', () => {
    const r = runCli(['fixtures/pdf/scanned.pdf', '--format', 'json']);
    const f = JSON.parse(r.stdout).files[0];
    expect(r.code).toBe(0);
    expect(f.pages).toMatchObject({ method: 'pdf', exact: true });
    expect(f.pages.count).toBeGreaterThanOrEqual(1);
    expect(f.messages).toHaveLength(1);
    expect(f.messages[0]).toMatchObject({ ruleId: null, severity: 'warning' });
    expect(f.messages[0].message).toMatch(/OCR/);
  });
});

describe('limits and the file system', () => {
  test('a file over the size limit', () => {
    expectOneLine(['fixtures/seeds/002-city-report.pdf', '--max-file-size', '0.05'], '002-city-report.pdf', /文件过大（.+，上限 51\.2 KB；可用 --max-file-size 放宽）/);
  });

  test('a text file in no detectable encoding', () => {
    const dir = tempDir();
    let seed = 3;
    writeFileSync(join(dir, 'noise.txt'), Buffer.from(new Uint8Array(3000).map(() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), 0x80 + (seed % 0x7f)))));
    expectOneLine(['noise.txt'], 'noise.txt', /无法识别文本编码/, dir);
  });

  test('permission denied (run as an unprivileged user)', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'secret.txt'), '关于工作的通知\n正文。\n');
    chmodSync(join(dir, 'secret.txt'), 0o600);
    writeFileSync(join(dir, 'open.txt'), '关于工作的通知\n每年不超过次。\n');
    chmodSync(join(dir, 'open.txt'), 0o644);
    const setpriv = spawnSync('setpriv', ['--version']);
    if (setpriv.status !== 0 || process.getuid?.() !== 0) return; // needs root to drop privileges
    // The test tree must be readable by nobody for node to load the CLI.
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'secret.txt', 'open.txt', '--format', 'compact', '--no-config'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (/EACCES.*wenfeng\.js|Cannot find module/.test(r.stderr)) return; // the checkout itself is not readable by nobody
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^secret\.txt:1:1: 错误 没有读取权限 \[fatal\]$/m);
    expect(r.stdout).toMatch(/^open\.txt:2:\d+: 错误 数字空缺/m);
  });

  test('a directory with no drafts, named alone', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty/notes.json'), '{}');
    expectOneLine(['empty'], 'empty', /目录中没有可检查的文稿/, dir);
  });
});

